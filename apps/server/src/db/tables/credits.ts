import type { ColumnType, Generated } from 'kysely';
import type { NullableTs, Timestamp } from '../columns.ts';

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
// --- 015_credit_cycles.sql: the 定期注册 check on the teacher's own window; per-cycle standings; 注册日期 ---
export interface CreditStandingTable {
  reg_status: 'eligible' | 'in_progress' | 'ineligible' | 'not_assessed' | null;
  reg_anchor: 'registration' | 'hire' | null;
  reg_start: ColumnType<string | null, string | null, string | null>;
  reg_end: ColumnType<string | null, string | null, string | null>;
  reg_hours_h: number | null;
  reg_required_h: number | null;
  reg_missing: Json<string[]> | null;
}
export interface CreditCycleStandingTable {
  cycle_id: string;
  teacher_id: number;
  policy_version: number;
  years: number;
  compliant: boolean;
  earned_h: number;
  required_h: number;
  by_category: Json<Record<string, number>>;
  missing: Json<string[]>;
  as_of: ColumnType<string, string, string>;
}
export interface TeacherRegistrationTable {
  id: Generated<number>;
  teacher_id: number;
  registered_on: ColumnType<string, string, string>;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
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
  credit_cycle_standings: CreditCycleStandingTable;
  teacher_registrations: TeacherRegistrationTable;
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
// --- 017_project_settings.sql: a 重新申报 points at the returned claim it answers ---
export interface CreditClaimTable {
  resubmit_of: number | null;
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
export interface ReportTables {
  credit_report_school_counts: CreditReportSchoolCountTable;
  credit_report_county_counts: CreditReportCountyCountTable;
  credit_report_state: CreditReportStateTable;
}
