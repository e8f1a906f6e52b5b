// 学分: 我的学分 (the teacher), an admin's view of one teacher with 冲销 and 调整, and 校本研修认定 by the
// school admin (one entry, the school's list, the spreadsheet template and the import).
import { CREDIT_FORMS, CREDIT_LEVELS, CREDIT_STATUSES } from '@shixun/domain';
import { z } from 'zod';
import { file, idParams, listOf, pageQuery, paged, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['credits'] as const;

const num = (what: string) => z.number({ error: `${what}必须是数字` });
const title = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(200, `${what}不能超过 200 字`);

// ---- what the pages read ----

export const creditForm = z.enum(CREDIT_FORMS);
export const creditLevel = z.enum(CREDIT_LEVELS);

/** The active policy as 我的学分 needs it. */
export const policyView = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  unit: z.enum(['学分', '学时']),
  hoursPerCredit: z.number(),
  rulesText: z.string(),
  /** required: this policy version sets an amount for the 学分类型 (else its row shows what was earned, no status) */
  categories: z.array(z.object({ id: z.string(), name: z.string(), required: z.boolean() })),
  cycles: z.array(z.object({ id: z.string(), name: z.string(), startYear: z.number(), endYear: z.number(), shownStartYear: z.number() })),
  groups: z.array(
    z.object({ id: z.string(), name: z.string(), forms: z.array(creditForm).nullable(), categories: z.array(z.string()).nullable() }),
  ),
  levelMinimums: z.array(z.object({ id: z.string(), name: z.string(), levels: z.array(creditLevel) })),
});

/** One cell of the table, or one check (the engine's CreditCell). */
export const creditCell = z.object({
  id: z.string(),
  name: z.string(),
  earned: z.number(),
  counted: z.number(),
  required: z.number(),
  status: z.enum(CREDIT_STATUSES),
});
const cells = z.record(z.string(), creditCell);
export const creditCycleResult = z.object({
  id: z.string(),
  name: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  shownStartYear: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  /** past: final; current: in progress (figures are progress, not compliance); future */
  phase: z.enum(['past', 'current', 'future']),
  status: z.enum(CREDIT_STATUSES),
  assessedYears: z.number(),
  years: z.array(z.object({ year: z.number(), assessed: z.boolean(), categories: cells, total: creditCell, groups: cells })),
  categories: cells,
  total: creditCell,
  groups: cells,
  levels: cells,
  compliant: z.boolean(),
  missing: z.array(z.string()),
});
/** A teacher's evaluation under the active policy (the engine's CreditEvaluation). */
export const creditEvaluation = z.object({
  policyId: z.string(),
  policyVersion: z.number(),
  unit: z.enum(['学分', '学时']),
  asOf: z.string(),
  assessed: z.boolean(),
  cycles: z.array(creditCycleResult),
  /** 定期注册 on the teacher's own window (null when the policy has no registration rule). */
  registration: z
    .object({
      anchor: z.enum(['registration', 'hire']).nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      hours: z.number(),
      requiredHours: z.number(),
      status: z.enum(['eligible', 'in_progress', 'ineligible', 'not_assessed']),
      missing: z.array(z.string()),
      reason: z.string().nullable(),
    })
    .nullable(),
  currentCycleId: z.string(),
  total: creditCell,
  compliant: z.boolean(),
  missing: z.array(z.string()),
  notes: z.array(z.string()),
});

