import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition, idParam, type App } from '../../http/types.ts';
import { certificatePdf, describeCertificate, myCertificates, verifyCertificate } from './certificates.service.ts';
import { creditCertificateOptions, issueCreditCertificate } from './credit-certificate.ts';

const tags = ['certificates'];
const creditScope = z.union(
  [
    z.object({ cycleId: z.string().trim().min(1, '请选择培训周期').max(40) }).strict(),
    z.object({ year: z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确') }).strict(),
  ],
  { error: '请选择要生成证书的培训周期或年度' },
);

export function certificateRoutes(app: App, deps: Deps) {
  app.get(
    '/api/certificates/mine',
    { config: { access: 'credit.self' }, schema: { tags, summary: '我的证书（学分证书、结业证书）' } },
    async (req) => myCertificates(deps, req.ctx),
  );

  app.get(
    '/api/certificates/credit/options',
    { config: { access: 'credit.self' }, schema: { tags, summary: '可生成学分证书的培训周期与年度' } },
    async (req) => creditCertificateOptions(deps, req.ctx),
  );

  app.post(
    '/api/certificates/credit',
    {
      config: { access: 'credit.self' },
      schema: { tags, summary: '生成学分证书（按培训周期或年度；数据未变时返回已有证书）', body: creditScope },
    },
    async (req, reply) => {
      const r = await issueCreditCertificate(deps, req.ctx, req.body);
      reply.code(r.reused ? 200 : 201);
      return { certificate: describeCertificate(r.row), reused: r.reused };
    },
  );

  // 'session' here, the real rule in the service: the holder (credit.self) or an admin in scope (credit.read)
  app.get(
    '/api/certificates/:id/pdf',
    { config: { access: 'session' }, schema: { tags, summary: '下载证书 PDF', params: idParam } },
    async (req, reply) => {
      const r = await certificatePdf(deps, req.ctx, req.params.id, deps.config.publicUrl);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
        .header('cache-control', 'private, no-store')
        .send(r.pdf);
    },
  );

  app.get(
    '/api/public/certificates/:code',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.loginPerMinutePerIp, timeWindow: 60_000 } },
      schema: { tags, summary: '证书验证（无需登录）', params: z.object({ code: z.string().max(64) }) },
    },
    async (req) => verifyCertificate(deps, req.params.code),
  );
}
