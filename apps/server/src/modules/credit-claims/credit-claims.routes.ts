// 学分申报 over HTTP: thin routes, each one call into a service.
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition, idParam, pageQuery, reasonBody, type App, dbId } from '../../http/types.ts';
import { readClaimForm } from './claim-form.ts';
import { evidenceFile } from './claim-files.service.ts';
import { approveClaim, rejectClaim, reviewDetail, reviewQueue } from './claim-review.service.ts';
import { listClaimTypes, myClaims, submitClaim, withdrawClaim } from './claim-submit.service.ts';

const tags = ['credit-claims'];
const queueQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});

export function creditClaimRoutes(app: App, deps: Deps) {
  // 'session' + a check in the service: teachers and reviewers both read the table / the files
  app.get(
    '/api/credit-claims/types',
    { config: { access: 'session' }, schema: { tags, summary: '学分申报折算表（当前学分政策）' } },
    async (req) => listClaimTypes(deps, req.ctx),
  );

  app.post(
    '/api/credit-claims',
    {
      config: { access: 'credit.self' },
      schema: { tags, summary: '提交学分申报（multipart：claimType、year、title、quantity、description，证明材料 1–5 个）' },
    },
    async (req, reply) => {
      const form = await readClaimForm(req, deps.config);
      const claim = await submitClaim(deps, req.ctx, form.input, form.files);
      reply.code(201);
      return { claim };
    },
  );
  app.get('/api/credit-claims/mine', { config: { access: 'credit.self' }, schema: { tags, summary: '我的学分申报' } }, async (req) =>
    myClaims(deps, req.ctx),
  );
  app.post(
    '/api/credit-claims/:id/withdraw',
    { config: { access: 'credit.self' }, schema: { tags, summary: '撤回待审核的学分申报', params: idParam } },
    async (req) => ({ claim: await withdrawClaim(deps, req.ctx, req.params.id) }),
  );

  app.get(
    '/api/credit-claims/:id/files/:fileId',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: '查看 / 下载证明材料',
        params: z.object({ id: dbId, fileId: dbId }),
        querystring: z.object({ download: z.enum(['0', '1']).optional() }),
      },
    },
    async (req, reply) => {
      const f = await evidenceFile(deps, req.ctx, req.params.id, req.params.fileId);
      const disposition = req.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .type(f.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(disposition, `evidence.${f.ext}`, f.fileName))
        .send(createReadStream(f.path));
    },
  );

  app.get(
    '/api/credit-claims',
    {
      config: { access: 'credit.claimReview' },
      schema: { tags, summary: '学分申报审核队列（本级、管辖范围内）', querystring: queueQuery },
    },
    async (req) => reviewQueue(deps, req.ctx, req.query),
  );
  app.get(
    '/api/credit-claims/:id',
    { config: { access: 'credit.claimReview' }, schema: { tags, summary: '学分申报详情（审核）', params: idParam } },
    async (req) => ({ claim: await reviewDetail(deps, req.ctx, req.params.id) }),
  );
  app.post(
    '/api/credit-claims/:id/approve',
    { config: { access: 'credit.claimReview' }, schema: { tags, summary: '通过学分申报（写入学分明细）', params: idParam } },
    async (req) => ({ claim: await approveClaim(deps, req.ctx, req.params.id) }),
  );
  app.post(
    '/api/credit-claims/:id/reject',
    { config: { access: 'credit.claimReview' }, schema: { tags, summary: '驳回学分申报', params: idParam, body: reasonBody } },
    async (req) => ({ claim: await rejectClaim(deps, req.ctx, req.params.id, req.body.reason) }),
  );
}
