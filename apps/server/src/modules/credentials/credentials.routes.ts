// 可验证学习记录 over HTTP: the holder's downloads, the public keys (JWKS, also at the well-known
// address verifiers look for), the public check of an uploaded file, and the key rotation.
import { credentials as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { certificateCredentialFile, transcriptCredentialFile, verifyUploadedCredential } from './credentials.service.ts';
import { publishedKeys, rotateSigningKey } from './keys.ts';

/** The body of a check: the largest credential (MAX_CREDENTIAL_CHARS of text, each up to 3 bytes in UTF-8, plus JSON). */
const VERIFY_BODY_LIMIT = 1024 * 1024 + 64 * 1024;

export function credentialRoutes(app: App, deps: Deps) {
  app.get(
    c.downloadCertificateCredential.path,
    { config: { access: 'credit.self' }, schema: schemaOf(c.downloadCertificateCredential) },
    async (req, reply) => {
      const r = await certificateCredentialFile(deps, actorCtx(req), req.params.id);
      return reply
        .type('application/jwt')
        .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
        .header('cache-control', 'private, no-store')
        .send(r.jwt);
    },
  );

  app.get(
    c.downloadTranscriptCredential.path,
    { config: { access: 'credit.self' }, schema: schemaOf(c.downloadTranscriptCredential) },
    async (req, reply) => {
      const r = await transcriptCredentialFile(deps, actorCtx(req));
      return reply
        .type('application/jwt')
        .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
        .header('cache-control', 'private, no-store')
        .send(r.jwt);
    },
  );

  const limited = { access: 'public' as const, rateLimit: { max: deps.config.rateLimit.loginPerMinutePerIp, timeWindow: 60_000 } };
  app.get(c.jwks.path, { config: limited, schema: schemaOf(c.jwks) }, async () => publishedKeys(deps));
  // where JOSE verifiers look first; outside /api, so the same keys without the API's prefix
  app.get('/.well-known/jwks.json', { config: limited, schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(await publishedKeys(deps)),
  );

  app.post(c.verify.path, { config: limited, bodyLimit: VERIFY_BODY_LIMIT, schema: schemaOf(c.verify) }, async (req) =>
    verifyUploadedCredential(deps, req.body.credential),
  );

  app.post(c.rotateKey.path, { config: { access: 'security.manage' }, schema: schemaOf(c.rotateKey) }, async (req, reply) => {
    const r = await rotateSigningKey(deps, actorCtx(req));
    reply.code(201);
    return r;
  });
}
