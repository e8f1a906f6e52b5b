import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTs = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateCol = ColumnType<string | null, string | null | undefined, string | null>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}
export interface SchoolTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
  area_type: Generated<string>;
  category: Generated<string>;
}
export interface InstitutionTable {
  id: Generated<number>;
  code: string;
  name: string;
}
export interface UserTable {
  id: Generated<number>;
  login_name: string | null;
  id_number: string | null;
  phone: string | null;
  email: string | null;
  /** blind indexes (security/pii.ts): the only way to find a user by full ID or phone number */
  id_number_bidx: ColumnType<string | null, string | null | undefined, string | null>;
  phone_bidx: ColumnType<string | null, string | null | undefined, string | null>;
  name: string;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  status: Generated<'pending' | 'active' | 'disabled' | 'rejected'>;
  reject_reason: string | null;
  source: Generated<'import' | 'register' | 'admin'>;
  failed_logins: Generated<number>;
  first_failed_at: NullableTs;
  locked_until: NullableTs;
  created_at: Generated<Date>;
  password_changed_at: NullableTs;
}
export interface UserRoleTable {
  user_id: number;
  role: string;
  region_code: string | null;
  school_id: number | null;
  institution_id: number | null;
}
export interface TeacherTable {
  user_id: number;
  school_id: number;
  region_code: string;
  gender: string | null;
  ethnicity: string | null;
  birth_date: DateCol;
  id_type: Generated<string>;
  political_status: string | null;
  stage: string | null;
  subject: string | null;
  initial_education: string | null;
  highest_education: string | null;
  highest_degree: string | null;
  graduate_school: string | null;
  major: string | null;
  work_start_date: DateCol;
  professional_title: string | null;
  post_category: string | null;
  admin_position: string | null;
  is_establishment: boolean | null;
  is_public_funded_normal: boolean | null;
  is_special_post: boolean | null;
  qualification_type: string | null;
  qualification_number: string | null;
  backbone_level: string | null;
  is_head_teacher: boolean | null;
  hire_date: DateCol;
  personnel_status: Generated<string>;
  cert_photo: string | null;
  avatar: string | null;
  updated_at: Generated<Date>;
}
export interface ProfileChangeTable {
  id: Generated<number>;
  teacher_id: number;
  changes: ColumnType<Record<string, { from: unknown; to: unknown }>, string, string>;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  review_reason: string | null;
  reviewer_id: number | null;
  created_at: Generated<Date>;
  reviewed_at: NullableTs;
}
export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  idle_seconds: number;
  ip: string | null;
  revoked_at: NullableTs;
}
export interface VerificationCodeTable {
  id: Generated<number>;
  purpose: string;
  target: string;
  user_id: number | null;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTs;
}
export interface OutboxTable {
  id: Generated<number>;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
  created_at: Generated<Date>;
}
export interface AuditLogTable {
  id: Generated<number>;
  at_ms: ColumnType<number, number, never>;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_scope: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  detail: ColumnType<Record<string, unknown> | null, string | null, never>;
  prev_hash: string;
  hash: string;
  keyed: Generated<boolean>;
}

export interface Database extends CreditTables, ProjectTables {
  regions: RegionTable;
  schools: SchoolTable;
  institutions: InstitutionTable;
  users: UserTable;
  user_roles: UserRoleTable;
  teachers: TeacherTable;
  profile_changes: ProfileChangeTable;
  sessions: SessionTable;
  verification_codes: VerificationCodeTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
}

