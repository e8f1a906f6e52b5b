import { auth, registrations as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { register } from './register.service.ts';
import { listRegistrations, reviewRegistration } from './registrations.service.ts';

export function registrationRoutes(app: App, deps: Deps) {
  // 教师注册 (the path stays under /api/auth with the other public account routes)
  app.post(
    auth.register.path,
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: 60_000 } }, schema: schemaOf(auth.register) },
    async (req, reply) => {
      const r = await register(deps, req.ctx, req.body);
      reply.code(201);
      return { status: r.status };
    },
  );
  app.get(c.list.path, { config: { access: 'registration.review' }, schema: schemaOf(c.list) }, async (req) =>
    listRegistrations(deps, actorCtx(req), req.query),
  );
  app.post(c.approve.path, { config: { access: 'registration.review' }, schema: schemaOf(c.approve) }, async (req) =>
    reviewRegistration(deps, actorCtx(req), req.params.id, 'approved', null),
  );
  app.post(c.reject.path, { config: { access: 'registration.review' }, schema: schemaOf(c.reject) }, async (req) =>
    reviewRegistration(deps, actorCtx(req), req.params.id, 'rejected', req.body.reason),
  );
}
