// 审计日志: the HMAC-chained log, its verification and the signed checkpoints.
import { z } from 'zod';
import { day, file, pageQuery, paged } from './common.ts';
import { route } from './route.ts';

const tags = ['audit'] as const;

export const auditEntry = z.object({
  id: z.number(),
  /** epoch milliseconds */
  at: z.number(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorScope: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  /** the action in Chinese («区县审核通过»), from @shixun/domain's table */
  actionLabel: z.string(),
  /** the object in Chinese («李秀英 的报名 #15»), or null when the entry names none */
  objectLabel: z.string().nullable(),
  /** «李秀英 的报名 #15 — 区县审核通过» */
  summary: z.string(),
});

/** The filters of the list and of the export: person, action, object, result and a date range (days in the deployment's time zone). */
export const auditFilter = {
  actor: z.string().trim().max(50, '操作人不能超过 50 个字').optional(),
  /** an action code, or its first part(s) for a family of actions ('auth' → auth.*) */
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_.]*$/, '操作类型不正确')
    .optional(),
  objectType: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9_]*$/, '对象类型不正确')
    .optional(),
  objectId: z.string().trim().max(64, '对象编号不能超过 64 个字符').optional(),
  result: z.enum(['success', 'failure', 'denied'], { error: '结果只能是 success、failure 或 denied' }).optional(),
  from: day.optional(),
  to: day.optional(),
};

export const checkpoint = z.object({ at: z.string(), rows: z.number(), headId: z.number(), headHash: z.string(), signature: z.string() });

export const auditLog = route({
  method: 'GET',
  path: '/api/audit',
  summary: '审计日志',
  tags,
  querystring: z.object({ ...auditFilter, ...pageQuery }),
  response: paged(auditEntry).extend({ lastCheckpoint: checkpoint.nullable() }),
});

export const exportLog = route({
  method: 'GET',
  path: '/api/audit/export.xlsx',
  summary: '按筛选条件导出审计日志（xlsx，流式写出；导出本身记入审计日志）',
  tags,
  querystring: z.object(auditFilter),
  response: file,
});

export const checkpointStatus = z.enum(['none', 'match', 'bad-signature', 'missing-head', 'rewritten']);

export const verifyChain = route({
  method: 'POST',
  path: '/api/audit/verify',
  summary: '校验审计日志链（HMAC）并与最近的签名检查点比对，通过后写入新检查点',
  tags,
  response: z.object({
    ok: z.boolean(),
    checked: z.number(),
    brokenAt: z.number().optional(),
    headId: z.number(),
    headHash: z.string(),
    legacyRows: z.number(),
    checkpoint: z.object({
      status: checkpointStatus,
      message: z.string(),
      previous: z.object({ at: z.string(), rows: z.number(), headId: z.number() }).nullable(),
    }),
    lastCheckpoint: checkpoint.nullable(),
  }),
});
