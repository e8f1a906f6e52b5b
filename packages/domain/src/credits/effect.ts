// «What it does for my credits»: before a teacher enrols in an elective, the page says what its credits
// would change under the active policy. No second calculation: the engine evaluates the teacher's
// ledger as it is and with the elective's entry added, and this file describes the difference —
// the gaps it fills («可补足十五五周期集中培训和远程培训还差的 6 学分») and what a cap keeps out
// («本年度自主选修已达上限 4 学分，超出部分不计入»).
import { formatHundredths, toHundredths } from './amounts.ts';
import { evaluateCredits } from './engine.ts';
import type { CreditPolicy } from './policy.ts';
import type { CreditCell, CreditCycleResult, CreditEntryFact, CreditEvaluation, CreditTeacherFacts } from './types.ts';

export interface CreditEffect {
  /** What of the entry counts toward the cycle's total (a cap may keep some of it out), in the policy's unit. */
  counted: number;
  /** The cycle the entry falls in ('' when none). */
  cycleId: string;
  /** Plain Chinese sentences, most useful first; never empty. */
  statements: string[];
}

const cycleLabel = (c: CreditCycleResult) => (c.name.includes('周期') ? c.name : `${c.name}周期`);
const f = (x: number) => formatHundredths(toHundredths(x));

/** The cycle a new entry counts in: by its year for fixed cycles, by its date for a registration window. */
function cycleOf(policy: CreditPolicy, ev: CreditEvaluation, e: Omit<CreditEntryFact, 'id'>): CreditCycleResult | undefined {
  return ev.cycles.find((c) =>
    policy.cyclesFrom === 'fixed' ? c.startYear <= e.year && e.year <= c.endYear : c.startDate <= e.date && e.date <= c.endDate,
  );
}

/** A requirement the entry moves: how much of the gap it closes. */
function gapStatement(when: string, before: CreditCell, after: CreditCell, unit: string): string | undefined {
  if (before.required <= 0 || before.counted >= before.required) return undefined;
  const gain = Math.min(after.counted, after.required) - before.counted;
  if (gain <= 0) return undefined;
  const gap = before.required - before.counted;
  return gain >= gap - 1e-9
    ? `可补足${when}${before.name}还差的 ${f(gap)} ${unit}`
    : `可计入${when}${before.name} ${f(gain)} ${unit}（仍差 ${f(gap - gain)} ${unit}）`;
}

function cellsOf(group: Record<string, CreditCell>): [string, CreditCell][] {
  return Object.entries(group);
}

/**
 * What adding `entry` to the teacher's ledger would do, by evaluating both ledgers with the engine.
 * `entry` is the elective's credit as it would be posted (its year, date, category, form, level, amount).
 */
export function creditEffect(
  policy: CreditPolicy,
  teacher: CreditTeacherFacts,
  entries: readonly CreditEntryFact[],
  asOf: string,
  entry: Omit<CreditEntryFact, 'id'>,
): CreditEffect {
  const before = evaluateCredits(policy, teacher, entries, asOf);
  const after = evaluateCredits(policy, teacher, [...entries, { ...entry, id: '__elective__' }], asOf);
  const unit = after.unit;
  const category = policy.categories.find((c) => c.id === entry.category)?.name ?? entry.category;
  const cb = cycleOf(policy, before, entry),
    ca = cycleOf(policy, after, entry);
  if (!cb || !ca) {
    return { counted: 0, cycleId: '', statements: [`${entry.year} 年不在当前学分政策的任何培训周期内，学分不计入周期合计`] };
  }
  const out: string[] = [];
  const counted = ca.total.counted - cb.total.counted;
  // a cap: the category grows by the whole amount, the total by less
  const yb = cb.years.find((y) => y.year === entry.year),
    ya = ca.years.find((y) => y.year === entry.year);
  const amount = toHundredths(entry.amount);
  if (toHundredths(counted) < amount) {
    const cap = policy.caps[entry.category];
    const scope =
      cap?.perYear !== undefined
        ? { when: entry.year === Number(asOf.slice(0, 4)) ? '本年度' : `${entry.year} 年度`, limit: cap.perYear }
        : cap?.perCycle !== undefined
          ? { when: `${cycleLabel(ca)}`, limit: cap.perCycle }
          : null;
    if (scope && toHundredths(counted) <= 0) out.push(`${scope.when}${category}已达上限 ${f(scope.limit)} ${unit}，超出部分不计入`);
    else if (scope)
      out.push(`${scope.when}${category}上限 ${f(scope.limit)} ${unit}，本课程只有 ${f(counted)} ${unit}计入，超出部分不计入`);
  }
  if (before.assessed && yb?.assessed) {
    const when = `${cycleLabel(ca)}`;
    for (const [id, cell] of [...cellsOf(cb.categories), ...cellsOf(cb.groups), ...cellsOf(cb.levels)]) {
      const next = ca.categories[id] ?? ca.groups[id] ?? ca.levels[id];
      const s = next && gapStatement(when, cell, next, unit);
      if (s) out.push(s);
    }
    const s = gapStatement(when, cb.total, ca.total, unit);
    if (s) out.push(s);
    if (ya && yb) {
      const year = `${entry.year} 年度`;
      for (const [id, cell] of [...cellsOf(yb.categories), ...cellsOf(yb.groups)]) {
        const next = ya.categories[id] ?? ya.groups[id];
        const t = next && gapStatement(year, cell, next, unit);
        if (t) out.push(t);
      }
      const t = gapStatement(year, yb.total, ya.total, unit);
      if (t) out.push(t);
    }
  }
  if (!out.length) {
    if (!before.assessed || !yb?.assessed) out.push(`您在 ${entry.year} 年不在学分考核范围内，学分仍会记入学分明细`);
    else if (counted > 0) out.push(`计入${cycleLabel(ca)}${category} ${f(counted)} ${unit}；您在该周期的各项要求已经满足`);
    else out.push(`${category}学分不再计入${cycleLabel(ca)}合计`);
  }
  return { counted, cycleId: ca.id, statements: out };
}
