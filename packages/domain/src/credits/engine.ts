// The credit engine: pure, deterministic, no I/O. Given a policy, a teacher's facts, the ledger and
// a date, it fills the 我的学分 table (cycle × year × category), runs the group, annual and level
// checks, and says whether the teacher is compliant (达标) and what is still missing.
import { formatHundredths, prorate, toHundredths, type Hundredths } from './amounts.ts';
import { missingSentence, phaseOf, rawCell, summarise, toCell, toCells, type Phase, type RawCell } from './cells.ts';
import { postEntries, sumPostings, type CreditPosting } from './ledger.ts';
import { CREDIT_UNIT_LABELS, CreditPolicyError, validateCreditPolicy, type CreditPolicy } from './policy.ts';
import type { CreditCycleResult, CreditEntryFact, CreditEvaluation, CreditTeacherFacts, CreditYearResult } from './types.ts';

type Cycle = CreditPolicy['cycles'][number];
type Group = CreditPolicy['groups'][number];

interface Context {
  policy: CreditPolicy;
  asOfYear: number;
  unit: '学分' | '学时';
  isAssessedYear: (year: number) => boolean;
  notes: string[];
}

// Policies are immutable documents: validating each once keeps an evaluation of a whole county cheap.
const validated = new WeakMap<object, string[]>();
function policyErrors(policy: CreditPolicy): string[] {
  let errors = validated.get(policy);
  if (!errors) validated.set(policy, (errors = validateCreditPolicy(policy)));
  return errors;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const h = (x: number | undefined): Hundredths => (x === undefined ? 0 : toHundredths(x));
const inGroup = (g: Group) => (p: CreditPosting) =>
  (g.forms === undefined || g.forms.includes(p.form)) && (g.categories === undefined || g.categories.includes(p.category));

/** Who is assessed when: exempt statuses never; years before hire and the new-hire years not. */
function assessment(policy: CreditPolicy, teacher: CreditTeacherFacts, notes: string[]) {
  const exempt = teacher.status !== undefined && policy.notAssessed.statuses.includes(teacher.status);
  if (exempt) notes.push(`人员状态为“${teacher.status}”，不纳入学分考核`);
  let firstAssessed = -Infinity;
  if (teacher.hireDate !== undefined && DATE.test(teacher.hireDate)) {
    const hireYear = Number(teacher.hireDate.slice(0, 4));
    firstAssessed = hireYear + policy.notAssessed.newHireYears;
    const mattersNow = policy.cycles.some((c) => c.endYear >= hireYear);
    if (!exempt && policy.notAssessed.newHireYears > 0 && mattersNow) {
      const last = firstAssessed - 1;
      notes.push(`${hireYear} 年入职，${last === hireYear ? `${hireYear} 年` : `${hireYear}–${last} 年`}为新任教师，不纳入学分考核`);
    }
  } else if (teacher.hireDate !== undefined) {
    notes.push(`入职时间“${teacher.hireDate}”不是 YYYY-MM-DD 格式，按全部年份考核`);
  }
  return { assessed: !exempt, isAssessedYear: (y: number) => !exempt && y >= firstAssessed };
}

function capped(earned: Hundredths, cap: number | undefined): Hundredths {
  return cap === undefined ? earned : Math.min(earned, toHundredths(cap));
}

function capNote(ctx: Context, when: string, name: string, scope: string, earned: Hundredths, counted: Hundredths) {
  if (counted >= earned) return;
  const f = formatHundredths;
  ctx.notes.push(
    `${when}${name}共 ${f(earned)} ${ctx.unit}，超过${scope}上限 ${f(counted)} ${ctx.unit}，` +
      `多出的 ${f(earned - counted)} ${ctx.unit}仍算作${name}，但不计入${ctx.unit}合计`,
  );
}

interface YearTally {
  result: CreditYearResult;
  raw: RawCell[];
  counted: Map<string, Hundredths>;
}

function evaluateYear(ctx: Context, year: number, ps: readonly CreditPosting[]): YearTally {
  const { policy } = ctx;
  const phase = phaseOf(year, year, ctx.asOfYear);
  const assessed = ctx.isAssessedYear(year);
  const counted = new Map<string, Hundredths>();
  const categories = policy.categories.map((c) => {
    const earned = sumPostings(ps, (p) => p.category === c.id);
    const kept = capped(earned, policy.caps[c.id]?.perYear);
    capNote(ctx, `${year} 年`, c.name, '每年', earned, kept);
    counted.set(c.id, kept);
    return rawCell(c.id, c.name, earned, kept, h(policy.requirements[c.id]?.perYear), phase, assessed);
  });
  const earnedAll = categories.reduce((s, c) => s + c.earned, 0);
  const countedAll = categories.reduce((s, c) => s + c.counted, 0);
  const total = rawCell('total', `${ctx.unit}合计`, earnedAll, countedAll, h(policy.total.perYear), phase, assessed);
  const groups = policy.groups
    .filter((g) => g.perYear !== undefined)
    .map((g) => {
      const earned = sumPostings(ps, inGroup(g));
      return rawCell(g.id, g.name, earned, earned, h(g.perYear), phase, assessed);
    });
  const result: CreditYearResult = {
    year,
    assessed,
    categories: toCells(categories),
    total: toCell(total),
    groups: toCells(groups),
  };
  return { result, raw: [...categories, ...groups, total], counted };
}

function evaluateCycle(ctx: Context, cycle: Cycle, postings: readonly CreditPosting[]) {
  const { policy } = ctx;
  const ps = postings.filter((p) => p.year >= cycle.startYear && p.year <= cycle.endYear);
  const tallies: YearTally[] = [];
  for (let y = cycle.startYear; y <= cycle.endYear; y++)
    tallies.push(
      evaluateYear(
        ctx,
        y,
        ps.filter((p) => p.year === y),
      ),
    );
  const length = tallies.length;
  const assessedYears = tallies.filter((t) => t.result.assessed).length;
  const assessed = assessedYears > 0;
  const phase: Phase = phaseOf(cycle.startYear, cycle.endYear, ctx.asOfYear);
  const label = `${cycle.name}周期`;
  // A teacher assessed in only some years of the cycle owes its minimums pro rata, if the policy says so.
  const required = (x: number | undefined) => (policy.proration === 'by_assessed_years' ? prorate(h(x), assessedYears, length) : h(x));
  if (assessed && assessedYears < length && policy.proration === 'by_assessed_years' && phase !== 'future') {
    ctx.notes.push(`${label}只有 ${assessedYears} 年需要考核，周期要求按 ${assessedYears}/${length} 折算`);
  }

  const categories = policy.categories.map((c) => {
    const earned = sumPostings(ps, (p) => p.category === c.id);
    const yearly = tallies.reduce((s, t) => s + (t.counted.get(c.id) ?? 0), 0);
    const kept = capped(yearly, policy.caps[c.id]?.perCycle);
    capNote(ctx, label, c.name, '每周期', yearly, kept);
    return rawCell(c.id, c.name, earned, kept, required(policy.requirements[c.id]?.perCycle), phase, assessed);
  });
  const total = rawCell(
    'total',
    `${ctx.unit}合计`,
    categories.reduce((s, c) => s + c.earned, 0),
    categories.reduce((s, c) => s + c.counted, 0),
    required(policy.total.perCycle),
    phase,
    assessed,
  );
  // Caps limit what counts toward the total, not which form or level a credit was earned in.
  const groups = policy.groups
    .filter((g) => g.perCycle !== undefined)
    .map((g) => {
      const earned = sumPostings(ps, inGroup(g));
      return rawCell(g.id, g.name, earned, earned, required(g.perCycle), phase, assessed);
    });
  const levels = policy.levelMinimums.map((l) => {
    const earned = sumPostings(ps, (p) => l.levels.includes(p.level));
    return rawCell(l.id, l.name, earned, earned, required(l.perCycle), phase, assessed);
  });

  const cycleCells = [...categories, ...groups, ...levels, total];
  const all = [...tallies.flatMap((t) => t.raw), ...cycleCells];
  const missing = [
    ...tallies.flatMap((t) => t.raw.map((c) => missingSentence(`${t.result.year} 年`, c, ctx.unit))),
    ...cycleCells.map((c) => missingSentence(label, c, ctx.unit)),
  ].filter((s): s is string => s !== undefined);
  const result: CreditCycleResult = {
    id: cycle.id,
    name: cycle.name,
    startYear: cycle.startYear,
    endYear: cycle.endYear,
    shownStartYear: cycle.shownStartYear ?? cycle.startYear,
    status: summarise(
      phase,
      assessed,
      all.map((c) => c.status),
    ),
    assessedYears,
    years: tallies.map((t) => t.result),
    categories: toCells(categories),
    total: toCell(total),
    groups: toCells(groups),
    levels: toCells(levels),
    compliant: !all.some((c) => c.status === 'incomplete'),
    missing,
  };
  return result;
}

/** The cycle 达标 is judged on: the one asOf falls in, else the latest begun, else the first. */
function currentCycle(cycles: readonly CreditCycleResult[], asOfYear: number): CreditCycleResult {
  const sorted = [...cycles].sort((a, b) => a.startYear - b.startYear);
  const begun = sorted.filter((c) => c.startYear <= asOfYear);
  return begun.find((c) => c.endYear >= asOfYear) ?? begun.at(-1) ?? sorted[0]!;
}

/**
 * Evaluates a teacher's credits under a policy as of a date (YYYY-MM-DD). Throws CreditPolicyError
 * for a policy that fails validation, and RangeError for a malformed date.
 */
export function evaluateCredits(
  policy: CreditPolicy,
  teacher: CreditTeacherFacts,
  entries: readonly CreditEntryFact[],
  asOf: string,
): CreditEvaluation {
  const errors = policyErrors(policy);
  if (errors.length) throw new CreditPolicyError(errors);
  if (!DATE.test(asOf)) throw new RangeError(`asOf 必须是 YYYY-MM-DD 格式的日期：${asOf}`);
  const notes: string[] = [];
  const who = assessment(policy, teacher, notes);
  const ctx: Context = {
    policy,
    asOfYear: Number(asOf.slice(0, 4)),
    unit: CREDIT_UNIT_LABELS[policy.unit],
    isAssessedYear: who.isAssessedYear,
    notes,
  };
  const postings = postEntries(policy, entries, asOf, notes);
  const cycles = policy.cycles.map((c) => evaluateCycle(ctx, c, postings));
  const current = currentCycle(cycles, ctx.asOfYear);
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    unit: ctx.unit,
    asOf,
    assessed: who.assessed,
    cycles,
    currentCycleId: current.id,
    total: current.total,
    compliant: current.compliant,
    missing: current.missing,
    notes,
  };
}
