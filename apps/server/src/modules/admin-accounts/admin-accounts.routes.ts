import { adminAccounts as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { createAdmin, listAdmins, resetAdminPassword, setAdminStatus } from './admin-accounts.service.ts';
import { decide, listRequests, propose } from './requests.service.ts';

export function adminAccountRoutes(app: App, deps: Deps) {
  app.get(c.list.path, { config: { access: 'adminAccount.read' }, schema: schemaOf(c.list) }, async (req) =>
    listAdmins(deps, actorCtx(req), req.query),
  );

  app.post(c.create.path, { config: { access: 'adminAccount.manage' }, schema: schemaOf(c.create) }, async (req, reply) => {
    const r = await createAdmin(deps, actorCtx(req), req.body);
    reply.code(201);
    return r;
  });

  app.post(c.resetPassword.path, { config: { access: 'adminAccount.manage' }, schema: schemaOf(c.resetPassword) }, async (req) =>
    resetAdminPassword(deps, actorCtx(req), req.params.id),
  );

  app.post(c.setStatus.path, { config: { access: 'adminAccount.manage' }, schema: schemaOf(c.setStatus) }, async (req) =>
    setAdminStatus(deps, actorCtx(req), req.params.id, req.body.status),
  );

  app.get(c.requests.path, { config: { access: 'adminAccount.requests' }, schema: schemaOf(c.requests) }, async (req) =>
    listRequests(deps, actorCtx(req), req.query),
  );

  app.post(c.propose.path, { config: { access: 'adminAccount.propose' }, schema: schemaOf(c.propose) }, async (req, reply) => {
    const r = await propose(deps, actorCtx(req), req.body);
    reply.code(201);
    return r;
  });

  app.post(c.decide.path, { config: { access: 'adminAccount.approve' }, schema: schemaOf(c.decide) }, async (req) =>
    decide(deps, actorCtx(req), req.params.id, req.body),
  );
}