/** A ledger row as the drawer shows it. */
export const creditEntry = z.object({
  id: z.number(),
  date: z.string(),
  year: z.number(),
  title: z.string(),
  category: z.string(),
  categoryName: z.string(),
  form: creditForm,
  amount: z.number(),
  hours: z.number().nullable(),
  source: z.string(),
  level: creditLevel,
  certifierName: z.string(),
  certifierUnit: z.string(),
  reason: z.string().nullable(),
  reversalOf: z.number().nullable(),
  reversedBy: z.object({ id: z.number(), date: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  createdAt: timestamp,
});

export const creditsView = z.object({ policy: policyView, evaluation: creditEvaluation });

// ---- 我的学分 ----

export const myCredits = route({
  method: 'GET',
  path: '/api/credits/me',
  summary: '我的学分：当前学分政策下的统计',
  tags,
  response: creditsView,
});

/** Which cell of 我的学分 to open: a cycle or a year, and a category or a group / level check. */
export const entriesQuery = z.object({
  cycleId: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  category: z.string().max(40).optional(),
  group: z.string().max(40).optional(),
});

export const myEntries = route({
  method: 'GET',
  path: '/api/credits/me/entries',
  summary: '我的学分明细（某一格背后的记录，最新在前）',
  tags,
  querystring: entriesQuery,
  response: listOf(creditEntry),
});

// ---- an admin's view of one teacher, 冲销 and 调整 ----

export const teacherCredits = route({
  method: 'GET',
  path: '/api/teachers/:id/credits',
  summary: '教师的学分统计与明细（管辖范围内）',
  tags,
  params: idParams,
  response: creditsView.extend({
    teacher: z.object({ id: z.number(), name: z.string(), schoolName: z.string() }),
    /** reversible: this admin may reverse the entry */
    entries: z.array(creditEntry.extend({ reversible: z.boolean() })),
    abilities: z.object({ adjust: z.boolean(), level: creditLevel.nullable() }),
  }),
});

export const reverseBody = z.object({
  reason: z.string({ error: '请填写冲销原因' }).trim().min(1, '请填写冲销原因').max(500, '冲销原因不能超过 500 字'),
});

export const reverseEntry = route({
  method: 'POST',
  path: '/api/credit-entries/:id/reverse',
  summary: '冲销一条学分记录（写入反向记录，原记录不变）',
  tags,
  params: idParams,
  body: reverseBody,
  response: z.object({ id: z.number(), reversalOf: z.number() }),
  status: 201,
});

export const adjustmentBody = z.object({
  year: num('年度').int('年度必须是整数'),
  category: z.string({ error: '请选择学分类型' }).min(1, '请选择学分类型').max(40),
  form: z.enum(CREDIT_FORMS, { error: '培训形式只能是集中培训、远程培训、校本研修或其他' }),
  amount: num('调整学分'),
  title: title('调整事项'),
  reason: z.string({ error: '请填写调整原因' }).trim().min(1, '请填写调整原因').max(500, '调整原因不能超过 500 字'),
});

export const adjustCredits = route({
  method: 'POST',
  path: '/api/teachers/:id/credits/adjustments',
  summary: '学分调整（可为负数，须填写原因）',
  tags,
  params: idParams,
  body: adjustmentBody,
  response: z.object({ id: z.number() }),
  status: 201,
});

// ---- 校本研修认定 ----

export const schoolBasedBody = z.object({
  teacherId: z.number({ error: '请选择教师' }).int().positive('请选择教师'),
  year: num('年度').int('年度必须是整数'),
  date: z.string({ error: '请填写认定日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '认定日期格式应为 YYYY-MM-DD'),
  title: title('研修内容'),
  amount: num('学分'),
  hours: num('学时').optional(),
  category: z.string().max(40).optional(),
});

export const enterSchoolBased = route({
  method: 'POST',
  path: '/api/credits/school-based',
  summary: '认定一条校本研修学分（本校教师）',
  tags,
  body: schoolBasedBody,
  response: z.object({ id: z.number() }),
  status: 201,
});

export const schoolBasedRow = z.object({
  id: z.number(),
  teacherId: z.number(),
  teacherName: z.string(),
  idNumber: z.string().nullable(),
  year: z.number(),
  date: z.string(),
  title: z.string(),
  amount: z.number(),
  hours: z.number().nullable(),
  categoryName: z.string(),
  certifierName: z.string(),
  createdAt: timestamp,
  reversed: z.boolean(),
  reversedReason: z.string().nullable(),
});

export const schoolBasedList = route({
  method: 'GET',
  path: '/api/credits/school-based',
  summary: '本校已认定的校本研修（证件号脱敏）',
  tags,
  querystring: z.object({
    q: z.string().trim().max(50).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    ...pageQuery,
  }),
  response: paged(schoolBasedRow),
});

export const schoolBasedTemplate = route({
  method: 'GET',
  path: '/api/credits/school-based/template',
  summary: '校本研修导入模板（xlsx）',
  tags,
  response: file,
});

/** ok: the row is in the ledger (posted now, or found there from an earlier upload: see note). */
export const importRow = z.object({
  row: z.number(),
  ok: z.boolean(),
  status: z.enum(['posted', 'duplicate', 'error']),
  idNumber: z.string().nullable(),
  name: z.string(),
  error: z.string().optional(),
  note: z.string().optional(),
});

export const importSchoolBased = route({
  method: 'POST',
  path: '/api/credits/school-based/import',
  summary: '导入校本研修（xlsx，逐行报告，可重复上传不重复记入）',
  tags,
  response: z.object({
    total: z.number(),
    posted: z.number(),
    duplicates: z.number(),
    errors: z.number(),
    rows: z.array(importRow),
  }),
});
