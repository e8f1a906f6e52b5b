import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export const ok = { ok: true as const };

/** A Content-Disposition value (RFC 5987): the Chinese file name for browsers, an ASCII one for the rest. */
export const contentDisposition = (kind: 'inline' | 'attachment', ascii: string, name: string) =>
  `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
export const idParam = z.object({ id: z.coerce.number().int().positive() });
/** A required reason for a rejection: trimmed, not empty. */
export const reasonBody = z.object({ reason: z.string().trim().min(1, '请填写驳回理由').max(500) });
