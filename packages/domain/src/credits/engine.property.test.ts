import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_FORMS,
  CREDIT_LEVELS,
  CREDIT_POLICIES,
  CreditPolicyError,
  evaluateCredits,
  validateCreditPolicy,
  type CreditCell,
  type CreditEntryFact,
  type CreditEvaluation,
  type CreditPolicy,
  type CreditStatus,
} from './index.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (from: number, to: number) =>
  fc
    .tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const hundredths = (max: number) => fc.integer({ min: 1, max }).map((n) => n / 100);

/** Years, categories and dates within the policy's cycles, so every entry dated by asOf counts. */
function entryArb(p: CreditPolicy): fc.Arbitrary<Omit<CreditEntryFact, 'id'>> {
  // rolling windows (cycles from the 注册日期) have no fixed span: entries over the same years
  const first = p.cycles.length ? Math.min(...p.cycles.map((c) => c.startYear)) : 2016;
  const last = p.cycles.length ? Math.max(...p.cycles.map((c) => c.endYear)) : 2030;
  return fc.record({
    date: dateIn(first, last + 1),
    year: fc.integer({ min: first, max: last }),
    category: fc.constantFrom(...p.categories.map((c) => c.id)),
    form: fc.constantFrom(...CREDIT_FORMS),
    amount: hundredths(2000),
    hours: fc.option(hundredths(6000), { nil: undefined }),
    level: fc.constantFrom(...CREDIT_LEVELS),
  });
}

/** A ledger of entries plus reversals of some of them (negated, booked on any date and year). */
function ledgerArb(p: CreditPolicy): fc.Arbitrary<CreditEntryFact[]> {
  return fc.array(entryArb(p), { maxLength: 30 }).chain((raw) => {
    const originals = raw.map((e, i) => ({ ...e, id: `e${i}` }));
    const reversal = fc.record({ of: fc.nat({ max: Math.max(0, originals.length - 1) }), booked: entryArb(p) });
    return fc.array(reversal, { maxLength: originals.length ? 5 : 0 }).map((rs) => [
      ...originals,
      ...rs.map(({ of, booked }, i): CreditEntryFact => {
        const o = originals[of]!;
        return { ...booked, id: `r${i}`, amount: -o.amount, hours: o.hours === undefined ? undefined : -o.hours, reversalOf: o.id };
      }),
    ]);
  });
}

const scenarioArb = fc.constantFrom(...CREDIT_POLICIES).chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    teacher: fc.record({
      hireDate: fc.option(dateIn(2010, 2030), { nil: undefined }),
      status: fc.option(fc.constantFrom('在职', '借调', '退休'), { nil: undefined }),
      registrationDates: fc.option(fc.array(dateIn(2012, 2030), { maxLength: 3 }), { nil: undefined }),
    }),
    entries: ledgerArb(policy),
    asOf: dateIn(2015, 2032),
    extra: entryArb(policy),
  }),
);

const cellsOf = (r: CreditEvaluation): CreditCell[] =>
  r.cycles.flatMap((c) => [
    ...c.years.flatMap((y) => [...Object.values(y.categories), y.total, ...Object.values(y.groups)]),
    ...Object.values(c.categories),
    c.total,
    ...Object.values(c.groups),
    ...Object.values(c.levels),
  ]);
const RANK: Record<CreditStatus, number> = { incomplete: 0, in_progress: 1, completed: 2, not_required: 3, not_started: 4 };
const cents = (x: number) => Math.round(x * 100);
function valueOf(p: CreditPolicy, e: CreditEntryFact): number {
  if (p.unit === 'credit') return cents(e.amount);
  return e.hours !== undefined ? cents(e.hours) : Math.round(cents(e.amount) * p.hoursPerCredit);
}

