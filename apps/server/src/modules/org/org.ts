// The node of the region tree an admin acts for (province, city, county or school), shared by the
// feature modules that plan, split and review by level. A quota holder is written as a region code
// ('45', '4501', '450102') or 'school:<id>'.
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { forbidden } from '../../http/errors.ts';
import { findSchool, regionChildren, regionFullName, regionNames, schoolNames, schoolsOfCounty } from './org.repository.ts';

export { countSchoolsUnder, findRegion, institutionNames, regionFullName } from './org.repository.ts';

/** The admin levels of the review chain, top-down from the school. */
export type ReviewStage = 'school' | 'county' | 'city' | 'province';

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
    const s = await findSchool(db, actor.scope.schoolId);
    return s ? { level, holder: schoolHolder(s.id), regionCode: s.region_code, schoolId: s.id, name: s.name } : null;
  }
  const code = actor.scope.regionCode;
  if (!code) return null;
  return { level, holder: code, regionCode: code, schoolId: null, name: await regionFullName(db, code) };
}

/** The node an admin acts for; an admin without one (a broken account) may do nothing here. */
export async function nodeOf(db: Executor, actor: Actor): Promise<AdminNode> {
  const node = await adminNode(db, actor);
  if (!node) throw forbidden('您的账号没有所属的管理单位');
  return node;
}

/** A school of the tree with its county, or undefined. */
export const schoolOf = findSchool;

/** The nodes one level below a holder, with names: cities of the province, counties of a city, schools of a county. */
export async function childNodes(db: Executor, holder: string): Promise<{ holder: string; name: string }[]> {
  if (holder.startsWith('school:')) return [];
  if (holder.length === 6) return (await schoolsOfCounty(db, holder)).map((s) => ({ holder: schoolHolder(s.id), name: s.name }));
  return (await regionChildren(db, holder)).map((r) => ({ holder: r.code, name: r.name }));
}

/** Short names of holders (a school's name, a region's name). */
export async function namesOfHolders(db: Executor, holders: string[]): Promise<Map<string, string>> {
  const schoolIds = holders.filter((h) => h.startsWith('school:')).map((h) => Number(h.slice(7)));
  const codes = holders.filter((h) => !h.startsWith('school:'));
  const [schools, regions] = await Promise.all([schoolNames(db, schoolIds), regionNames(db, codes)]);
  return new Map<string, string>([
    ...schools.map((s) => [schoolHolder(s.id), s.name] as [string, string]),
    ...regions.map((r) => [r.code, r.name] as [string, string]),
  ]);
}
