import { describe, expect, it } from 'vitest';
import { evaluateCredits, GUANGXI_POLICY as GX, NATIONAL_HOURS_POLICY as NAT, SHANGHAI_STYLE_POLICY as SH } from './index.ts';
import { entry, guangxiYear } from './testing.ts';

const teacher = { hireDate: '2012-09-01', status: '在职' };
const cycle = (r: ReturnType<typeof evaluateCredits>, id: string) => r.cycles.find((c) => c.id === id)!;
const yearOf = (r: ReturnType<typeof evaluateCredits>, y: number) => r.cycles.flatMap((c) => c.years).find((x) => x.year === y)!;
const fiveYears = (from: number, school = (_y: number) => 10) => [0, 1, 2, 3, 4].flatMap((i) => guangxiYear(from + i, school(from + i)));

describe('Guangxi policy (seed 000)', () => {
  it('a teacher who met every rule of 十四五 is compliant with nothing missing', () => {
    const r = evaluateCredits(GX, teacher, fiveYears(2021), '2025-12-31');
    const c = cycle(r, 'fyp14');
    expect(r.currentCycleId).toBe('fyp14');
    expect(r.compliant).toBe(true);
    expect(r.missing).toEqual([]);
    expect(c.status).toBe('completed');
    expect(c.total).toMatchObject({ earned: 120, required: 120, status: 'completed' });
    expect(c.groups.onsite_online).toMatchObject({ earned: 70, required: 70 });
    expect(c.groups.school_based_training).toMatchObject({ earned: 50, required: 50 });
    expect(yearOf(r, 2023).total).toMatchObject({ earned: 24, required: 16, status: 'completed' });
    expect(r.policyVersion).toBe(1);
  });

  it('shows the table for 十三五 from 2015 but counts its five years 2016–2020', () => {
    const r = evaluateCredits(GX, teacher, [entry({ year: 2015, amount: 5 })], '2024-01-01');
    const c = cycle(r, 'fyp13');
    expect([c.shownStartYear, c.startYear, c.years.length]).toEqual([2015, 2016, 5]);
    expect(c.total.earned).toBe(0); // credits are valid only within a cycle
    expect(r.notes.join()).toMatch(/2015 不在任何培训周期内/);
  });

  it('says in plain Chinese what a teacher short of 校本研修 in 2024 still needs', () => {
    const entries = fiveYears(2021, (y) => (y === 2024 ? 7 : 10));
    const during = evaluateCredits(
      GX,
      teacher,
      entries.filter((e) => e.year <= 2024),
      '2024-06-01',
    );
    expect(yearOf(during, 2024).groups.school_based_training).toMatchObject({ earned: 7, required: 10, status: 'in_progress' });
    expect(during.missing).toContain('2024 年校本研修还差 3 学分');
    expect(during.compliant).toBe(true); // still on track: the year is not over

    const after = evaluateCredits(GX, teacher, entries, '2026-01-10');
    const c = cycle(after, 'fyp14');
    expect(yearOf(after, 2024).groups.school_based_training.status).toBe('incomplete');
    expect(c.compliant).toBe(false);
    expect(c.missing).toEqual(['2024 年校本研修还差 3 学分', '十四五周期校本研修还差 3 学分', '十四五周期学分合计还差 3 学分']);
    expect(yearOf(after, 2024).total.status).toBe('completed'); // 21 ≥ 16: only the 校本 minimum fails
  });

  it('does not assess a new hire in the year of hire and pro-rates the cycle on the years left', () => {
    const hire = { hireDate: '2023-09-01', status: '在职' };
    const r = evaluateCredits(GX, hire, [], '2023-12-01');
    const c = cycle(r, 'fyp14');
    expect(yearOf(r, 2023).assessed).toBe(false);
    expect(yearOf(r, 2023).total.status).toBe('not_required');
    expect(yearOf(r, 2022).total.status).toBe('not_required'); // not yet a teacher
    expect(yearOf(r, 2024).total).toMatchObject({ required: 16, status: 'not_started' });
    expect(c.assessedYears).toBe(2);
    expect(c.total.required).toBe(48); // 120 × 2/5
    expect(c.groups.onsite_online.required).toBe(28);
    expect(r.compliant).toBe(true);
    expect(r.notes).toContain('2023 年入职，2023 年为新任教师，不纳入学分考核');
  });

  it('does not assess a retired teacher at all', () => {
    const r = evaluateCredits(GX, { status: '退休' }, [], '2024-06-01');
    expect(r.assessed).toBe(false);
    expect(r.compliant).toBe(true);
    expect(yearOf(r, 2024).total.status).toBe('not_required');
    expect(r.notes).toContain('人员状态为“退休”，不纳入学分考核');
  });

  it('cancels a reversed entry in the cell it counted in, from the reversal date on', () => {
    const wrong = entry({ id: 'p-1', year: 2024, category: 'school_based', form: 'school_based', amount: 10, level: 'school' });
    // Booked a year later, in another category: it still cancels the 2024 校本 credits.
    const reversal = entry({ id: 'p-1-r', date: '2025-02-01', year: 2025, category: 'self_elective', amount: -10, reversalOf: 'p-1' });
    const before = evaluateCredits(GX, teacher, [wrong, reversal], '2025-01-31');
    expect(yearOf(before, 2024).groups.school_based_training.earned).toBe(10);
    const after = evaluateCredits(GX, teacher, [wrong, reversal], '2025-02-01');
    expect(yearOf(after, 2024).groups.school_based_training.earned).toBe(0);
    expect(yearOf(after, 2025).categories.self_elective.earned).toBe(0);
    expect(after.missing).toContain('2024 年校本研修还差 10 学分');
  });

  it('adds fractions exactly', () => {
    const tenths = Array.from({ length: 30 }, () => entry({ year: 2024, amount: 0.1 }));
    const r = evaluateCredits(GX, teacher, [...tenths, entry({ year: 2024, amount: 0.2 })], '2024-06-01');
    expect(yearOf(r, 2024).total.earned).toBe(3.2);
    expect(r.missing).toContain('2024 年学分合计还差 12.8 学分');
  });
});

