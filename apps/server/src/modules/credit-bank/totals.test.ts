import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankTotals, OUTSIDE_CYCLES, type LedgerGroup } from './totals.ts';

const cycles = [
  { id: 'fyp14', name: '十四五', startYear: 2021, endYear: 2025 },
  { id: 'fyp15', name: '十五五', startYear: 2026, endYear: 2030 },
];
const name = (id: string) => ({ public_required: '公共必修' })[id] ?? id;
const g = (year: number, source: string, amountH: number, category = 'public_required'): LedgerGroup => ({
  year,
  source,
  category,
  entries: 1,
  amountH,
  hoursH: amountH * 10,
});

describe('bank totals', () => {
  it('sums per year, cycle, source and category; a reversal cancels its entry', () => {
    const t = bankTotals({
      groups: [
        g(2019, 'import', 300),
        g(2022, 'project', 600),
        g(2024, 'project', 600),
        g(2024, 'reversal', -600),
        g(2026, 'elective', 125),
      ],
      cycles,
      categoryName: name,
      currentYear: 2026,
    });
    expect(t.total).toEqual({ amount: 10.25, hours: 102.5, entries: 5 });
    expect(t.years.map((y) => [y.year, y.amount])).toEqual([
      [2026, 1.25],
      [2024, 0],
      [2022, 6],
      [2019, 3],
    ]);
    expect(t.cycles.map((c) => [c.id, c.amount])).toEqual([
      ['fyp15', 1.25],
      ['fyp14', 6],
      [OUTSIDE_CYCLES, 3],
    ]);
    expect(t.sources.map((s) => s.label)).toEqual(['专项培训', '自主选学', '导入（转入）', '冲销']);
    expect(t.categories).toEqual([{ category: 'public_required', name: '公共必修', amount: 10.25, hours: 102.5, entries: 5 }]);
  });

  it('shows the cycle under way even while empty, and no other empty cycle', () => {
    const t = bankTotals({ groups: [g(2022, 'project', 100)], cycles, categoryName: name, currentYear: 2027 });
    expect(t.cycles.map((c) => [c.id, c.amount])).toEqual([
      ['fyp15', 0],
      ['fyp14', 1],
    ]);
    expect(bankTotals({ groups: [], cycles, categoryName: name, currentYear: 2040 }).cycles).toEqual([]);
  });

  it('every breakdown adds up to the total, to the hundredth', () => {
    const group = fc.record({
      year: fc.integer({ min: 2015, max: 2035 }),
      source: fc.constantFrom('project', 'elective', 'school_based', 'claim', 'import', 'adjustment', 'reversal'),
      category: fc.constantFrom('a', 'b', 'c'),
      entries: fc.integer({ min: 1, max: 5 }),
      amountH: fc.integer({ min: -2000, max: 2000 }),
      hoursH: fc.integer({ min: 0, max: 20000 }),
    });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 40 }), (groups) => {
        const t = bankTotals({ groups, cycles, categoryName: name, currentYear: 2026 });
        const h = (xs: { amount: number }[]) => xs.reduce((s, x) => s + Math.round(x.amount * 100), 0);
        const total = Math.round(t.total.amount * 100);
        expect(h(t.years)).toBe(total);
        expect(h(t.cycles)).toBe(total);
        expect(h(t.sources)).toBe(total);
        expect(h(t.categories)).toBe(total);
        expect(t.years.reduce((s, y) => s + y.entries, 0)).toBe(t.total.entries);
      }),
    );
  });
});
