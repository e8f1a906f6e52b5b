// 学分政策 (province admin): versions, the active document, check, preview, publish, recompute.
import { creditPolicies as c } from '@shixun/contracts';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { checkDraft, listPolicyVersions, policyVersion, publishPolicy, recomputeNow } from './credit-policies.service.ts';
import { previewDraft } from './preview.ts';
import { recomputeStatus } from './recompute.ts';

const access = 'credit.policy' as const;

export function creditPolicyRoutes(app: App, deps: Deps) {
  app.get(c.listVersions.path, { config: { access }, schema: schemaOf(c.listVersions) }, async (req) =>
    listPolicyVersions(deps, actorCtx(req)),
  );

  app.get(c.activeVersion.path, { config: { access }, schema: schemaOf(c.activeVersion) }, async (req) =>
    policyVersion(deps, actorCtx(req)),
  );

  app.get(c.recomputeProgress.path, { config: { access }, schema: schemaOf(c.recomputeProgress) }, async (req) => {
    requirePermission(actorCtx(req).actor, access);
    return recomputeStatus(deps.db);
  });

  // 202: a durable job (modules/jobs) runs it in the background; the answer is the job as queued
  const { response: _200, ...recompute } = schemaOf(c.recompute);
  app.post(
    c.recompute.path,
    { config: { access }, schema: { ...recompute, response: { 202: c.recompute.response } } },
    async (req, reply) => reply.code(202).send(await recomputeNow(deps, actorCtx(req))),
  );

  app.get(c.version.path, { config: { access }, schema: schemaOf(c.version) }, async (req) =>
    policyVersion(deps, actorCtx(req), req.params.version),
  );

  app.post(c.validate.path, { config: { access }, schema: schemaOf(c.validate) }, async (req) =>
    checkDraft(deps, actorCtx(req), req.body.document),
  );

  app.post(c.preview.path, { config: { access }, schema: schemaOf(c.preview) }, async (req) =>
    previewDraft(deps, actorCtx(req), req.body.document),
  );

  app.post(c.publish.path, { config: { access }, schema: schemaOf(c.publish) }, async (req, reply) =>
    reply.code(201).send(await publishPolicy(deps, actorCtx(req), req.body.document, req.body.baseVersion)),
  );
}
