// Who may do what: each permission and the roles that hold it. The server's auth hook checks routes
// against it (apps/server/src/access/policy.ts) and the web app shows menus from it, so a menu entry
// appears exactly when the server will answer. Scope (which teachers, which region) is the server's.
import type { Role } from './roles.ts';

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
  // 自主选学: institutions (or region admins) offer electives, the organising level approves them into the
  // catalogue and reads their figures; teachers browse, enrol and learn. The service checks provider and scope.
  'elective.self': ['teacher'],
  'elective.offer': ['institution_admin', ...REGION_ADMINS],
  'elective.review': REGION_ADMINS,
  // 我的订单: a teacher's own orders (pay, cancel, refund, invoice)
  'order.self': ['teacher'],
  // 对账 (the finance role): the province's payments and refunds by channel
  'order.finance': ['province_admin'],
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

/** Whether any of these roles holds the permission (`session`: anyone logged in). */
export function rolesMay(roles: readonly Role[], permission: Permission): boolean {
  const allowed = GRANTS[permission] as readonly Role[] | null;
  return allowed === null || roles.some((r) => allowed.includes(r));
}
