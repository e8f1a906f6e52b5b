import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { idParam, pageQuery, reasonBody, type App } from '../../http/types.ts';
import { listRegistrations, reviewRegistration } from './registrations.service.ts';

const tags = ['registrations'];
export function registrationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/registrations',
    {
      config: { access: 'registration.review' },
      schema: {
        tags,
        summary: '注册审核列表',
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending'), ...pageQuery }),
      },
    },
    async (req) => listRegistrations(deps, req.ctx, req.query),
  );
  app.post(
    '/api/registrations/:id/approve',
    { config: { access: 'registration.review' }, schema: { tags, summary: '通过注册', params: idParam } },
    async (req) => reviewRegistration(deps, req.ctx, req.params.id, 'approved', null),
  );
  app.post(
    '/api/registrations/:id/reject',
    { config: { access: 'registration.review' }, schema: { tags, summary: '驳回注册', params: idParam, body: reasonBody } },
    async (req) => reviewRegistration(deps, req.ctx, req.params.id, 'rejected', req.body.reason),
  );
}
