// A credit policy (学分政策 / 认定办法) is data, validated and versioned, one per deployment: the
// province's rules change by publishing a new version, never by changing the engine.
import { z } from 'zod';
import { hasAtMostTwoDecimals } from './amounts.ts';
import { semanticPolicyErrors } from './policy-checks.ts';

/** Glossary names of the credit categories; a policy may declare others (a province's own). */
export const CREDIT_CATEGORIES = ['public_required', 'professional_elective', 'self_elective', 'school_based'] as const;
/** Who organised (and so certifies, "谁组织、谁认定") the activity. */
export const CREDIT_LEVELS = ['national', 'province', 'city', 'county', 'school'] as const;
/** How the credits were earned: 集中培训, 远程培训, 校本研修, or other (学分申报: research, degree study …). */
export const CREDIT_FORMS = ['onsite', 'online', 'school_based', 'other'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];
export type CreditForm = (typeof CREDIT_FORMS)[number];
export const CREDIT_UNIT_LABELS = { credit: '学分', hour: '学时' } as const;

/** A type error on an absent field reads as missing, not as the wrong type. */
const need = (message: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? '缺少此项' : message) });
const amount = (what: string) =>
  z
    .number(need(`${what}必须是数字`))
    .min(0, `${what}不能为负数`)
    .refine(hasAtMostTwoDecimals, `${what}最多保留两位小数`);
const year = z.int(need('年份必须是整数')).min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年');
const id = z.string(need('标识必须是文字')).regex(/^[a-z][a-z0-9_]*$/, '标识只能由小写字母、数字和下划线组成，并以字母开头');
const name = z.string(need('名称必须是文字')).trim().min(1, '名称不能为空');

/** A minimum (or a cap) per year and/or per cycle, in the policy's unit. */
const perScope = z.strictObject({ perYear: amount('每年数量').optional(), perCycle: amount('每周期数量').optional() });

const cycleSchema = z.strictObject({
  id,
  name,
  startYear: year,
  endYear: year,
  /** The year the page's first column shows when it differs from startYear (Guangxi's 十三五 shows 2015). */
  shownStartYear: year.optional(),
});

/**
 * 教师资格定期注册: every `years` years from the teacher's own registration date (注册日期 on the
 * teacher's record, with its history; the hire date while none is recorded), at least `hours` 学时
 * of training certified within that window.
 */
const registrationSchema = z.strictObject({
  years: z.int(need('注册周期年数必须是整数')).min(1, '注册周期至少 1 年').max(10, '注册周期不能超过 10 年'),
  hours: amount('注册周期学时要求'),
});

const groupSchema = z.strictObject({
  id,
  name,
  forms: z.array(z.enum(CREDIT_FORMS, need('培训形式必须是 onsite、online、school_based 或 other'))).optional(),
  categories: z.array(id).optional(),
  perYear: amount('分组每年要求').optional(),
  perCycle: amount('分组每周期要求').optional(),
});

const levelMinimumSchema = z.strictObject({
  id,
  name,
  levels: z.array(z.enum(CREDIT_LEVELS, need('级别必须是 national、province、city、county 或 school'))).min(1, '至少要指定一个级别'),
  perCycle: amount('级别最低要求'),
});

/** One line of the 学分申报 conversion table: what a teacher may claim, for how much, reviewed by whom. */
const claimTypeSchema = z.strictObject({
  id,
  name,
  category: id,
  form: z.enum(CREDIT_FORMS, need('培训形式必须是 onsite、online、school_based 或 other')).default('other'),
  /** Credits per item (one paper, one course given …), in the policy's unit. */
  amount: amount('每项折算数量'),
  /** At most this much of this type counts a year. */
  maxPerYear: amount('每年上限').optional(),
  /** Which admin level reviews it ("谁组织、谁认定": self-reported activity is checked at the county by default). */
  reviewLevel: z.enum(['school', 'county', 'city', 'province'], need('审核级别必须是 school、county、city 或 province')).default('county'),
  /** What evidence to attach (shown on the claim form). */
  evidence: z.string().optional(),
});
export type CreditClaimType = z.output<typeof claimTypeSchema>;

