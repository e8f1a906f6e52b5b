// 学分银行: a teacher's lifetime account of all learning — every ledger entry across cycles and sources
// (专项培训, 自主选学, 校本研修, 学分申报, 调整, 导入 and the 冲销 that cancel them), totals per year and per
// cycle, filters, and the same record as xlsx and PDF. The teacher reads their own; an admin reads a
// teacher in scope.
import { z } from 'zod';
import { file, idParams, pageQuery, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['credit-bank'] as const;

/** Where a ledger entry came from (the credits module's CreditSource, plus the reversing rows). */
export const CREDIT_BANK_SOURCES = ['project', 'elective', 'school_based', 'claim', 'import', 'adjustment', 'reversal'] as const;
export const creditBankSource = z.enum(CREDIT_BANK_SOURCES);
export type CreditBankSource = z.infer<typeof creditBankSource>;
export const CREDIT_BANK_SOURCE_LABELS: Record<CreditBankSource, string> = {
  project: '专项培训',
  elective: '自主选学',
  school_based: '校本研修',
  claim: '学分申报',
  import: '导入（转入）',
  adjustment: '学分调整',
  reversal: '冲销',
};

/** The filters of the list and of both exports. */
export const bankFilter = z.object({
  year: z.coerce.number().int('年度应为整数').min(2000, '年度不正确').max(2100, '年度不正确').optional(),
  source: creditBankSource.optional(),
  category: z.string().trim().min(1).max(40).optional(),
});
export const bankQuery = bankFilter.extend(pageQuery);

/** A sum of ledger rows: credits and hours net of reversals, and how many rows. */
export const bankSum = z.object({ amount: z.number(), hours: z.number(), entries: z.number().int() });

export const bankEntry = z.object({
  id: z.number(),
  date: z.string(),
  year: z.number(),
  title: z.string(),
  category: z.string(),
  categoryName: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  form: z.string(),
  formLabel: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  amount: z.number(),
  hours: z.number().nullable(),
  certifier: z.string(),
  /** this row cancels another (冲销) */
  reversalOf: z.number().nullable(),
  /** this row was cancelled later by a reversal */
  reversedBy: z.object({ id: z.number(), date: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  reason: z.string().nullable(),
  createdAt: timestamp,
});

export const creditBankView = z.object({
  teacher: z.object({ id: z.number(), name: z.string() }),
  policy: z.object({ name: z.string(), version: z.number(), unit: z.string() }),
  /** every year with entries, newest first; figures net of reversals */
  years: z.array(bankSum.extend({ year: z.number() })),
  /** the policy's cycles (and «周期外» for years no cycle covers) */
  cycles: z.array(bankSum.extend({ id: z.string(), name: z.string(), startYear: z.number().nullable(), endYear: z.number().nullable() })),
  sources: z.array(bankSum.extend({ source: z.string(), label: z.string() })),
  categories: z.array(bankSum.extend({ category: z.string(), name: z.string() })),
  /** the whole ledger of the teacher, unfiltered: what the years and the cycles add up to */
  total: bankSum,
  /** the filtered list, a page of it, and the filtered total */
  entries: z.object({
    items: z.array(bankEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    sum: bankSum,
  }),
  /** what the filters may choose from */
  options: z.object({
    years: z.array(z.number()),
    sources: z.array(z.object({ value: z.string(), label: z.string() })),
    categories: z.array(z.object({ value: z.string(), label: z.string() })),
  }),
});

export const myBank = route({
  method: 'GET',
  path: '/api/credit-bank/me',
  summary: '学分银行：本人全部学习记录与按年度、周期的合计',
  tags,
  querystring: bankQuery,
  response: creditBankView,
});

export const myBankXlsx = route({
  method: 'GET',
  path: '/api/credit-bank/me/export.xlsx',
  summary: '学分银行导出（xlsx，按当前筛选）',
  tags,
  querystring: bankFilter,
  response: file,
});

export const myBankPdf = route({
  method: 'GET',
  path: '/api/credit-bank/me/export.pdf',
  summary: '学分银行导出（PDF 学习记录，按当前筛选）',
  tags,
  querystring: bankFilter,
  response: file,
});

export const teacherBank = route({
  method: 'GET',
  path: '/api/teachers/:id/credit-bank',
  summary: '教师的学分银行（管辖范围内）',
  tags,
  params: idParams,
  querystring: bankQuery,
  response: creditBankView,
});

export const teacherBankXlsx = route({
  method: 'GET',
  path: '/api/teachers/:id/credit-bank/export.xlsx',
  summary: '导出教师的学分银行（xlsx，管辖范围内）',
  tags,
  params: idParams,
  querystring: bankFilter,
  response: file,
});
