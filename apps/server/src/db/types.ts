// The database's row types, by migration: the platform's own tables here, each feature's in tables/.
import type { ColumnType, Generated } from 'kysely';
import type { DateCol, NullableTs, Timestamp } from './columns.ts';
import type { AdminRequestTables, AuthTables } from './tables/accounts.ts';
import type { CreditTables, ReportTables } from './tables/credits.ts';
import type { ProjectTables } from './tables/projects.ts';
import type { JobTables } from './tables/jobs.ts';
import type { CredentialTables } from './tables/credentials.ts';
import type { ElectiveTables } from './tables/electives.ts';
import type { OrderTables } from './tables/orders.ts';

export * from './tables/accounts.ts';
export * from './tables/credits.ts';
export * from './tables/projects.ts';
export * from './tables/electives.ts';
export * from './tables/jobs.ts';
export * from './tables/credentials.ts';
export * from './tables/orders.ts';

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
  // two-factor authentication (012_auth_hardening.sql)
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: NullableTs;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  totp_required: Generated<boolean>;
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
  // delivery status (013_admin_separation.sql)
  status: Generated<'queued' | 'sent' | 'failed'>;
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

export interface Database
  extends CreditTables,
    ReportTables,
    ProjectTables,
    AdminRequestTables,
    AuthTables,
    JobTables,
    ElectiveTables,
    CredentialTables,
    OrderTables {
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
