// SQL of the region tree and schools as admins' nodes: read-only lookups shared by feature modules.
import type { Executor } from '../../context.ts';

export function findSchool(db: Executor, id: number) {
  return db.selectFrom('schools').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
}

export function findRegion(db: Executor, code: string) {
  return db.selectFrom('regions').select(['code', 'name']).where('code', '=', code).executeTakeFirst();
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

/** Schools of a county, by code. */
export function schoolsOfCounty(db: Executor, regionCode: string) {
  return db.selectFrom('schools').select(['id', 'name']).where('region_code', '=', regionCode).orderBy('code').execute();
}

/** Regions directly under a region, by code. */
export function regionChildren(db: Executor, parentCode: string) {
  return db.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', parentCode).orderBy('code').execute();
}

export async function schoolNames(db: Executor, ids: number[]) {
  return ids.length ? db.selectFrom('schools').select(['id', 'name']).where('id', 'in', ids).execute() : [];
}

export async function institutionNames(db: Executor, ids: number[]) {
  return ids.length ? db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', ids).execute() : [];
}

export async function regionNames(db: Executor, codes: string[]) {
  return codes.length ? db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute() : [];
}

/** How many schools lie under a node: one for a school, those of the region's subtree otherwise. */
export async function countSchoolsUnder(db: Executor, node: { schoolId: number | null; regionCode: string }): Promise<number> {
  let q = db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n'));
  q = node.schoolId ? q.where('id', '=', node.schoolId) : q.where('region_code', 'like', `${node.regionCode}%`);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
