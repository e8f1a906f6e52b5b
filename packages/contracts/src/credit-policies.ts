// 学分政策 (province admin): the versions, the active document, checking and previewing a draft,
// publishing it as a new version, and recomputing every teacher's standing under it.
import { z } from 'zod';
import { bodyId, dbId, listOf, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['credit-policies'] as const;

/** A policy document as typed in the editor: checked by the domain's parser, not by the route. */
export const draftBody = z.object({ document: z.unknown() });

export const policyVersionRow = z.object({
  version: z.number(),
  policyId: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdBy: z.string(),
  createdAt: timestamp,
});

export const policyDocument = z.object({
  version: z.number(),
  policyId: z.string(),
  active: z.boolean(),
  createdAt: timestamp,
  document: z.record(z.string(), z.unknown()),
});

export const validateResult = z.object({ valid: z.boolean(), errors: z.array(z.string()) });

/** One policy's numbers in a preview: the same reading as the compliance reports. */
export const tally = z.object({
  version: z.number().nullable(),
  name: z.string(),
  cycle: z.string(),
  assessed: z.number(),
  compliant: z.number(),
  completed: z.number(),
  rate: z.number().nullable(),
  byCategory: z.array(z.object({ id: z.string(), name: z.string(), met: z.number() })),
});

export const previewResult = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(false), errors: z.array(z.string()) }),
  z.object({
    valid: z.literal(true),
    errors: z.array(z.string()),
    asOf: z.string(),
    population: z.number(),
    evaluated: z.number(),
    sampled: z.boolean(),
    current: tally,
    draft: tally,
    becameCompliant: z.number(),
    becameNonCompliant: z.number(),
  }),
]);

/** The latest recompute job: idle (none yet), queued (waiting for a runner, or for a retry after `error`), running … */
export const recomputeStatus = z.object({
  state: z.enum(['idle', 'queued', 'running', 'done', 'failed', 'cancelled']),
  /** why it runs: after a publish, at the turn of the year (scheduled), or 重新计算 pressed */
  trigger: z.enum(['publish', 'year_turn', 'manual']).nullable(),
  version: z.number().nullable(),
  total: z.number(),
  done: z.number(),
  /** attempts so far (a failed attempt is retried, at most three in all) */
  attempts: z.number(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** when the next scheduled recompute (the turn of the year) is due */
  nextRunAt: z.string().nullable(),
});

export const listVersions = route({
  method: 'GET',
  path: '/api/credit-policies',
  summary: '学分政策版本列表',
  tags,
  response: listOf(policyVersionRow),
});

export const activeVersion = route({
  method: 'GET',
  path: '/api/credit-policies/active',
  summary: '当前生效的学分政策',
  tags,
  response: policyDocument,
});

export const recomputeProgress = route({
  method: 'GET',
  path: '/api/credit-policies/recompute',
  summary: '学分状态重新计算进度',
  tags,
  response: recomputeStatus,
});

/** Answers 202 (accepted: the job runs in the background); the route declares that status itself. */
export const recompute = route({
  method: 'POST',
  path: '/api/credit-policies/recompute',
  summary: '按当前政策重新计算全部教师的学分状态',
  tags,
  response: recomputeStatus,
});

export const version = route({
  method: 'GET',
  path: '/api/credit-policies/:version',
  summary: '某一版本的学分政策',
  tags,
  params: z.object({ version: dbId }),
  response: policyDocument,
});

export const validate = route({
  method: 'POST',
  path: '/api/credit-policies/validate',
  summary: '校验学分政策草稿',
  tags,
  body: draftBody,
  response: validateResult,
});

export const preview = route({
  method: 'POST',
  path: '/api/credit-policies/preview',
  summary: '预览草稿对达标情况的影响',
  tags,
  body: draftBody,
  response: previewResult,
});

export const publish = route({
  method: 'POST',
  path: '/api/credit-policies',
  summary: '发布新版本学分政策',
  tags,
  body: draftBody.extend({ baseVersion: bodyId.optional() }),
  response: z.object({ version: z.number(), previousVersion: z.number(), recompute: recomputeStatus }),
  status: 201,
});
