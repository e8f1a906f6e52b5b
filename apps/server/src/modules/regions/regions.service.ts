import type { Actor } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import * as repo from './regions.repository.ts';

export async function listRegionChildren(deps: Deps, parent: string) {
  if (!parent.startsWith(deps.config.provinceCode)) return [];
  return repo.childRegions(deps.db, parent);
}

export async function listSchools(deps: Deps, countyCode: string) {
  if (!countyCode.startsWith(deps.config.provinceCode)) return [];
  return repo.schoolsOfCounty(deps.db, countyCode);
}

/** The region node an actor's scope starts at (a school admin's is the school's county). */
async function scopeRoot(deps: Deps, actor: Actor): Promise<string | undefined> {
  if (actor.scope.regionCode) return actor.scope.regionCode;
  if (actor.scope.schoolId) return repo.countyOfSchool(deps.db, actor.scope.schoolId);
  if (['sys_admin', 'security_admin', 'audit_admin', 'institution_admin'].includes(actor.role)) return deps.config.provinceCode;
  return undefined;
}

/** Without a parent: the scope's own node. With one: its children, if it lies inside the scope. */
export async function regionChildrenInScope(deps: Deps, actor: Actor, parent?: string) {
  const root = await scopeRoot(deps, actor);
  if (!root) return [];
  if (!parent) return repo.regionByCode(deps.db, root);
  if (!parent.startsWith(root)) throw notFound('行政区划');
  return repo.childRegions(deps.db, parent);
}

export async function listSchoolsInScope(deps: Deps, actor: Actor, q: { regionCode?: string; q?: string; page: number; pageSize: number }) {
  const root = await scopeRoot(deps, actor);
  if (!root) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const onlySchoolId = actor.role === 'school_admin' ? actor.scope.schoolId : undefined;
  const { items, total } = await repo.schoolsUnder(deps.db, { ...q, root, onlySchoolId });
  return { items, total, page: q.page, pageSize: q.pageSize };
}
