import type { Executor } from '../../context.ts';

export function childRegions(db: Executor, parent: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('parent_code', '=', parent).orderBy('code').execute();
}

export function regionByCode(db: Executor, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code).execute();
}

export function schoolsOfCounty(db: Executor, countyCode: string) {
  return db.selectFrom('schools').select(['id', 'name']).where('region_code', '=', countyCode).orderBy('name').execute();
}

export async function countyOfSchool(db: Executor, schoolId: number): Promise<string | undefined> {
  return (await db.selectFrom('schools').select('region_code').where('id', '=', schoolId).executeTakeFirst())?.region_code;
}

export interface SchoolFilter {
  root: string;
  onlySchoolId?: number;
  regionCode?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Schools under a region node (scope first), a page of them and the total. */
export async function schoolsUnder(db: Executor, f: SchoolFilter) {
  let query = db
    .selectFrom('schools as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .where('s.region_code', 'like', `${f.root}%`);
  if (f.onlySchoolId) query = query.where('s.id', '=', f.onlySchoolId);
  if (f.regionCode) query = query.where('s.region_code', 'like', `${f.regionCode}%`);
  if (f.q) query = query.where('s.name', 'like', `%${f.q}%`);
  const [items, total] = await Promise.all([
    query
      .select(['s.id', 's.name', 's.region_code as regionCode', 'r.name as countyName', 's.area_type as areaType', 's.category'])
      .orderBy('s.region_code')
      .orderBy('s.name')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
