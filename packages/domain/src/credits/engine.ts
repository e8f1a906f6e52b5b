// The credit engine: pure, deterministic, no I/O. Given a policy, a teacher's facts, the ledger and
// a date, it fills the 我的学分 table (cycle × year × category), runs the group, annual and level
// checks, and says whether the teacher is compliant (达标) and what is still missing.
import { formatHundredths, prorate, toHundredths, type Hundredths } from './amounts.ts';
import { missingSentence, phaseOf, rawCell, summarise, toCell, toCells, type Phase, type RawCell } from './cells.ts';
import { postEntries, sumPostings, type CreditPosting } from './ledger.ts';
import { CREDIT_UNIT_LABELS, CreditPolicyError, validateCreditPolicy, type CreditPolicy } from './policy.ts';
import type { CreditCycleResult, CreditEntryFact, CreditEvaluation, CreditTeacherFacts, CreditYearResult } from './types.ts';
import { assessment } from './assessment.ts';
import { fill, itemsOf, type Item } from './caps.ts';
import { anchorsOf, evaluateRegistration, windowsOf } from './windows.ts';

type Group = CreditPolicy['groups'][number];

/** A fixed cycle (十四五) or one of the teacher's rolling registration windows, with its days. */
interface Cycle {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  shownStartYear?: number;
  startDate: string;
  endDate: string;
  rolling: boolean;
}

