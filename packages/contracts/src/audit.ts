// 审计日志: the HMAC-chained log, its verification and the signed checkpoints.
import { z } from 'zod';
import { pageQuery, paged } from './common.ts';
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
});

export const checkpoint = z.object({ at: z.string(), rows: z.number(), headId: z.number(), headHash: z.string(), signature: z.string() });

export const auditLog = route({
  method: 'GET',
  path: '/api/audit',
  summary: '审计日志',
  tags,
  querystring: z.object({ action: z.string().max(64).optional(), actor: z.string().max(50).optional(), ...pageQuery }),
  response: paged(auditEntry).extend({ lastCheckpoint: checkpoint.nullable() }),
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
