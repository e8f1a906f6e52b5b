// 证书: credit certificates (学分证书) a teacher issues from their figures, completion certificates (结业证书)
// from training projects; a PDF for each, and a public page where anyone checks a certificate's code.
import { z } from 'zod';
import { day, file, idParams, listOf, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['certificates'] as const;

export const certificateKind = z.enum(['credit', 'completion']);

/** A certificate as the holder's list shows it. */
export const certificateItem = z.object({
  id: z.number(),
  kind: certificateKind,
  kindLabel: z.string(),
  /** 我的证书's two sources of completion certificates (自主选学 / 专项培训); null for a credit certificate */
  source: z.enum(['elective', 'project']).nullable(),
  title: z.string(),
  /** SX-XXXX-XXXX-XXXX-XXXX */
  code: z.string(),
  subject: z.string(),
  result: z.string(),
  issuedAt: timestamp,
  status: z.enum(['valid', 'revoked']),
  statusLabel: z.string(),
  verifyPath: z.string(),
});

/** A credit certificate covers a training cycle or one year of it. */
export const creditScope = z.union(
  [
    z.object({ cycleId: z.string().trim().min(1, '请选择培训周期').max(40) }).strict(),
    z.object({ year: z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确') }).strict(),
  ],
  { error: '请选择要生成证书的培训周期或年度' },
);

export const myCertificates = route({
  method: 'GET',
  path: '/api/certificates/mine',
  summary: '我的证书（学分证书、结业证书）',
  tags,
  response: listOf(certificateItem),
});

export const creditOptions = route({
  method: 'GET',
  path: '/api/certificates/credit/options',
  summary: '可生成学分证书的培训周期与年度',
  tags,
  response: z.object({
    policy: z.object({ name: z.string(), version: z.number() }),
    unit: z.string(),
    asOf: day,
    currentCycleId: z.string(),
    cycles: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        startYear: z.number(),
        endYear: z.number(),
        status: z.string(),
        statusLabel: z.string(),
        issuable: z.boolean(),
        years: z.array(z.object({ year: z.number(), issuable: z.boolean() })),
      }),
    ),
  }),
});

/** 201 with a new certificate; 200 with the earlier one when the figures have not changed (reused). */
export const issueCredit = route({
  method: 'POST',
  path: '/api/certificates/credit',
  summary: '生成学分证书（按培训周期或年度；数据未变时返回已有证书）',
  tags,
  body: creditScope,
  status: 201,
  response: z.object({
    certificate: certificateItem,
    /** true when the figures had not changed and the earlier certificate came back */
    reused: z.boolean(),
  }),
});

export const certificatePdf = route({
  method: 'GET',
  path: '/api/certificates/:id/pdf',
  summary: '下载证书 PDF',
  tags,
  params: idParams,
  response: file,
});

/** What anyone may learn from a code: enough to trust the paper in front of them, no more. */
export const verifyCertificate = route({
  method: 'GET',
  path: '/api/public/certificates/:code',
  summary: '证书验证（无需登录）',
  tags,
  params: z.object({ code: z.string().max(64) }),
  response: z.object({
    valid: z.boolean(),
    revoked: z.boolean(),
    revokedAt: timestamp.nullable(),
    kind: certificateKind,
    kindLabel: z.string(),
    title: z.string(),
    code: z.string(),
    /** masked: 李*英 */
    name: z.string(),
    subject: z.string(),
    result: z.string(),
    issuedAt: timestamp,
  }),
});
