// 三员分立 for accounts, as data: who creates and looks after whom.
//
// - Business admins are created by the level directly above them, inside its own node of the region
//   tree: the province admin creates city admins (cities of the province) and 承培机构管理员
//   (institutions are province-wide, and the province assigns their trainees); a city admin creates
//   county admins of its counties; a county admin creates school admins of its schools. The same
//   creator resets their passwords and disables / re-enables them; nobody else sees them here.
// - Platform accounts (the province admin and the sys / security / audit admins) are created at
//   installation (bootstrapPlatformAccounts) and changed afterwards only by two people: the security
//   admin proposes, an audit admin approves (requests.service.ts).
// - The system admin runs the platform and creates nobody: it only reads the directory of admins.
import type { Role } from '@shixun/domain';

export type AdminRole = Exclude<Role, 'teacher'>;
export type PlatformRole = 'province_admin' | 'sys_admin' | 'security_admin' | 'audit_admin';
export const PLATFORM_ROLES: readonly PlatformRole[] = ['province_admin', 'sys_admin', 'security_admin', 'audit_admin'];

/** How a managed account's scope must sit under the creator's region node. */
type Under = 'region' | 'school' | 'anywhere';
export const CREATES: Partial<Record<Role, Partial<Record<AdminRole, Under>>>> = {
  province_admin: { city_admin: 'region', institution_admin: 'anywhere' },
  city_admin: { county_admin: 'region' },
  county_admin: { school_admin: 'school' },
};

/** The level of region a new region admin's node must have. */
export const REGION_LEVEL: Partial<Record<AdminRole, 'province' | 'city' | 'county'>> = {
  province_admin: 'province',
  city_admin: 'city',
  county_admin: 'county',
};

export function creatableRoles(actorRole: Role): AdminRole[] {
  return Object.keys(CREATES[actorRole] ?? {}) as AdminRole[];
}

/** One role row of an account, with the county of its school (for school admins). */
export interface RoleRow {
  role: string;
  region_code: string | null;
  school_region: string | null;
}

/** Does an actor (role + region node) look after this role row? */
export function governs(actor: { role: Role; regionCode?: string }, r: RoleRow): boolean {
  const under = CREATES[actor.role]?.[r.role as AdminRole];
  if (!under || !actor.regionCode) return false;
  if (under === 'anywhere') return true;
  const code = under === 'school' ? r.school_region : r.region_code;
  return !!code && code.startsWith(actor.regionCode);
}

/** An account is managed only when every role it holds is: a city admin who is also something else is not. */
export function governsAccount(actor: { role: Role; regionCode?: string }, rows: RoleRow[]): boolean {
  return rows.length > 0 && rows.every((r) => governs(actor, r));
}

export const isPlatformAccount = (rows: RoleRow[]) => rows.length > 0 && rows.every((r) => PLATFORM_ROLES.includes(r.role as PlatformRole));