// --- credits (002_credits.sql) ---
type Json<T> = ColumnType<T, string, string>;
export interface CreditPolicyTable {
  id: Generated<number>;
  policy_id: string;
  version: number;
  document: Json<unknown>;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface CreditEntryTable {
  id: Generated<number>;
  teacher_id: number;
  entry_date: ColumnType<string, string, never>;
  year: number;
  category: string;
  form: 'onsite' | 'online' | 'school_based' | 'other';
  amount_h: number;
  hours_h: number | null;
  title: string;
  source: 'project' | 'elective' | 'school_based' | 'claim' | 'import' | 'adjustment' | 'reversal';
  source_id: string | null;
  source_key: string | null;
  level: 'national' | 'province' | 'city' | 'county' | 'school';
  certifier_id: number | null;
  certifier_name: string;
  certifier_unit: string;
  school_id: number | null;
  reversal_of: number | null;
  reason: string | null;
  created_at: Generated<Date>;
}
export interface CreditSummaryTable {
  teacher_id: number;
  year: number;
  category: string;
  form: string;
  level: string;
  amount_h: Generated<number>;
  hours_h: Generated<number>;
  entries: Generated<number>;
}
export interface CreditStandingTable {
  teacher_id: number;
  policy_version: number;
  cycle_id: string;
  assessed: boolean;
  compliant: boolean;
  earned_h: number;
  required_h: number;
  by_category: Json<Record<string, number>>;
  missing: Json<string[]>;
  as_of: ColumnType<string, string, string>;
  computed_at: Generated<Date>;
}
export interface CreditClaimTable {
  id: Generated<number>;
  teacher_id: number;
  claim_type: string;
  title: string;
  year: number;
  category: string;
  amount_h: number;
  description: string | null;
  review_level: Generated<string>;
  status: Generated<'pending' | 'approved' | 'rejected' | 'withdrawn'>;
  review_reason: string | null;
  reviewer_id: number | null;
  entry_id: number | null;
  policy_version: number;
  created_at: Generated<Date>;
  reviewed_at: NullableTs;
}
export interface CreditClaimFileTable {
  id: Generated<number>;
  claim_id: number;
  file_name: string;
  stored_name: string;
  mime: string;
  size: number;
  created_at: Generated<Date>;
}
export interface CertificateTable {
  id: Generated<number>;
  code: string;
  kind: 'credit' | 'completion';
  teacher_id: number;
  title: string;
  payload: Json<Record<string, unknown>>;
  policy_version: number | null;
  issued_at: Generated<Date>;
  revoked_at: NullableTs;
}
export interface CreditTables {
  credit_policies: CreditPolicyTable;
  credit_entries: CreditEntryTable;
  credit_summaries: CreditSummaryTable;
  credit_standings: CreditStandingTable;
  credit_claims: CreditClaimTable;
  credit_claim_files: CreditClaimFileTable;
  certificates: CertificateTable;
}

// --- 学分申报 (003_credit_claims.sql): these columns merge into CreditClaimTable above ---
export interface CreditClaimTable {
  claim_type_name: Generated<string>;
  form: Generated<'onsite' | 'online' | 'school_based' | 'other'>;
  quantity_h: Generated<number>;
  unit_amount_h: Generated<number>;
  withdrawn_at: NullableTs;
}

// --- training projects (010_projects.sql) ---
type DateStr = ColumnType<string, string, string>;
type NullNum = ColumnType<number | null, number | string | null | undefined, number | string | null>;
export type ProjectLevel = 'national' | 'province' | 'city' | 'county' | 'school';
export interface ProjectTypeTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  sort: Generated<number>;
}
export interface ProjectTable {
  id: Generated<number>;
  name: string;
  year: number;
  level: ProjectLevel;
  organiser_region_code: string | null;
  organiser_school_id: number | null;
  organiser_name: string;
  type_id: number;
  sub_type_id: number | null;
  mode: 'onsite' | 'online' | 'blended' | 'school_based';
  funding: Generated<string>;
  credit_category: string;
  credit_amount_h: Generated<number>;
  hours_h: Generated<number>;
  target_stages: Generated<string[]>;
  target_subjects: Generated<string[]>;
  target_region_codes: Generated<string[]>;
  quota: number;
  place: Generated<string>;
  start_date: DateStr;
  end_date: DateStr;
  allow_application: Generated<boolean>;
  apply_start: DateCol;
  apply_end: DateCol;
  onsite_weight: Generated<number>;
  online_weight: Generated<number>;
  pass_mark: ColumnType<number, number | string | undefined, number | string>;
  learning_url: string | null;
  evaluation_questions: ColumnType<{ id: string; text: string; kind: 'rating' | 'text' }[], string | undefined, string>;
  status: Generated<'draft' | 'published' | 'closed'>;
  created_by: number | null;
  created_at: Generated<Date>;
  published_at: NullableTs;
  closed_at: NullableTs;
}
export interface ProjectInstitutionTable {
  project_id: number;
  institution_id: number;
}
export interface ProjectQuotaTable {
  id: Generated<number>;
  project_id: number;
  holder: string;
  holder_name: string;
  parent_id: number | null;
  quota: number;
  granted_below: Generated<number>;
  used: Generated<number>;
}
export interface EnrollmentTable {
  id: Generated<number>;
  project_id: number;
  teacher_id: number;
  origin: 'selected' | 'applied';
  status: Generated<'reviewing' | 'returned' | 'approved' | 'assigned' | 'withdrawn'>;
  stage: 'school' | 'county' | 'city' | 'province' | 'done';
  quota_id: number | null;
  class_id: number | null;
  onsite_score: NullNum;
  online_score: NullNum;
  total_score: NullNum;
  result: 'passed' | 'failed' | null;
  credit_entry_id: number | null;
  certificate_id: number | null;
  evaluated: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface EnrollmentEventTable {
  id: Generated<number>;
  enrollment_id: number;
  action:
    | 'selected'
    | 'applied'
    | 'submitted'
    | 'approved'
    | 'returned'
    | 'assigned'
    | 'withdrawn'
    | 'checked_in'
    | 'scored'
    | 'passed'
    | 'failed'
    | 'certified';
  level: string | null;
  actor_id: number | null;
  actor_name: string;
  reason: string | null;
  at: Generated<Date>;
}
export interface TrainingClassTable {
  id: Generated<number>;
  project_id: number;
  institution_id: number;
  name: string;
  notice_title: string | null;
  notice_body: string | null;
  notice_published_at: NullableTs;
  created_at: Generated<Date>;
}
export interface ClassNoticeFileTable {
  id: Generated<number>;
  class_id: number;
  file_name: string;
  stored_name: string;
  mime: string;
  size: number;
  created_at: Generated<Date>;
}
export interface ClassSessionTable {
  id: Generated<number>;
  class_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: Generated<string>;
  topic: string;
  lecturer: Generated<string>;
  checkin_secret: string;
}
export interface CheckinTable {
  session_id: number;
  enrollment_id: number;
  method: 'qr' | 'manual';
  by_id: number | null;
  at: Generated<Date>;
}
export interface ProjectEvaluationTable {
  id: Generated<number>;
  project_id: number;
  class_id: number | null;
  answers: ColumnType<Record<string, unknown>, string, never>;
  submitted_at: Generated<string>;
}
export interface ProjectTables {
  project_types: ProjectTypeTable;
  projects: ProjectTable;
  project_institutions: ProjectInstitutionTable;
  project_quotas: ProjectQuotaTable;
  enrollments: EnrollmentTable;
  enrollment_events: EnrollmentEventTable;
  training_classes: TrainingClassTable;
  class_notice_files: ClassNoticeFileTable;
  class_sessions: ClassSessionTable;
  checkins: CheckinTable;
  project_evaluations: ProjectEvaluationTable;
}

// --- 学分达标统计 (004_credit_reports.sql) ---
export interface CreditReportSchoolCountTable {
  school_id: number;
  region_code: string;
  teachers: number;
  assessed: number;
  compliant: number;
  completed: number;
  stale: number;
  unevaluated: number;
  by_category: ColumnType<Record<string, number>, string, string>;
}
export interface CreditReportStateTable {
  id: Generated<number>;
  policy_version: number;
  cycle_id: string;
  year: number;
  counted_at: Timestamp;
  duration_ms: number;
  invalidated: Generated<boolean>;
}
export type CreditReportCountyCountTable = Omit<CreditReportSchoolCountTable, 'school_id'>;
export interface Database {
  credit_report_school_counts: CreditReportSchoolCountTable;
  credit_report_county_counts: CreditReportCountyCountTable;
  credit_report_state: CreditReportStateTable;
}

// --- 三员分立 for accounts (013_admin_separation.sql) ---
export type PlatformAccountAction = 'create' | 'reset_password' | 'disable' | 'enable';
export interface AdminAccountRequestTable {
  id: Generated<number>;
  action: PlatformAccountAction;
  role: 'province_admin' | 'sys_admin' | 'security_admin' | 'audit_admin' | null;
  login_name: string | null;
  name: string | null;
  target_user_id: number | null;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  version: Generated<number>;
  requested_by: number;
  requested_at: Generated<Date>;
  decided_by: number | null;
  decided_at: NullableTs;
  decision_reason: string | null;
  result_user_id: number | null;
}
/** merges into OutboxTable above */
export interface OutboxTable {
  status: Generated<'queued' | 'sent' | 'failed'>;
}
export interface Database {
  admin_account_requests: AdminAccountRequestTable;
}

// --- authentication hardening (012_auth_hardening.sql) ---
/** merges into UserTable above: two-factor authentication */
export interface UserTable {
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: NullableTs;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  totp_required: Generated<boolean>;
}
export interface LoginFailureTable {
  account_key: string;
  ip: string;
  user_id: number | null;
  failures: Generated<number>;
  locks: Generated<number>;
  first_failed_at: Generated<Date>;
  last_failed_at: Generated<Date>;
  locked_until: NullableTs;
}
export interface AuthAttemptTable {
  id: Generated<number>;
  kind: 'register' | 'forgot';
  key: string;
  at: Generated<Date>;
}
export interface AuthChallengeTable {
  id: string;
  answer_hash: string;
  expires_at: Timestamp;
  used_at: NullableTs;
}
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: Generated<Date>;
}
export interface TotpRecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: NullableTs;
}
export interface LoginTicketTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  account_key: string;
  ip: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: NullableTs;
}
export interface Database {
  login_failures: LoginFailureTable;
  auth_attempts: AuthAttemptTable;
  auth_challenges: AuthChallengeTable;
  password_history: PasswordHistoryTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  login_tickets: LoginTicketTable;
}
