// 学分申报: teachers claim credits for work outside the platform (papers, giving training …) with evidence
// files; the admins of the claim type's review level decide ("谁组织、谁认定"), an approval posts the ledger entry.
import { z } from 'zod';
import { dbId, idParams, pageQuery, paged, reasonBody, file, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['credit-claims'] as const;

export const claimStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
export const reviewLevel = z.enum(['school', 'county', 'city', 'province']);

const text = (missing: string) => z.string({ error: missing }).trim();
/** The text fields of the multipart claim form (the evidence files travel beside them). */
export const claimForm = z.object({
  claimType: text('请选择申报类型').min(1, '请选择申报类型'),
  year: text('请选择年度')
    .regex(/^\d{4}$/, '请选择年度')
    .transform(Number),
  title: text('请填写申报名称').min(1, '请填写申报名称').max(100, '申报名称不能超过 100 个字'),
  quantity: text('请填写数量')
    .regex(/^\d+(\.\d{1,2})?$/, '数量必须是数字，最多保留两位小数')
    .transform(Number)
    .refine((x) => x > 0, '数量必须大于 0')
    .refine((x) => x <= 1000, '数量不能超过 1000'),
  description: z.string().trim().max(1000, '说明不能超过 1000 个字').optional(),
});

export const claimType = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  form: z.string(),
  amount: z.number(),
  maxPerYear: z.number().nullable(),
  reviewLevel,
  reviewLevelLabel: z.string(),
  evidence: z.string().nullable(),
});

export const claimFile = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), url: z.string() });

export const claim = z.object({
  id: z.number(),
  claimType: z.string(),
  claimTypeName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  year: z.number(),
  category: z.string(),
  categoryName: z.string(),
  form: z.string(),
  quantity: z.number(),
  unitAmount: z.number(),
  amount: z.number(),
  reviewLevel: z.string(),
  reviewLevelLabel: z.string(),
  status: claimStatus,
  statusLabel: z.string(),
  reviewReason: z.string().nullable(),
  reviewerName: z.string().nullable(),
  entryId: z.number().nullable(),
  policyVersion: z.number().nullable(),
  createdAt: timestamp,
  reviewedAt: timestamp.nullable(),
  withdrawnAt: timestamp.nullable(),
  files: z.array(claimFile),
  /** 重新申报: the returned claim this one answers, with the reviewer's note on it */
  resubmitOf: z
    .object({ id: z.number(), reviewReason: z.string().nullable(), reviewerName: z.string().nullable(), reviewedAt: timestamp.nullable() })
    .nullable(),
  /** a returned claim already answered by a new one */
  resubmittedAs: z.number().nullable(),
  /** the teacher may 重新申报 it (returned, not answered yet) */
  canResubmit: z.boolean(),
});

/** A reviewer also sees whose claim it is; the ID number only masked. */
export const reviewClaim = claim.extend({
  teacher: z.object({ id: z.number(), name: z.string(), idNumber: z.string().nullable(), school: z.string(), county: z.string() }),
});

export const reviewDetail = reviewClaim.extend({
  unitLabel: z.string(),
  typeInfo: z.object({ evidence: z.string().nullable(), maxPerYear: z.number().nullable(), claimedThisYear: z.number() }),
});

export const claimTypes = route({
  method: 'GET',
  path: '/api/credit-claims/types',
  summary: '学分申报折算表（当前学分政策）',
  tags,
  response: z.object({
    policyVersion: z.number(),
    policyName: z.string(),
    unit: z.enum(['credit', 'hour']),
    unitLabel: z.string(),
    years: z.array(z.number()),
    types: z.array(claimType),
    evidenceLimits: z.object({ maxFiles: z.number(), maxBytes: z.number(), types: z.array(z.string()) }),
  }),
});

export const submitClaim = route({
  method: 'POST',
  path: '/api/credit-claims',
  summary: '提交学分申报（multipart：claimType、year、title、quantity、description，证明材料 1–5 个）',
  tags,
  status: 201,
  response: z.object({ claim }),
});

export const myClaims = route({
  method: 'GET',
  path: '/api/credit-claims/mine',
  summary: '我的学分申报',
  tags,
  response: z.object({ unitLabel: z.string(), items: z.array(claim) }),
});

export const withdrawClaim = route({
  method: 'POST',
  path: '/api/credit-claims/:id/withdraw',
  summary: '撤回待审核的学分申报',
  tags,
  params: idParams,
  response: z.object({ claim }),
});

export const resubmitClaim = route({
  method: 'POST',
  path: '/api/credit-claims/:id/resubmit',
  summary: '重新申报被退回的学分申报（multipart：同提交申报；原证明材料沿用，可再补充，合计不超过 5 个）',
  tags,
  params: idParams,
  status: 201,
  response: z.object({ claim }),
});

export const evidenceFile = route({
  method: 'GET',
  path: '/api/credit-claims/:id/files/:fileId',
  summary: '查看 / 下载证明材料',
  tags,
  params: z.object({ id: dbId, fileId: dbId }),
  querystring: z.object({ download: z.enum(['0', '1']).optional() }),
  response: file,
});

export const reviewQueue = route({
  method: 'GET',
  path: '/api/credit-claims',
  summary: '学分申报审核队列（本级、管辖范围内）',
  tags,
  querystring: z.object({ status: claimStatus.optional(), q: z.string().trim().max(50).optional(), ...pageQuery }),
  response: paged(reviewClaim).extend({
    counts: z.object({ pending: z.number(), approved: z.number(), rejected: z.number(), withdrawn: z.number() }),
    level: reviewLevel,
    levelLabel: z.string(),
    unitLabel: z.string(),
  }),
});

export const reviewClaimDetail = route({
  method: 'GET',
  path: '/api/credit-claims/:id',
  summary: '学分申报详情（审核）',
  tags,
  params: idParams,
  response: z.object({ claim: reviewDetail }),
});

export const approveClaim = route({
  method: 'POST',
  path: '/api/credit-claims/:id/approve',
  summary: '通过学分申报（写入学分明细）',
  tags,
  params: idParams,
  response: z.object({ claim: reviewDetail }),
});

export const rejectClaim = route({
  method: 'POST',
  path: '/api/credit-claims/:id/reject',
  summary: '驳回学分申报',
  tags,
  params: idParams,
  body: reasonBody,
  response: z.object({ claim: reviewDetail }),
});