export const creditPolicySchema = z.strictObject({
  id,
  version: z.int(need('版本号必须是整数')).min(1, '版本号从 1 开始'),
  name,
  /** Where the rules come from (document title, article), so a reviewer can check the numbers. */
  source: z.string().optional(),
  unit: z.enum(['credit', 'hour'], need('单位必须是 credit（学分）或 hour（学时）')),
  /** 1 学分 = hoursPerCredit 学时: converts entries that carry only one of the two. */
  hoursPerCredit: z.number(need('换算比例必须是数字')).positive('换算比例必须大于 0'),
  /**
   * Where cycles come from: `fixed` spans listed in `cycles` (十四五 2021–2025), or `registration`:
   * rolling windows per teacher of `registration.years` years from the teacher's 注册日期.
   */
  cyclesFrom: z.enum(['fixed', 'registration'], need('周期来源必须是 fixed（固定周期）或 registration（按注册日期滚动）')).default('fixed'),
  /** The 定期注册 rule (per-teacher windows), judged on every teacher whatever the cycles are. */
  registration: registrationSchema.optional(),
  /** Credits count only in the cycle their year falls in; nothing carries over. */
  validity: z.literal('cycle', need('学分有效期目前只支持 cycle（在本周期内有效）')),
  /** A teacher assessed only part of a cycle (new hire) owes the cycle's minimums pro rata, or in full. */
  proration: z.enum(['none', 'by_assessed_years'], need('折算方式必须是 none 或 by_assessed_years')),
  /** Fixed cycles; empty when cycles are rolling windows from the registration date. */
  cycles: z.array(cycleSchema),
  categories: z.array(z.strictObject({ id, name })).min(1, '至少要有一个学分类型'),
  /** Minimum of all credits together: per year (广西 ≥ 16) and per cycle (广西 120). */
  total: perScope,
  /** Minimum per category, keyed by category id (the table 学分类型×年份). */
  requirements: z.record(z.string(), perScope),
  /** Credits of a category above its cap count toward the category but not toward the total. */
  caps: z.record(z.string(), perScope),
  /** Minimums over several forms or categories (集中培训 + 远程培训 ≥ 70; 校本研修 ≥ 50, ≥ 10 a year). */
  groups: z.array(groupSchema),
  /** Minimums by organising level (of the cycle total, so much from municipal, district, school level). */
  levelMinimums: z.array(levelMinimumSchema),
  /** The rules as the teacher reads them on 我的学分 (plain text, paragraphs separated by blank lines). */
  rulesText: z.string().default(''),
  /** The 学分申报 conversion table. */
  claimTypes: z.array(claimTypeSchema).default([]),
  notAssessed: z.strictObject({
    /** How long a new teacher is not assessed: so many years (1: 教龄在一年内), counted as newHireCounting says. */
    newHireYears: z.int(need('新任教师免考核年数必须是整数')).min(0, '新任教师免考核年数不能为负数'),
    /**
     * `from_hire_date`: the exemption runs newHireYears × 12 months from the hire date, and a calendar
     * year is assessed only when the teacher was past it (教龄满一年) for more than half of the year's
     * days; `calendar_years`: the year of hire and the newHireYears − 1 after it are not assessed.
     */
    newHireCounting: z
      .enum(
        ['from_hire_date', 'calendar_years'],
        need('新任教师计算方式必须是 from_hire_date（自入职之日起）或 calendar_years（按自然年）'),
      )
      .default('calendar_years'),
    /** 人员状态 values that take the teacher out of assessment altogether (退休, 离职 …). */
    statuses: z.array(z.string()),
  }),
});

export type CreditPolicy = z.output<typeof creditPolicySchema>;
export type CreditPolicyInput = z.input<typeof creditPolicySchema>;
export type CreditPolicyParse = { ok: true; policy: CreditPolicy } | { ok: false; errors: string[] };

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  array: '列表',
  object: '对象',
  record: '对象',
  boolean: '是或否',
};

/** Fallback Chinese messages for the issues the schema does not word itself. */
function chineseIssue(iss: { code: string; input?: unknown; expected?: string; keys?: string[]; values?: unknown[] }) {
  if (iss.code === 'invalid_type') {
    return iss.input === undefined ? '缺少此项' : `类型不对，应为${TYPE_NAMES[iss.expected ?? ''] ?? iss.expected}`;
  }
  if (iss.code === 'unrecognized_keys') return `不认识的字段：${(iss.keys ?? []).join('、')}`;
  if (iss.code === 'invalid_value') return `取值必须是 ${(iss.values ?? []).map(String).join('、')} 之一`;
  return '取值不正确';
}

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '政策' : path.map(String).join('.');
}

/**
 * Checks a policy document: its shape (zod) first, then its meaning (cycles that don't overlap,
 * categories that exist, yearly minimums that fit in the cycle's). Errors are Chinese sentences.
 */
export function parseCreditPolicy(doc: unknown): CreditPolicyParse {
  const parsed = creditPolicySchema.safeParse(doc, { error: chineseIssue });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${where(i.path)}：${i.message}`) };
  }
  const errors = semanticPolicyErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, policy: parsed.data };
}

/** The list of problems with a policy, empty when it can be used. */
export function validateCreditPolicy(doc: unknown): string[] {
  const r = parseCreditPolicy(doc);
  return r.ok ? [] : r.errors;
}

export class CreditPolicyError extends Error {
  constructor(readonly errors: string[]) {
    super(`学分政策无效：${errors.join('；')}`);
    this.name = 'CreditPolicyError';
  }
}
