import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { idParam, pageQuery, reasonBody, type App } from '../../http/types.ts';
import { listChangesInScope, reviewChange } from './profile-changes.service.ts';

const tags = ['profile-changes'];
export function profileChangeRoutes(app: App, deps: Deps) {
  app.get(
    '/api/profile-changes',
    {
      config: { access: 'profileChange.review' },
      schema: {
        tags,
        summary: '信息变更申请（管辖范围内）',
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), ...pageQuery }),
      },
    },
    async (req) => listChangesInScope(deps, req.ctx, req.query),
  );
  app.post(
    '/api/profile-changes/:id/approve',
    { config: { access: 'profileChange.review' }, schema: { tags, summary: '通过信息变更申请', params: idParam } },
    async (req) => ({ change: await reviewChange(deps, req.ctx, req.params.id, 'approved', null) }),
  );
  app.post(
    '/api/profile-changes/:id/reject',
    { config: { access: 'profileChange.review' }, schema: { tags, summary: '驳回信息变更申请', params: idParam, body: reasonBody } },
    async (req) => ({ change: await reviewChange(deps, req.ctx, req.params.id, 'rejected', req.body.reason) }),
  );
}
