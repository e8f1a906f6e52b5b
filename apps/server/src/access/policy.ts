// The one place that decides who may do what. Routes declare a Permission; the auth hook checks it
// before any handler runs; services receive the Actor and repositories filter by its scope.
import type { Role, Scope } from '@shixun/domain';
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

const REGION_ADMINS: Role[] = ['county_admin', 'city_admin', 'province_admin'];
const TEACHER_ADMINS: Role[] = ['school_admin', ...REGION_ADMINS];

export const GRANTS = {
  session: null, // any logged-in user
  'profile.self': ['teacher'],
  'region.read': [...TEACHER_ADMINS, 'institution_admin', 'sys_admin', 'security_admin', 'audit_admin'],
  'teacher.read': TEACHER_ADMINS,
  // full ID and phone numbers: only the levels that handle individual teachers' records
  'teacher.reveal': ['school_admin', 'county_admin'],
  'teacher.editKeyFields': REGION_ADMINS,
  'teacher.resetPassword': TEACHER_ADMINS,
  'teacher.setStatus': TEACHER_ADMINS,
  'registration.review': ['school_admin'],
  'profileChange.review': REGION_ADMINS,
  // credits (学分): "谁组织、谁认定" — the school certifies 校本研修, region admins review claims and adjust
  'credit.self': ['teacher'],
  'credit.read': TEACHER_ADMINS,
  'credit.schoolBased': ['school_admin'],
  'credit.adjust': TEACHER_ADMINS,
  'credit.claimReview': TEACHER_ADMINS,
  'credit.report': TEACHER_ADMINS,
  'credit.policy': ['province_admin'],
  // training projects (专项培训): each admin plans at their own level; the service checks organiser and scope
  'project.self': ['teacher'],
  'project.plan': TEACHER_ADMINS,
  'project.read': TEACHER_ADMINS,
  'project.select': ['school_admin', 'county_admin'],
  'project.review': TEACHER_ADMINS,
  'project.assign': TEACHER_ADMINS,
  // institutions see only their own classes
  'class.manage': ['institution_admin'],
  // 发件箱: delivery status with masked recipients; message bodies (codes) only with config.devOutbox
  'outbox.read': ['sys_admin'],
  // 管理员账号 (三员分立): each business level creates and looks after the level below it (province → city
  // admins and institution admins, city → county, county → school; the service checks the scope). The
  // platform's own accounts (province, sys, security, audit admins) change only by two people: the security
  // admin proposes, an audit admin approves. The sys admin reads the directory and creates nobody.
  'adminAccount.read': ['province_admin', 'city_admin', 'county_admin', 'sys_admin', 'security_admin', 'audit_admin'],
  'adminAccount.manage': ['province_admin', 'city_admin', 'county_admin'],
  'adminAccount.requests': ['security_admin', 'audit_admin'],
  'adminAccount.propose': ['security_admin'],
  'adminAccount.approve': ['audit_admin'],
  'audit.read': ['audit_admin'],
  'security.manage': ['security_admin'],
} as const satisfies Record<string, readonly Role[] | null>;

export type Permission = keyof typeof GRANTS;
export type Access = 'public' | Permission;

export function can(actor: Actor, permission: Permission): boolean {
  const roles = GRANTS[permission] as readonly Role[] | null;
  return roles === null || actor.roles.some((r) => roles.includes(r));
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
  if (!actor.roles.some((r) => TEACHER_ADMINS.includes(r))) return { none: true };
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
