import { ROLES, maskEmail, maskIdNumber, maskPhone, type Role } from '@shixun/domain';
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { findUserById, rolesOf, type RoleRow } from './users.repository.ts';

declare module '../../access/policy.ts' {
  interface Actor {
    /** The role must use two-factor authentication and the account has not enrolled: only enrolment is open. */
    mustEnrollTotp?: boolean;
  }
}

/** The role an account acts as: its admin role when it has one (ROLES order), else teacher. */
export function primaryRole(rows: RoleRow[]): RoleRow | undefined {
  const sorted = [...rows].sort((a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role));
  return sorted.find((r) => r.role !== 'teacher') ?? sorted[0];
}

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
/** One user's row and role rows, loaded once per request and reused (the actor and `Me` both come from it). */
export interface Account {
  user: UserRow;
  roles: RoleRow[];
}

export async function loadAccount(db: Executor, userId: number): Promise<Account | undefined> {
  const [user, roles] = await Promise.all([findUserById(db, userId), rolesOf(db, userId)]);
  return user ? { user, roles } : undefined;
}

export function actorOf({ user, roles }: Account, sessionId: number): Actor | undefined {
  if (user.status !== 'active') return undefined;
  const p = primaryRole(roles);
  if (!p) return undefined;
  return {
    userId: user.id,
    name: user.name,
    role: p.role,
    roles: roles.map((r) => r.role),
    sessionId,
    scope: {
      regionCode: p.region_code ?? undefined,
      schoolId: p.school_id ?? undefined,
      institutionId: p.institution_id ?? undefined,
    },
    mustChangePassword: user.must_change_password,
    mustEnrollTotp: user.totp_required && !user.totp_enabled_at,
    idNumber: user.id_number,
  };
}

/** The `Me` object of the API: masked personal numbers, roles, scope with names. */
export function describeMe({ user, roles }: Account) {
  const p = primaryRole(roles);
  return {
    id: user.id,
    name: user.name,
    loginName: user.login_name,
    idNumber: maskIdNumber(user.id_number),
    phone: maskPhone(user.phone),
    email: maskEmail(user.email),
    roles: roles.map((r) => r.role) as Role[],
    role: (p?.role ?? 'teacher') as Role,
    scope: {
      regionCode: p?.region_code ?? undefined,
      regionName: p?.region_name ?? undefined,
      schoolId: p?.school_id ?? undefined,
      schoolName: p?.school_name ?? undefined,
      institutionId: p?.institution_id ?? undefined,
      institutionName: p?.institution_name ?? undefined,
    },
    mustChangePassword: user.must_change_password,
    mustEnrollTotp: user.totp_required && !user.totp_enabled_at,
    totpEnabled: !!user.totp_enabled_at,
  };
}
