// 学分申报 over HTTP: thin routes, each one call into a service.
import { createReadStream } from 'node:fs';
import { creditClaims as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { readClaimForm } from './claim-form.ts';
import { evidenceFile } from './claim-files.service.ts';
import { resubmitClaim } from './claim-resubmit.service.ts';
import { approveClaim, rejectClaim, reviewDetail, reviewQueue } from './claim-review.service.ts';
import { listClaimTypes, myClaims, submitClaim, withdrawClaim } from './claim-submit.service.ts';

export function creditClaimRoutes(app: App, deps: Deps) {
  // 'session' + a check in the service: teachers and reviewers both read the table / the files
  app.get(c.claimTypes.path, { config: { access: 'session' }, schema: schemaOf(c.claimTypes) }, async (req) =>
    listClaimTypes(deps, actorCtx(req)),
  );

  app.post(c.submitClaim.path, { config: { access: 'credit.self' }, schema: schemaOf(c.submitClaim) }, async (req, reply) => {
    const form = await readClaimForm(req, deps.config);
    const claim = await submitClaim(deps, actorCtx(req), form.input, form.files);
    reply.code(201);
    return { claim };
  });
  app.get(c.myClaims.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myClaims) }, async (req) =>
    myClaims(deps, actorCtx(req)),
  );
  app.post(c.resubmitClaim.path, { config: { access: 'credit.self' }, schema: schemaOf(c.resubmitClaim) }, async (req, reply) => {
    // the form is read only once the claim is known to be the teacher's and returned
    const claim = await resubmitClaim(deps, actorCtx(req), req.params.id, () => readClaimForm(req, deps.config));
    reply.code(201);
    return { claim };
  });
  app.post(c.withdrawClaim.path, { config: { access: 'credit.self' }, schema: schemaOf(c.withdrawClaim) }, async (req) => ({
    claim: await withdrawClaim(deps, actorCtx(req), req.params.id),
  }));

  app.get(c.evidenceFile.path, { config: { access: 'session' }, schema: schemaOf(c.evidenceFile) }, async (req, reply) => {
    const f = await evidenceFile(deps, actorCtx(req), req.params.id, req.params.fileId);
    const disposition = req.query.download === '1' ? 'attachment' : 'inline';
    return reply
      .type(f.mime)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition(disposition, `evidence.${f.ext}`, f.fileName))
      .send(createReadStream(f.path));
  });

  app.get(c.reviewQueue.path, { config: { access: 'credit.claimReview' }, schema: schemaOf(c.reviewQueue) }, async (req) =>
    reviewQueue(deps, actorCtx(req), req.query),
  );
  app.get(c.reviewClaimDetail.path, { config: { access: 'credit.claimReview' }, schema: schemaOf(c.reviewClaimDetail) }, async (req) => ({
    claim: await reviewDetail(deps, actorCtx(req), req.params.id),
  }));
  app.post(c.approveClaim.path, { config: { access: 'credit.claimReview' }, schema: schemaOf(c.approveClaim) }, async (req) => ({
    claim: await approveClaim(deps, actorCtx(req), req.params.id),
  }));
  app.post(c.rejectClaim.path, { config: { access: 'credit.claimReview' }, schema: schemaOf(c.rejectClaim) }, async (req) => ({
    claim: await rejectClaim(deps, actorCtx(req), req.params.id, req.body.reason),
  }));
}
