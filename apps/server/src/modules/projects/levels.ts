// Who plans at which level, and the labels of projects and enrolments. The admin's node in the region
// tree (and the quota holder keys) are in modules/org.
import type { Actor } from '../../access/policy.ts';
import type { ProjectLevel } from '../../db/types.ts';
import { schoolHolder } from '../org/org.ts';

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
