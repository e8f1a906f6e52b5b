// 教师资格定期注册 runs per teacher: every `registration.years` years from the teacher's own 注册日期
// (教师〔2013〕9号; ≥ 360 学时 in that span, 教师〔2011〕1号). This file turns a teacher's registration
// history into windows, and judges the latest window: the 定期注册 list and rolling-cycle policies
// (cyclesFrom 'registration') use it.
//
// - The anchor is the latest 注册日期 on or before asOf; with none recorded, the hire date (a teacher's
//   first window starts when they start); with neither, the teacher cannot be judged (not assessed).
// - From the hire date, windows follow one another every `years` years up to asOf (nothing recorded
//   says the teacher missed a registration, so the window judged is the one running now — not the
//   first five years after a hire in 2005). From a recorded 注册日期 they do not: a window that ended
//   without a newer registration is judged as it ended.
// - A window runs from its anchor to the day before the same date `years` years later; a newer
//   registration inside it closes it early (the teacher registered again).
// - Credits count in a window by the date they were certified (entry date), converted to 学时 with the
//   entry's own 学时 or the policy's hoursPerCredit; a reversal counts where its original counted.
import { formatHundredths, toHundredths, type Hundredths } from './amounts.ts';
import { addDays, addYears, yearOf } from './dates.ts';
import type { CreditPosting } from './ledger.ts';
import type { CreditPolicy } from './policy.ts';
import type { CreditTeacherFacts } from './types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Window {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  startYear: number;
  endYear: number;
}

function windowOf(start: string, end: string): Window {
  return {
    id: `reg_${start.replaceAll('-', '')}`,
    name: `注册周期（${start} 至 ${end}）`,
    startDate: start,
    endDate: end,
    startYear: yearOf(start),
    endYear: yearOf(end),
  };
}

/** The anchors (registration dates on or before asOf, else the hire date), oldest first. */
export function anchorsOf(teacher: CreditTeacherFacts, asOf: string): { dates: string[]; from: 'registration' | 'hire' | null } {
  const regs = [...new Set((teacher.registrationDates ?? []).filter((d) => DATE.test(d) && d <= asOf))].sort();
  if (regs.length) return { dates: regs, from: 'registration' };
  if (teacher.hireDate && DATE.test(teacher.hireDate) && teacher.hireDate <= asOf) return { dates: [teacher.hireDate], from: 'hire' };
  return { dates: [], from: null };
}

/**
 * The teacher's windows, oldest first: one per anchor, and — for rolling cycles — further windows
 * chained after the last one until asOf falls in one (so the page always has a current cycle).
 */
export function windowsOf(years: number, anchors: readonly string[], asOf: string, chain: boolean): Window[] {
  const out: Window[] = [];
  anchors.forEach((start, i) => {
    const full = addDays(addYears(start, years), -1);
    const next = anchors[i + 1];
    out.push(windowOf(start, next !== undefined && next <= full ? addDays(next, -1) : full));
  });
  while (chain && out.length && out.at(-1)!.endDate < asOf) {
    const start = addDays(out.at(-1)!.endDate, 1);
    out.push(windowOf(start, addDays(addYears(start, years), -1)));
  }
  return out;
}

export type RegistrationStatus = 'eligible' | 'in_progress' | 'ineligible' | 'not_assessed';
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  eligible: '学时已满',
  in_progress: '进行中',
  ineligible: '学时不足',
  not_assessed: '不纳入',
};

/** The 定期注册 check of one teacher: their latest window and the 学时 certified in it. */
export interface CreditRegistrationResult {
  /** Where the window comes from: the teacher's 注册日期, or the hire date while none is recorded. */
  anchor: 'registration' | 'hire' | null;
  startDate: string | null;
  endDate: string | null;
  /** 学时 certified in the window, and the rule's minimum. */
  hours: number;
  requiredHours: number;
  /** eligible: the minimum is met; in_progress: the window is still running; ineligible: it ended short. */
  status: RegistrationStatus;
  /** «注册周期（…）学时还差 12 学时», or why the teacher is not judged. */
  missing: string[];
  reason: string | null;
}

export function evaluateRegistration(
  policy: CreditPolicy,
  teacher: CreditTeacherFacts,
  hourPostings: readonly (CreditPosting & { date: string })[],
  asOf: string,
  exempt: boolean,
): CreditRegistrationResult | null {
  const rule = policy.registration;
  if (!rule) return null;
  const required = toHundredths(rule.hours);
  const none = (reason: string): CreditRegistrationResult => ({
    anchor: null,
    startDate: null,
    endDate: null,
    hours: 0,
    requiredHours: rule.hours,
    status: 'not_assessed',
    missing: [],
    reason,
  });
  if (exempt) return none(`人员状态为“${teacher.status}”，不参加定期注册`);
  const anchors = anchorsOf(teacher, asOf);
  if (!anchors.from) return none('没有注册日期，也没有入职时间，无法确定注册周期');
  const w = windowsOf(rule.years, anchors.dates, asOf, anchors.from === 'hire').at(-1)!;
  let earned: Hundredths = 0;
  for (const p of hourPostings) if (p.date >= w.startDate && p.date <= w.endDate) earned += p.value;
  const running = w.endDate >= asOf;
  const status: RegistrationStatus = earned >= required ? 'eligible' : running ? 'in_progress' : 'ineligible';
  return {
    anchor: anchors.from,
    startDate: w.startDate,
    endDate: w.endDate,
    hours: earned / 100,
    requiredHours: rule.hours,
    status,
    missing: status === 'eligible' ? [] : [`${w.name}培训学时还差 ${formatHundredths(required - earned)} 学时`],
    reason: null,
  };
}
