import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { visibleText } from '../files/file-name.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const ok = { ok: true as const };

/** A Content-Disposition value (RFC 5987): the Chinese file name for browsers, an ASCII one for the rest; names
 *  stored before file names were cleaned lose their invisible (bidi, control) characters here. */
export const contentDisposition = (kind: 'inline' | 'attachment', ascii: string, name: string) =>
  `${kind}; filename="${ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(visibleText(name))}`;
/** Ids are PostgreSQL integers: anything past 2³¹−1 is refused here rather than by the database. */
export const MAX_ID = 2_147_483_647;
export const dbId = z.coerce.number().int('编号应为整数').positive('编号不正确').max(MAX_ID, '编号超出范围');
/** An id inside a JSON body: a number, not a string. */
export const bodyId = z.number().int('编号应为整数').positive('编号不正确').max(MAX_ID, '编号超出范围');
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000, '页码超出范围').default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
export const idParam = z.object({ id: dbId });
/** A required reason for a rejection: trimmed, not empty. */
export const reasonBody = z.object({ reason: z.string().trim().min(1, '请填写驳回理由').max(500) });
