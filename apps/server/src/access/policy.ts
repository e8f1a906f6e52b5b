// The one place that decides who may do what. Routes declare a Permission; the auth hook checks it
// before any handler runs; services receive the Actor and repositories filter by its scope.
import { GRANTS, rolesMay, type Permission, type Role, type Scope } from '@shixun/domain';
import { forbidden } from '../http/errors.ts';

export interface Actor {
  userId: number;
  name: string;
  role: Role;
  roles: Role[];
  scope: Scope;
  sessionId: number;
  mustChangePassword: boolean;
  idNumber: string | null;
}

// The grants table lives in packages/domain (grants.ts), shared with the web app's menus.
export { GRANTS, type Permission };
export type Access = 'public' | Permission;

export function can(actor: Actor, permission: Permission): boolean {
  return rolesMay(actor.roles, permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/** The part of the region tree an admin acts on, as repositories apply it. */
export interface ScopeFilter {
  regionPrefix?: string;
  schoolId?: number;
  institutionId?: number;
  /** true when the actor has no teacher scope at all: queries must return nothing */
  none?: boolean;
}

export function teacherScope(actor: Actor): ScopeFilter {
  if (!rolesMay(actor.roles, 'teacher.read')) return { none: true }; // the admins of teachers: school, county, city, province
  if (actor.role === 'school_admin') return actor.scope.schoolId ? { schoolId: actor.scope.schoolId } : { none: true };
  return actor.scope.regionCode ? { regionPrefix: actor.scope.regionCode } : { none: true };
}

export function scopeLabel(actor: Actor | undefined): string | null {
  if (!actor) return null;
  const s = actor.scope;
  return s.regionCode
    ? `region:${s.regionCode}`
    : s.schoolId
      ? `school:${s.schoolId}`
      : s.institutionId
        ? `institution:${s.institutionId}`
        : null;
}
