// 学分达标统计 (school, county, city and province admins, each within their scope): compliance by the
// next level down and by category, the teachers behind each number, 定期注册 eligibility, the export.
import { z } from 'zod';
import { dbId, file, pageQuery, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['credit-reports'] as const;

const flag = (what: string) =>
  z
    .enum(['true', 'false'], { error: `${what}只能是 true 或 false` })
    .transform((v) => v === 'true')
    .optional();
/** Where a report looks: the viewer's scope, narrowed by region or school. */
export const scopeQuery = {
  regionCode: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, '区划代码应为 2、4 或 6 位数字')
    .optional(),
  schoolId: dbId.optional(),
};
/** Which cycle: by default the last finished one (the current one's figures are progress, not compliance). */
export const cycleQuery = { cycleId: z.string().max(40, '培训周期标识太长').optional() };
const cyclePhase = z.enum(['past', 'current']);
export const groupBy = z.enum(['city', 'county', 'school'], { error: '分组只能是 city、county 或 school' });
/** Which teachers a number stands for. */
export const filterQuery = {
  assessed: flag('是否纳入考核'),
  compliant: flag('是否达标'),
  completed: flag('是否已完成周期要求'),
  category: z.string().max(40).optional(),
};
/** 定期注册 on the teacher's own window: 学时已满 · 进行中 (window running, not yet met) · 学时不足 (window over) · 不纳入. */
export const ELIGIBILITY_STATUSES = ['eligible', 'in_progress', 'ineligible', 'not_assessed'] as const;

const reportLevel = z.enum(['province', 'city', 'county', 'school']);
export const reportBasis = z.object({
  scope: z.object({ level: reportLevel, code: z.string(), name: z.string(), schoolId: z.number().nullable() }),
  policy: z.object({ version: z.number(), name: z.string(), unit: z.enum(['学分', '学时']) }),
  /** phase current: the cycle is in progress, its figures say who is on track so far (进行中), not who complied */
  cycle: z.object({ id: z.string(), name: z.string(), startYear: z.number(), endYear: z.number(), length: z.number(), phase: cyclePhase }),
  cycles: z.array(z.object({ id: z.string(), name: z.string(), startYear: z.number(), endYear: z.number(), phase: cyclePhase })),
  asOf: z.string(),
  categories: z.array(z.object({ id: z.string(), name: z.string(), requiredPerCycle: z.number().nullable() })),
});

export const complianceNumbers = z.object({
  teachers: z.number(),
  assessed: z.number(),
  compliant: z.number(),
  completed: z.number(),
  rate: z.number().nullable(),
  completionRate: z.number().nullable(),
  byCategory: z.record(z.string(), z.number()),
});

export const complianceRow = complianceNumbers.extend({
  /** school id when grouped by school */
  id: z.number().optional(),
  code: z.string(),
  name: z.string(),
});

export const compliance = route({
  method: 'GET',
  path: '/api/credit-reports/compliance',
  summary: '学分达标率（按下一级区划或学校，及按学分类型）',
  tags,
  querystring: z.object({ ...scopeQuery, ...cycleQuery, groupBy: groupBy.optional() }),
  response: reportBasis.extend({
    groupBy,
    rows: z.array(complianceRow),
    totals: complianceNumbers,
    stale: z.number(),
    unevaluated: z.number(),
    /** when the numbers were counted: region reports add up per-school counts made at that time */
    countedAt: timestamp,
    /** counted for this request (a school), not from the per-school counts */
    live: z.boolean(),
    /** the per-school counts are being recounted in the background: reload for newer numbers */
    refreshing: z.boolean(),
  }),
});

export const reportTeacher = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  schoolName: z.string(),
  countyName: z.string(),
  personnelStatus: z.string(),
  assessed: z.boolean(),
  notAssessedReason: z.string().nullable(),
  compliant: z.boolean().nullable(),
  completed: z.boolean().nullable(),
  earned: z.number(),
  required: z.number(),
  category: z.object({ id: z.string(), earned: z.number(), required: z.number() }).nullable(),
  missing: z.array(z.string()),
  policyVersion: z.number(),
  stale: z.boolean(),
});

const teacherPage = reportBasis.extend({
  items: z.array(reportTeacher),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const teachers = route({
  method: 'GET',
  path: '/api/credit-reports/teachers',
  summary: '统计数字背后的教师名单',
  tags,
  querystring: z.object({ ...scopeQuery, ...cycleQuery, ...filterQuery, ...pageQuery }),
  response: teacherPage,
});

const eligibilityStatus = z.enum(ELIGIBILITY_STATUSES, { error: '状态只能是 eligible、in_progress、ineligible 或 not_assessed' });

/** One teacher on the 定期注册 list: their own window (from the 注册日期, or the hire date while none is recorded). */
export const registrationTeacher = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string().nullable(),
  schoolName: z.string(),
  countyName: z.string(),
  personnelStatus: z.string(),
  status: eligibilityStatus,
  anchor: z.enum(['registration', 'hire']).nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  hours: z.number(),
  requiredHours: z.number().nullable(),
  missing: z.array(z.string()),
  /** no standing computed yet: the figures are those of a teacher without credits */
  unevaluated: z.boolean(),
});

export const eligibility = route({
  method: 'GET',
  path: '/api/credit-reports/eligibility',
  summary: '定期注册学时条件（按每位教师自己的注册周期：学时已满 / 进行中 / 学时不足 / 不纳入）',
  tags,
  querystring: z.object({ ...scopeQuery, ...pageQuery, status: eligibilityStatus.default('eligible') }),
  response: z.object({
    scope: reportBasis.shape.scope,
    policy: reportBasis.shape.policy,
    asOf: z.string(),
    rule: z.object({ years: z.number(), hours: z.number() }).nullable(),
    status: eligibilityStatus,
    counts: z.object({ eligible: z.number(), in_progress: z.number(), ineligible: z.number(), not_assessed: z.number() }),
    items: z.array(registrationTeacher),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  }),
});

export const recordRegistration = route({
  method: 'POST',
  path: '/api/credit-reports/registrations',
  summary: '登记教师资格注册日期（保留历史，定期注册周期从最近一次注册日期起算）',
  tags,
  body: z.object({
    teacherId: dbId,
    registeredOn: z.string({ error: '请填写注册日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '注册日期应为 YYYY-MM-DD 格式'),
    note: z.string().trim().max(200, '备注不能超过 200 字').optional(),
  }),
  response: z.object({
    teacherId: z.number(),
    added: z.boolean(),
    history: z.array(z.object({ registeredOn: z.string(), note: z.string().nullable() })),
    window: registrationTeacher.pick({ status: true, startDate: true, endDate: true, hours: true, requiredHours: true, missing: true }),
  }),
});

export const exportXlsx = route({
  method: 'GET',
  path: '/api/credit-reports/export.xlsx',
  summary: '导出学分达标统计与教师明细（脱敏）',
  tags,
  querystring: z.object({ ...scopeQuery, ...cycleQuery, groupBy: groupBy.optional(), ...filterQuery }),
  response: file,
});