describe('national 学时 policy (360 学时 per five years)', () => {
  it('converts 学分 to 学时 at 1 : 3 unless the entry states its hours', () => {
    const r = evaluateCredits(
      NAT,
      teacher,
      [
        entry({ year: 2022, amount: 20 }), // 60 学时
        entry({ year: 2023, amount: 15, hours: 45 }), // hours stated: 45
        entry({ year: 2023, amount: 0.5 }), // 1.5 学时
      ],
      '2024-03-01',
    );
    expect(r.unit).toBe('学时');
    expect(yearOf(r, 2023).total.earned).toBe(46.5);
    expect(r.total).toMatchObject({ earned: 106.5, required: 360, status: 'in_progress' });
    expect(r.missing).toEqual(['十四五周期学时合计还差 253.5 学时']);
  });

  it('has no yearly minimum, so only the cycle decides', () => {
    const entries = [entry({ year: 2021, amount: 100 }), entry({ year: 2025, amount: 20, hours: 60 })];
    const r = evaluateCredits(NAT, teacher, entries, '2026-01-05');
    const c = cycle(r, 'fyp14');
    expect(yearOf(r, 2022).total.status).toBe('not_required');
    expect(c.total).toMatchObject({ earned: 360, status: 'completed' });
    expect(c.compliant).toBe(true);
  });
});

describe('Shanghai-style policy (minimums by organising level)', () => {
  const spread = (year: number) => [
    entry({ year, category: 'public_required', form: 'onsite', amount: 2, level: 'province' }),
    entry({ year, category: 'professional_elective', form: 'onsite', amount: 2.4, level: 'county' }),
    entry({ year, category: 'school_based', form: 'school_based', amount: 2.8, level: 'school' }),
  ];
  const all = [2021, 2022, 2023, 2024, 2025].flatMap(spread);

  it('is compliant when the total and every level minimum are met', () => {
    const c = cycle(evaluateCredits(SH, teacher, all, '2026-01-05'), 'fyp14');
    expect(c.total).toMatchObject({ earned: 36, status: 'completed' });
    expect(c.levels.municipal).toMatchObject({ earned: 10, required: 6 });
    expect(c.levels.district).toMatchObject({ earned: 12, required: 12, status: 'completed' });
    expect(c.compliant).toBe(true);
  });

  it('fails a teacher with enough credits but too few at district level, saying so', () => {
    const moved = all.map((e) => (e.year === 2025 && e.level === 'county' ? { ...e, level: 'school' as const } : e));
    const r = evaluateCredits(SH, teacher, moved, '2026-01-05');
    const c = cycle(r, 'fyp14');
    expect(c.total.status).toBe('completed');
    expect(c.levels.district).toMatchObject({ earned: 9.6, status: 'incomplete' });
    expect(c.compliant).toBe(false);
    expect(c.missing).toEqual(['十四五周期区级培训还差 2.4 学分']);
  });

  it('counts 自主选修 above 4 a year in its category but not in the total, and says why', () => {
    const r = evaluateCredits(SH, teacher, [entry({ year: 2023, category: 'self_elective', amount: 6, level: 'school' })], '2023-10-01');
    const y = yearOf(r, 2023);
    expect(y.categories.self_elective).toMatchObject({ earned: 6, counted: 4 });
    expect(y.total).toMatchObject({ earned: 6, counted: 4 });
    expect(r.total.counted).toBe(4);
    expect(cycle(r, 'fyp14').levels.school.earned).toBe(6); // the cap limits the total, not the level count
    expect(r.notes).toContain('2023 年自主选修共 6 学分，超过每年上限 4 学分，多出的 2 学分仍算作自主选修，但不计入学分合计');
  });
});
