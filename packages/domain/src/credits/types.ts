// Inputs and outputs of the credit engine (evaluateCredits).
import type { CreditForm, CreditLevel } from './policy.ts';
import type { CreditRegistrationResult } from './windows.ts';

/** One ledger line (学分明细) as the engine sees it. Corrections are reversing entries, never edits. */
export interface CreditEntryFact {
  id: string;
  /** YYYY-MM-DD, when the credit was certified; entries dated after asOf are not yet known. */
  date: string;
  /** The assessment year the credit counts for (a December course certified in January counts for December's year). */
  year: number;
  category: string;
  form: CreditForm;
  /** 学分; negative on a reversing entry. Two decimals at most. */
  amount: number;
  /** 学时, when the source states them; a 学时 policy prefers them over amount × hoursPerCredit. */
  hours?: number;
  level: CreditLevel;
  /** The entry this one reverses: it then counts in that entry's year, category, form and level. */
  reversalOf?: string;
}

export interface CreditTeacherFacts {
  /** YYYY-MM-DD (入职时间). */
  hireDate?: string;
  /** 人员状态 (在职, 退休 …). */
  status?: string;
  /** 教师资格注册日期 (YYYY-MM-DD), the whole history: the latest on or before asOf anchors the 定期注册 window. */
  registrationDates?: string[];
}

/** The legend of 我的学分: 已完成 · 学习中 · 未完成 · 无考核要求 · 未开始. */
export const CREDIT_STATUSES = ['completed', 'in_progress', 'incomplete', 'not_required', 'not_started'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];
export const CREDIT_STATUS_LABELS: Record<CreditStatus, string> = {
  completed: '已完成',
  in_progress: '学习中',
  incomplete: '未完成',
  not_required: '无考核要求',
  not_started: '未开始',
};

/** One cell of the table, or one check (a group, a level minimum, a total). Amounts in the policy's unit. */
export interface CreditCell {
  id: string;
  name: string;
  /** Everything earned here, reversals deducted. */
  earned: number;
  /** What counts toward the requirement and the totals: earned, less what lies above a cap. */
  counted: number;
  required: number;
  status: CreditStatus;
}

export interface CreditYearResult {
  year: number;
  /** False for a new hire's first year(s), years before hire, and exempt statuses. */
  assessed: boolean;
  categories: Record<string, CreditCell>;
  /** The annual minimum (广西: ≥ 16 a year). */
  total: CreditCell;
  /** Annual group minimums (广西: 校本研修 ≥ 10 a year). */
  groups: Record<string, CreditCell>;
}

export interface CreditCycleResult {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  shownStartYear: number;
  /** The cycle's first and last day (a rolling window starts on the teacher's 注册日期). */
  startDate: string;
  endDate: string;
  /** past: over (its result is final); current: asOf falls in it (figures are progress); future. */
  phase: 'past' | 'current' | 'future';
  status: CreditStatus;
  /** Years of the cycle the teacher is assessed in; cycle minimums are pro-rated on them if the policy says so. */
  assessedYears: number;
  years: CreditYearResult[];
  categories: Record<string, CreditCell>;
  total: CreditCell;
  groups: Record<string, CreditCell>;
  levels: Record<string, CreditCell>;
  /** Nothing in this cycle is 未完成 (a cycle in progress can be compliant). */
  compliant: boolean;
  /** What is still short, in plain Chinese («2024 年校本研修还差 3 学分»). */
  missing: string[];
}

export interface CreditEvaluation {
  policyId: string;
  policyVersion: number;
  unit: '学分' | '学时';
  asOf: string;
  /** False when the teacher's status takes them out of assessment altogether. */
  assessed: boolean;
  cycles: CreditCycleResult[];
  /** The 定期注册 check on the teacher's own window (null when the policy has no registration rule). */
  registration: CreditRegistrationResult | null;
  /** The cycle asOf falls in (or the latest one begun), the one 达标 is judged on; '' when there is none. */
  currentCycleId: string;
  total: CreditCell;
  compliant: boolean;
  missing: string[];
  /** Why some credits do not count (caps, future dates, unknown categories …), in Chinese. */
  notes: string[];
}