interface Context {
  policy: CreditPolicy;
  asOf: string;
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

/** The cycles a teacher is judged in: the policy's fixed spans, or windows from their 注册日期. */
function cyclesFor(policy: CreditPolicy, teacher: CreditTeacherFacts, asOf: string, notes: string[]): Cycle[] {
  if (policy.cyclesFrom === 'fixed') {
    return policy.cycles.map((c) => ({ ...c, startDate: `${c.startYear}-01-01`, endDate: `${c.endYear}-12-31`, rolling: false }));
  }
  const anchors = anchorsOf(teacher, asOf);
  if (anchors.from === 'hire') notes.push(`没有登记注册日期，注册周期从入职时间 ${anchors.dates[0]} 起算`);
  if (!anchors.from) notes.push('没有注册日期，也没有入职时间，无法确定注册周期，暂不考核');
  return windowsOf(policy.registration!.years, anchors.dates, asOf, true).map((w) => ({ ...w, rolling: true }));
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
  /** Per category: each credit (original entry) and the part of it the yearly cap lets count. */
  parts: Map<string, { item: Item; part: Hundredths }[]>;
}

function evaluateYear(ctx: Context, year: number, ps: readonly CreditPosting[]): YearTally {
  const { policy } = ctx;
  const phase = phaseOf(year, year, ctx.asOfYear);
  const assessed = ctx.isAssessedYear(year);
  const counted = new Map<string, Hundredths>();
  const parts = new Map<string, { item: Item; part: Hundredths }[]>();
  const categories = policy.categories.map((c) => {
    const earned = sumPostings(ps, (p) => p.category === c.id);
    const items = itemsOf(ps.filter((p) => p.category === c.id));
    const cap = policy.caps[c.id]?.perYear;
    const filled = fill(items, cap === undefined ? undefined : toHundredths(cap));
    parts.set(
      c.id,
      items.map((item, i) => ({ item, part: filled[i]! })),
    );
    const kept = capped(earned, cap);
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
  return { result, raw: [...categories, ...groups, total], counted, parts };
}

function evaluateCycle(ctx: Context, cycle: Cycle, postings: readonly CreditPosting[]) {
  const { policy } = ctx;
  // fixed cycles count credits by the year they are for; a registration window by the day they were certified
  const ps = cycle.rolling
    ? postings.filter((p) => p.date >= cycle.startDate && p.date <= cycle.endDate)
    : postings.filter((p) => p.year >= cycle.startYear && p.year <= cycle.endYear);
  const tallies: YearTally[] = [];
  // a window's year columns are the years its credits were certified in (it counts them by date)
  for (let y = cycle.startYear; y <= cycle.endYear; y++)
    tallies.push(
      evaluateYear(
        ctx,
        y,
        ps.filter((p) => (cycle.rolling ? Number(p.date.slice(0, 4)) : p.year) === y),
      ),
    );
  const length = tallies.length;
  const assessedYears = tallies.filter((t) => t.result.assessed).length;
  const assessed = assessedYears > 0;
  const phase: Phase = cycle.endDate < ctx.asOf ? 'past' : cycle.startDate > ctx.asOf ? 'future' : 'current';
  const label = cycle.rolling ? cycle.name : `${cycle.name}周期`;
  // A teacher assessed in only some years of the cycle owes its minimums pro rata, if the policy says so.
  // (A registration window starts on the teacher's own date: nothing to pro-rate.)
  const prorated = policy.proration === 'by_assessed_years' && !cycle.rolling;
  const required = (x: number | undefined) => (prorated ? prorate(h(x), assessedYears, length) : h(x));
  if (assessed && assessedYears < length && prorated && phase !== 'future') {
    ctx.notes.push(`${label}只有 ${assessedYears} 年需要考核，周期要求按 ${assessedYears}/${length} 折算`);
  }

  // what of each credit counts toward the cycle total, after the yearly and the cycle caps (level minimums use it)
  const countedOf = new Map<string, Hundredths>();
  const categories = policy.categories.map((c) => {
    const earned = sumPostings(ps, (p) => p.category === c.id);
    const yearly = tallies.reduce((s, t) => s + (t.counted.get(c.id) ?? 0), 0);
    const cycleCap = policy.caps[c.id]?.perCycle;
    const items = tallies.flatMap((t) => t.parts.get(c.id) ?? []).map((x) => ({ item: x.item, value: x.part }));
    fill(items, cycleCap === undefined ? undefined : toHundredths(cycleCap)).forEach((part, i) => {
      const root = items[i]!.item.rootId;
      countedOf.set(root, (countedOf.get(root) ?? 0) + part);
    });
    const kept = capped(yearly, cycleCap);
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
  // Level minimums are «其中» of the cycle total: what a cap keeps out of the total does not count here either.
  const levels = policy.levelMinimums.map((l) => {
    const mine = (p: CreditPosting) => l.levels.includes(p.level);
    const earned = sumPostings(ps, mine);
    const rootsHere = new Set(
      tallies
        .flatMap((t) => [...t.parts.values()].flat())
        .filter((x) => mine(x.item.posting))
        .map((x) => x.item.rootId),
    );
    const counted = [...rootsHere].reduce((s, r) => s + (countedOf.get(r) ?? 0), 0);
    return rawCell(l.id, l.name, earned, counted, required(l.perCycle), phase, assessed);
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
    startDate: cycle.startDate,
    endDate: cycle.endDate,
    phase,
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
function currentCycle(cycles: readonly CreditCycleResult[], asOf: string): CreditCycleResult | undefined {
  const sorted = [...cycles].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  const begun = sorted.filter((c) => c.startDate <= asOf);
  return begun.find((c) => c.endDate >= asOf) ?? begun.at(-1) ?? sorted[0];
}

const NOTHING = { id: 'total', name: '合计', earned: 0, counted: 0, required: 0, status: 'not_required' } as const;

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
    asOf,
    asOfYear: Number(asOf.slice(0, 4)),
    unit: CREDIT_UNIT_LABELS[policy.unit],
    isAssessedYear: who.isAssessedYear,
    notes,
  };
  const postings = postEntries(policy, entries, asOf, notes);
  const cycleDefs = cyclesFor(policy, teacher, asOf, notes);
  const cycles = cycleDefs.map((c) => evaluateCycle(ctx, c, postings));
  const current = currentCycle(cycles, asOf);
  const hours = policy.registration ? postEntries(policy, entries, asOf, [], { unit: 'hour', inCycles: false }) : [];
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    unit: ctx.unit,
    asOf,
    assessed: who.assessed && current !== undefined,
    cycles,
    registration: evaluateRegistration(policy, teacher, hours, asOf, !who.assessed),
    currentCycleId: current?.id ?? '',
    total: current?.total ?? { ...NOTHING, name: `${ctx.unit}合计` },
    compliant: current?.compliant ?? true,
    missing: current?.missing ?? [],
    notes,
  };
}
