import { regions as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { listRegionChildren, listSchools, listSchoolsInScope, regionChildrenInScope } from './regions.service.ts';

export function regionRoutes(app: App, deps: Deps) {
  app.get(c.publicRegions.path, { config: { access: 'public' }, schema: schemaOf(c.publicRegions) }, async (req) => ({
    items: await listRegionChildren(deps, req.query.parent ?? deps.config.provinceCode),
  }));

  app.get(c.publicSchools.path, { config: { access: 'public' }, schema: schemaOf(c.publicSchools) }, async (req) => ({
    items: await listSchools(deps, req.query.countyCode),
  }));

  app.get(c.regionsInScope.path, { config: { access: 'region.read' }, schema: schemaOf(c.regionsInScope) }, async (req) => ({
    items: await regionChildrenInScope(deps, actorCtx(req).actor, req.query.parent),
  }));

  app.get(c.schoolsInScope.path, { config: { access: 'region.read' }, schema: schemaOf(c.schoolsInScope) }, async (req) =>
    listSchoolsInScope(deps, actorCtx(req).actor, req.query),
  );
}
