// Who is assessed in which year: exempt statuses never; years before the hire date not; and the new
// teacher's first year (第 4 条: 新录用的、教龄在一年内的新任教师 … 不纳入教师培训学分登记管理范畴).
//
// How a year only partly inside the first twelve months is treated (newHireCounting 'from_hire_date'):
// the exemption runs from the hire date for newHireYears × 12 months (to the day before the same date
// a year later). A calendar year is assessed only when the teacher was past the exemption for MORE THAN
// HALF of its days (≥ 183 of 365, ≥ 184 of 366); otherwise the whole year is not assessed. So hired on
// 2022-12-20 (教龄在一年内 until 2023-12-19): 2023 has 12 days past it → 2023 is not assessed; 2024 is.
// Hired 2023-07-01: past it from 2024-07-01, 184 days of 2024 → 2024 is assessed. Hired 2023-07-03:
// 182 days → 2024 is not assessed, 2025 is. A cycle's minimums are then reduced pro rata by the years
// not assessed (proration 'by_assessed_years'). 'calendar_years' keeps the older reading: the year of
// hire (and newHireYears − 1 after it) are not assessed, whatever the day.
import { addDays, addYears, daysBetween, daysInYear, yearOf } from './dates.ts';
import type { CreditPolicy } from './policy.ts';
import type { CreditTeacherFacts } from './types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first calendar year a teacher hired on hireDate (YYYY-MM-DD) is assessed in. */
export function firstAssessedYear(policy: CreditPolicy, hireDate: string): number {
  const n = policy.notAssessed.newHireYears;
  if (policy.notAssessed.newHireCounting === 'calendar_years') return yearOf(hireDate) + n;
  const assessedFrom = addYears(hireDate, n);
  const y = yearOf(assessedFrom);
  const daysPast = daysBetween(assessedFrom, `${y}-12-31`) + 1;
  return daysPast * 2 > daysInYear(y) ? y : y + 1;
}

export interface Assessment {
  assessed: boolean;
  isAssessedYear: (year: number) => boolean;
}

export function assessment(policy: CreditPolicy, teacher: CreditTeacherFacts, notes: string[]): Assessment {
  const exempt = teacher.status !== undefined && policy.notAssessed.statuses.includes(teacher.status);
  if (exempt) notes.push(`人员状态为“${teacher.status}”，不纳入学分考核`);
  let first = -Infinity;
  if (teacher.hireDate !== undefined && DATE.test(teacher.hireDate)) {
    const hireYear = yearOf(teacher.hireDate);
    first = firstAssessedYear(policy, teacher.hireDate);
    const n = policy.notAssessed.newHireYears;
    const last = first - 1;
    const span = last === hireYear ? `${hireYear} 年` : `${hireYear}–${last} 年`;
    const mattersNow = policy.cyclesFrom === 'registration' || policy.cycles.some((c) => c.endYear >= hireYear);
    if (!exempt && mattersNow && last >= hireYear) {
      if (policy.notAssessed.newHireCounting === 'from_hire_date' && n > 0) {
        const until = addDays(addYears(teacher.hireDate, n), -1);
        notes.push(
          `${teacher.hireDate} 入职，至 ${until} 教龄在${n === 1 ? '一' : n}年内，为新任教师，不纳入学分考核；` +
            `${span}不考核（一年中教龄满${n === 1 ? '一' : n}年的日子不超过一半的年份不考核）`,
        );
      } else if (n > 0) {
        notes.push(`${hireYear} 年入职，${span}为新任教师，不纳入学分考核`);
      }
    }
  } else if (teacher.hireDate !== undefined) {
    notes.push(`入职时间“${teacher.hireDate}”不是 YYYY-MM-DD 格式，按全部年份考核`);
  }
  return { assessed: !exempt, isAssessedYear: (y: number) => !exempt && y >= first };
}
