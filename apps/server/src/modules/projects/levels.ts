// Who plans at which level, and the node of the region tree an admin acts for. A quota holder is
// written as a region code ('45', '4501', '450102') or 'school:<id>'.
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import type { ProjectLevel } from '../../db/types.ts';
import type { ReviewStage } from '../enrollments/chain.ts';

export const PROJECT_LEVELS: ProjectLevel[] = ['national', 'province', 'city', 'county', 'school'];
export const LEVEL_LABELS: Record<ProjectLevel, string> = {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
  school: '校级',
};
export const MODE_LABELS = { onsite: '集中培训', online: '远程培训（线上）', blended: '混合式培训', school_based: '校本研修' } as const;
export const PROJECT_STATUS_LABELS = { draft: '草稿', published: '已发布', closed: '已关闭' } as const;
export const ENROLLMENT_STATUS_LABELS = {
  reviewing: '审核中',
  returned: '未通过',
  approved: '审核通过',
  assigned: '已分配',
  withdrawn: '已撤回',
} as const;
export const RESULT_LABELS = { passed: '合格', failed: '不合格' } as const;

/** National projects are entered by the province ("国家级 projects are entered by the province"). */
export const LEVELS_OF_ROLE: Partial<Record<Actor['role'], ProjectLevel[]>> = {
  province_admin: ['national', 'province'],
  city_admin: ['city'],
  county_admin: ['county'],
  school_admin: ['school'],
};
export const STAGE_OF_ROLE: Partial<Record<Actor['role'], ReviewStage>> = {
  school_admin: 'school',
  county_admin: 'county',
  city_admin: 'city',
  province_admin: 'province',
};

export const schoolHolder = (schoolId: number) => `school:${schoolId}`;

/** The node an admin acts for: the level, the quota holder key, the region (a school's county) and a name. */
export interface AdminNode {
  level: ReviewStage;
  holder: string;
  /** the admin's region code; for a school admin, the school's county */
  regionCode: string;
  schoolId: number | null;
  name: string;
}

export async function adminNode(db: Executor, actor: Actor): Promise<AdminNode | null> {
  const level = STAGE_OF_ROLE[actor.role];
  if (!level) return null;
  if (level === 'school') {
    if (!actor.scope.schoolId) return null;
    const s = await db
      .selectFrom('schools')
      .select(['id', 'name', 'region_code'])
      .where('id', '=', actor.scope.schoolId)
      .executeTakeFirst();
    return s ? { level, holder: schoolHolder(s.id), regionCode: s.region_code, schoolId: s.id, name: s.name } : null;
  }
  const code = actor.scope.regionCode;
  if (!code) return null;
  return { level, holder: code, regionCode: code, schoolId: null, name: await regionFullName(db, code) };
}

/** 南宁市兴宁区 for a county, the plain name for a city or the province. */
export async function regionFullName(db: Executor, code: string): Promise<string> {
  const r = await db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.code', 'r.parent_code')
    .select(['r.name', 'r.level', 'p.name as parent_name'])
    .where('r.code', '=', code)
    .executeTakeFirst();
  if (!r) return code;
  return r.level === 'county' && r.parent_name ? `${r.parent_name}${r.name}` : r.name;
}

/** The holder key of a project's organiser. */
export function organiserHolder(p: { organiser_region_code: string | null; organiser_school_id: number | null }): string {
  return p.organiser_school_id ? schoolHolder(p.organiser_school_id) : p.organiser_region_code!;
}

/** The node a quota may be split to from `parent`: a direct child in the tree. */
export function isChildHolder(parent: string, child: { holder: string; regionCode: string; isSchool: boolean }): boolean {
  if (parent.startsWith('school:')) return false;
  if (child.isSchool) return parent.length === 6 && child.regionCode === parent;
  return child.holder.length === parent.length + 2 && child.holder.startsWith(parent);
}
