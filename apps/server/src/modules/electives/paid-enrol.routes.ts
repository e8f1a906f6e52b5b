// 报名付费课程 over HTTP (the catalogue's paid path; free courses use electives.routes.ts).
import { orders as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { orderElective } from './paid-enrol.service.ts';

export function paidElectiveRoutes(app: App, deps: Deps) {
  app.post(c.orderElective.path, { config: { access: 'elective.self' }, schema: schemaOf(c.orderElective) }, async (req, reply) => {
    reply.code(201);
    return orderElective(deps, actorCtx(req), req.params.id);
  });
}
