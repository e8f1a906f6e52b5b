import { profile as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { listChangesInScope, reviewChange } from './profile-changes.service.ts';

export function profileChangeRoutes(app: App, deps: Deps) {
  app.get(c.changesInScope.path, { config: { access: 'profileChange.review' }, schema: schemaOf(c.changesInScope) }, async (req) =>
    listChangesInScope(deps, actorCtx(req), req.query),
  );
  app.post(c.approveChange.path, { config: { access: 'profileChange.review' }, schema: schemaOf(c.approveChange) }, async (req) => ({
    change: await reviewChange(deps, actorCtx(req), req.params.id, 'approved', null),
  }));
  app.post(c.rejectChange.path, { config: { access: 'profileChange.review' }, schema: schemaOf(c.rejectChange) }, async (req) => ({
    change: await reviewChange(deps, actorCtx(req), req.params.id, 'rejected', req.body.reason),
  }));
}
