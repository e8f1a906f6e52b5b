// Building blocks every feature's contracts share: ids, paging, timestamps, the error body.
import { z } from 'zod';

/** Ids are PostgreSQL integers: anything past 2³¹−1 is refused before it reaches the database. */
export const MAX_ID = 2_147_483_647;
/** An id in a path or query string (text on the wire). */
export const dbId = z.coerce.number().int('编号应为整数').positive('编号不正确').max(MAX_ID, '编号超出范围');
/** An id inside a JSON body: a number, not a string. */
export const bodyId = z.number().int('编号应为整数').positive('编号不正确').max(MAX_ID, '编号超出范围');
export const idParams = z.object({ id: dbId });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000, '页码超出范围').default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** A page of a list, as every paginated route answers. */
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A list without paging. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A moment: the server hands a Date (or an ISO string), the wire carries the ISO string. */
export const timestamp = z.codec(z.union([z.iso.datetime({ offset: true }), z.iso.datetime()]), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});
/** A calendar day 'YYYY-MM-DD'. */
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD 格式');

export const ok = z.object({ ok: z.literal(true) });

/** A file download (PDF, xlsx, image): not JSON, described for the OpenAPI document only. */
export const file = z.unknown().meta({ description: '文件（PDF / xlsx / 图片）' });

/** Every error answer: a stable code, a Chinese sentence that says what to do, and per-field messages. */
export const errorBody = z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() });

/** A required reason for a rejection: trimmed, not empty. */
export const reasonBody = z.object({ reason: z.string().trim().min(1, '请填写驳回理由').max(500, '理由不能超过 500 个字') });