describe('credit engine properties', () => {
  it('adding a positive entry never lowers an earned number, a status or compliance', () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, teacher, entries, asOf, extra }) => {
        const before = evaluateCredits(policy, teacher, entries, asOf);
        const after = evaluateCredits(policy, teacher, [...entries, { ...extra, id: 'added' }], asOf);
        const [b, a] = [cellsOf(before), cellsOf(after)];
        b.forEach((cell, i) => {
          expect(a[i]!.earned).toBeGreaterThanOrEqual(cell.earned);
          expect(a[i]!.counted).toBeGreaterThanOrEqual(cell.counted);
          expect(a[i]!.required).toBe(cell.required);
          expect(RANK[a[i]!.status]).toBeGreaterThanOrEqual(RANK[cell.status]);
        });
        if (before.compliant) expect(after.compliant).toBe(true);
        expect(after.missing.length).toBeLessThanOrEqual(before.missing.length);
      }),
    );
  });

  it('totals equal, exactly, the sum of the entries known on asOf; caps only lower what counts', () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, teacher, entries, asOf }) => {
        const r = evaluateCredits(policy, teacher, entries, asOf);
        // rolling windows count by date from the anchor: the sum holds for windows that cover every entry
        const inWindow = (e: CreditEntryFact) =>
          policy.cyclesFrom === 'fixed' || r.cycles.some((c) => e.date >= c.startDate && e.date <= c.endDate);
        const known = entries.filter((e) => e.date <= asOf);
        if (policy.cyclesFrom === 'fixed' || known.every((e) => !e.reversalOf)) {
          const expected = known.filter(inWindow).reduce((s, e) => s + valueOf(policy, e), 0);
          expect(r.cycles.reduce((s, c) => s + cents(c.total.earned), 0)).toBe(expected);
        }
        for (const c of r.cycles) {
          expect(cents(c.total.earned)).toBe(c.years.reduce((s, y) => s + cents(y.total.earned), 0));
          expect(c.total.earned).toBe(c.years.reduce((s, y) => s + cents(y.total.earned), 0) / 100); // no float drift
          for (const y of c.years) {
            expect(cents(y.total.earned)).toBe(Object.values(y.categories).reduce((s, x) => s + cents(x.earned), 0));
            expect(cents(y.total.counted)).toBe(Object.values(y.categories).reduce((s, x) => s + cents(x.counted), 0));
          }
          expect(c.total.counted).toBeLessThanOrEqual(c.total.earned);
          if (Object.keys(policy.caps).length === 0) expect(c.total.counted).toBe(c.total.earned);
        }
      }),
    );
  });

  it('is deterministic and does not depend on the order of the ledger', () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((s) =>
          fc.record({
            s: fc.constant(s),
            shuffled: fc.shuffledSubarray(s.entries, { minLength: s.entries.length }),
          }),
        ),
        ({ s, shuffled }) => {
          const once = evaluateCredits(s.policy, s.teacher, s.entries, s.asOf);
          expect(evaluateCredits(s.policy, s.teacher, s.entries, s.asOf)).toEqual(once);
          const reordered = evaluateCredits(s.policy, s.teacher, shuffled, s.asOf);
          expect(reordered.cycles).toEqual(once.cycles);
          expect([reordered.compliant, reordered.missing]).toEqual([once.compliant, once.missing]);
        },
      ),
    );
  });

  it('never starts a future year and is compliant exactly when nothing in the current cycle failed', () => {
    fc.assert(
      fc.property(scenarioArb, ({ policy, teacher, entries, asOf }) => {
        const r = evaluateCredits(policy, teacher, entries, asOf);
        const year = Number(asOf.slice(0, 4));
        for (const y of r.cycles.flatMap((c) => c.years)) {
          if (y.year > year) expect(y.total.status).toBe('not_started');
          if (!y.assessed && y.year <= year) expect(y.total.status).toBe('not_required');
        }
        const current = r.cycles.find((c) => c.id === r.currentCycleId);
        expect(r.compliant).toBe(current?.compliant ?? true);
        if (!r.assessed) expect(r.compliant).toBe(true);
      }),
    );
  });

  const breakages: [string, (p: CreditPolicy) => unknown][] = [
    ['overlapping cycles', (p) => ({ ...p, cycles: [...p.cycles, { ...p.cycles[0]!, id: 'copy' }] })],
    ['unknown category', (p) => ({ ...p, requirements: { ...p.requirements, ghost: { perCycle: 1 } } })],
    ['yearly above cycle', (p) => ({ ...p, total: { perYear: 10, perCycle: 5 } })],
    ['three decimals', (p) => ({ ...p, total: { ...p.total, perCycle: 100.001 } })],
    ['zero conversion', (p) => ({ ...p, hoursPerCredit: 0 })],
    ['duplicate category', (p) => ({ ...p, categories: [...p.categories, p.categories[0]!] })],
    ['version 0', (p) => ({ ...p, version: 0 })],
    ['unknown field', (p) => ({ ...p, carryOver: true })],
  ];

  it('rejects a policy that fails validation, whatever the breakage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CREDIT_POLICIES), fc.constantFrom(...breakages), (policy, [, breakIt]) => {
        const broken = breakIt(structuredClone(policy)) as CreditPolicy;
        expect(validateCreditPolicy(broken).length).toBeGreaterThan(0);
        expect(() => evaluateCredits(broken, {}, [], '2024-01-01')).toThrow(CreditPolicyError);
      }),
    );
  });

  it('answers any non-policy with Chinese errors instead of crashing', () => {
    fc.assert(
      fc.property(fc.anything(), (doc) => {
        const errors = validateCreditPolicy(doc);
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) expect(e).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});
