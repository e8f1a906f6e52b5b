import type { Actor } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import { notFound } from '../../http/errors.ts';

export function listRegionChildren(deps: Deps, parent: string) {
  if (!parent.startsWith(deps.config.provinceCode)) return Promise.resolve([]);
  return deps.db.selectFrom('regions').select(['code', 'name', 'level']).where('parent_code', '=', parent).orderBy('code').execute();
}

export function listSchools(deps: Deps, countyCode: string) {
  if (!countyCode.startsWith(deps.config.provinceCode)) return Promise.resolve([]);
  return deps.db.selectFrom('schools').select(['id', 'name']).where('region_code', '=', countyCode).orderBy('name').execute();
}

/** The region node an actor's scope starts at (a school admin's is the school's county). */
async function scopeRoot(deps: Deps, actor: Actor): Promise<string | undefined> {
  if (actor.scope.regionCode) return actor.scope.regionCode;
  if (actor.scope.schoolId) {
    const s = await deps.db.selectFrom('schools').select('region_code').where('id', '=', actor.scope.schoolId).executeTakeFirst();
    return s?.region_code;
  }
  if (['sys_admin', 'security_admin', 'audit_admin', 'institution_admin'].includes(actor.role)) return deps.config.provinceCode;
  return undefined;
}

/** Without a parent: the scope's own node. With one: its children, if it lies inside the scope. */
export async function regionChildrenInScope(deps: Deps, actor: Actor, parent?: string) {
  const root = await scopeRoot(deps, actor);
  if (!root) return [];
  if (!parent) return deps.db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', root).execute();
  if (!parent.startsWith(root)) throw notFound('行政区划');
  return deps.db.selectFrom('regions').select(['code', 'name', 'level']).where('parent_code', '=', parent).orderBy('code').execute();
}

export async function listSchoolsInScope(deps: Deps, actor: Actor, q: { regionCode?: string; q?: string; page: number; pageSize: number }) {
  const root = await scopeRoot(deps, actor);
  if (!root) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  let query = deps.db
    .selectFrom('schools as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .where('s.region_code', 'like', `${root}%`);
  if (actor.role === 'school_admin' && actor.scope.schoolId) query = query.where('s.id', '=', actor.scope.schoolId);
  if (q.regionCode) query = query.where('s.region_code', 'like', `${q.regionCode}%`);
  if (q.q) query = query.where('s.name', 'like', `%${q.q}%`);
  const [items, total] = await Promise.all([
    query
      .select(['s.id', 's.name', 's.region_code as regionCode', 'r.name as countyName', 's.area_type as areaType', 's.category'])
      .orderBy('s.region_code')
      .orderBy('s.name')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}
