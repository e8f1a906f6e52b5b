// 学分政策 (province admin): versions, the active document, check, preview, publish, recompute.
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { bodyId, dbId, type App } from '../../http/types.ts';
import { checkDraft, listPolicyVersions, policyVersion, publishPolicy, recomputeNow } from './credit-policies.service.ts';
import { previewDraft } from './preview.ts';
import { recomputeStatus, stopRecompute } from './recompute.ts';
import { requirePermission } from '../../access/policy.ts';

const tags = ['credit-policies'];
const access = 'credit.policy' as const;
const draftBody = z.object({ document: z.unknown() });

export function creditPolicyRoutes(app: App, deps: Deps) {
  // a running recompute must end before the database closes
  app.addHook('onClose', async () => {
    await stopRecompute(deps.db);
  });

  app.get('/api/credit-policies', { config: { access }, schema: { tags, summary: '学分政策版本列表' } }, async (req) =>
    listPolicyVersions(deps, req.ctx),
  );

  app.get('/api/credit-policies/active', { config: { access }, schema: { tags, summary: '当前生效的学分政策' } }, async (req) =>
    policyVersion(deps, req.ctx),
  );

  app.get('/api/credit-policies/recompute', { config: { access }, schema: { tags, summary: '学分状态重新计算进度' } }, async (req) => {
    requirePermission(req.actor!, access);
    return recomputeStatus(deps.db);
  });

  app.post(
    '/api/credit-policies/recompute',
    { config: { access }, schema: { tags, summary: '按当前政策重新计算全部教师的学分状态' } },
    async (req, reply) => reply.code(202).send(await recomputeNow(deps, req.ctx)),
  );

  app.get(
    '/api/credit-policies/:version',
    {
      config: { access },
      schema: { tags, summary: '某一版本的学分政策', params: z.object({ version: dbId }) },
    },
    async (req) => policyVersion(deps, req.ctx, req.params.version),
  );

  app.post(
    '/api/credit-policies/validate',
    { config: { access }, schema: { tags, summary: '校验学分政策草稿', body: draftBody } },
    async (req) => checkDraft(deps, req.ctx, req.body.document),
  );

  app.post(
    '/api/credit-policies/preview',
    { config: { access }, schema: { tags, summary: '预览草稿对达标情况的影响', body: draftBody } },
    async (req) => previewDraft(deps, req.ctx, req.body.document),
  );

  app.post(
    '/api/credit-policies',
    {
      config: { access },
      schema: { tags, summary: '发布新版本学分政策', body: draftBody.extend({ baseVersion: bodyId.optional() }) },
    },
    async (req, reply) => reply.code(201).send(await publishPolicy(deps, req.ctx, req.body.document, req.body.baseVersion)),
  );
}
