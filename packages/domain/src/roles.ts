export const ROLES = [
  'teacher',
  'school_admin',
  'county_admin',
  'city_admin',
  'province_admin',
  'institution_admin',
  'sys_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  teacher: '教师',
  school_admin: '校级管理员',
  county_admin: '区县管理员',
  city_admin: '市级管理员',
  province_admin: '省级项目管理员',
  institution_admin: '承培机构管理员',
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** 三员分立: no account may hold two of these. */
export const SEPARATED_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

export const REGION_ADMIN_ROLES: readonly Role[] = ['county_admin', 'city_admin', 'province_admin'];
export const ADMIN_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'teacher');

export function violatesSeparation(roles: readonly Role[]): boolean {
  return roles.filter((r) => SEPARATED_ROLES.includes(r)).length > 1;
}

/** The scope an account acts in: a region node (code prefix), a school, or an institution. */
export interface Scope {
  regionCode?: string;
  schoolId?: number;
  institutionId?: number;
}

export type RegionLevel = 'province' | 'city' | 'county';
export function regionLevelOf(code: string): RegionLevel {
  return code.length === 2 ? 'province' : code.length === 4 ? 'city' : 'county';
}
