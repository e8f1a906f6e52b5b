// 证书 over HTTP: thin routes, each one call into a service.
import { certificates as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { certificatePdf, describeCertificate, myCertificates, verifyCertificate } from './certificates.service.ts';
import { creditCertificateOptions, issueCreditCertificate } from './credit-certificate.ts';

export function certificateRoutes(app: App, deps: Deps) {
  app.get(c.myCertificates.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myCertificates) }, async (req) =>
    myCertificates(deps, actorCtx(req)),
  );

  app.get(c.creditOptions.path, { config: { access: 'credit.self' }, schema: schemaOf(c.creditOptions) }, async (req) =>
    creditCertificateOptions(deps, actorCtx(req)),
  );

  // 201 with a new certificate, 200 with the one already issued: both answers go through the contract
  const issue = schemaOf(c.issueCredit);
  app.post(
    c.issueCredit.path,
    { config: { access: 'credit.self' }, schema: { ...issue, response: { 200: c.issueCredit.response, 201: c.issueCredit.response } } },
    async (req, reply) => {
      const r = await issueCreditCertificate(deps, actorCtx(req), req.body);
      reply.code(r.reused ? 200 : 201);
      return { certificate: describeCertificate(r.row), reused: r.reused };
    },
  );

  // 'session' here, the real rule in the service: the holder (credit.self) or an admin in scope (credit.read)
  app.get(c.certificatePdf.path, { config: { access: 'session' }, schema: schemaOf(c.certificatePdf) }, async (req, reply) => {
    const r = await certificatePdf(deps, actorCtx(req), req.params.id, deps.config.publicUrl);
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
      .header('cache-control', 'private, no-store')
      .send(r.pdf);
  });

  app.get(
    c.verifyCertificate.path,
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.loginPerMinutePerIp, timeWindow: 60_000 } },
      schema: schemaOf(c.verifyCertificate),
    },
    async (req) => verifyCertificate(deps, req.params.code),
  );
}
