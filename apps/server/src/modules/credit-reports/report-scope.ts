// Which teachers a report covers: the viewer's scope, narrowed by an optional region or school.
// A region or school outside the scope answers 404, the same as one that does not exist.
import { teacherScope, type Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { regionByCode, schoolById } from './compliance.repository.ts';

export type ReportLevel = 'province' | 'city' | 'county' | 'school';
export type GroupBy = 'city' | 'county' | 'school';

export interface ReportScope {
  /** teachers whose county code starts with this */
  regionPrefix?: string;
  schoolId?: number;
  level: ReportLevel;
  /** the region code (or the school's county code) and the name shown as the report's title */
  code: string;
  name: string;
}

const LEVEL_BY_LENGTH: Record<number, ReportLevel> = { 2: 'province', 4: 'city', 6: 'county' };

export async function resolveReportScope(db: Executor, actor: Actor, q: { regionCode?: string; schoolId?: number }): Promise<ReportScope> {
  const base = teacherScope(actor);
  if (base.none) throw notFound('统计范围');
  const schoolId = q.schoolId ?? (base.schoolId && !q.regionCode ? base.schoolId : undefined);
  if (schoolId !== undefined) {
    const school = await schoolById(db, schoolId);
    const inScope = school && (base.schoolId ? school.id === base.schoolId : school.region_code.startsWith(base.regionPrefix!));
    if (!school || !inScope || (q.regionCode && !school.region_code.startsWith(q.regionCode))) throw notFound('学校');
    return { schoolId: school.id, level: 'school', code: school.region_code, name: school.name };
  }
  if (base.schoolId) {
    // a school admin naming a region: only the regions their school lies in, and it stays the school
    const school = await schoolById(db, base.schoolId);
    if (!school) throw notFound('学校');
    if (!school.region_code.startsWith(q.regionCode!)) throw notFound('行政区划');
    return { schoolId: school.id, level: 'school', code: school.region_code, name: school.name };
  }
  const code = q.regionCode ?? base.regionPrefix!;
  if (!code.startsWith(base.regionPrefix!)) throw notFound('行政区划');
  const region = await regionByCode(db, code);
  if (!region || !LEVEL_BY_LENGTH[code.length]) throw notFound('行政区划');
  return { regionPrefix: code, level: region.level, code, name: region.name };
}

const FINER: Record<ReportLevel, GroupBy[]> = {
  province: ['city', 'county', 'school'],
  city: ['county', 'school'],
  county: ['school'],
  school: ['school'],
};
const GROUP_LABEL: Record<GroupBy, string> = { city: '按市', county: '按区县', school: '按学校' };
const LEVEL_LABEL: Record<ReportLevel, string> = { province: '全省', city: '市', county: '区县', school: '学校' };

/** The next level down by default; a coarser grouping than the scope itself makes no sense. */
export function groupByFor(scope: ReportScope, requested?: GroupBy): GroupBy {
  const allowed = FINER[scope.level];
  if (!requested) return allowed[0]!;
  if (!allowed.includes(requested))
    throw invalid(
      `${LEVEL_LABEL[scope.level]}范围的统计不能${GROUP_LABEL[requested]}分组，可选：${allowed.map((g) => GROUP_LABEL[g]).join('、')}`,
    );
  return requested;
}
