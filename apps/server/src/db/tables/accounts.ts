import type { Generated } from 'kysely';
import type { NullableTs, Timestamp } from '../columns.ts';

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
export interface AdminRequestTables {
  admin_account_requests: AdminAccountRequestTable;
}

// --- authentication hardening (012_auth_hardening.sql) ---
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
export interface AuthTables {
  login_failures: LoginFailureTable;
  auth_attempts: AuthAttemptTable;
  auth_challenges: AuthChallengeTable;
  password_history: PasswordHistoryTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  login_tickets: LoginTicketTable;
}
