import { describe, expect, it } from 'vitest';
import {
  evaluateCredits,
  GUANGXI_POLICY as GX,
  NATIONAL_HOURS_POLICY as NAT,
  SHANGHAI_STYLE_POLICY as SH,
  validateCreditPolicy,
} from './index.ts';
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

  it('has no 十三五 cycle: the table scheme of the manual is not the 办法 (credits of 2015–2020 are outside every cycle)', () => {
    const r = evaluateCredits(GX, teacher, [entry({ year: 2018, amount: 5 })], '2024-01-01');
    expect(r.cycles.map((c) => c.id)).toEqual(['fyp14', 'fyp15']);
    expect(r.notes.join()).toMatch(/2018 不在任何培训周期内/);
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

  it('does not assess a new hire hired in September in the year of hire nor the next, and pro-rates the cycle', () => {
    // 2023-09-01: 教龄在一年内 until 2024-08-31; 2024 has only 122 days past it (not more than half): not assessed
    const hire = { hireDate: '2023-09-01', status: '在职' };
    const r = evaluateCredits(GX, hire, [], '2023-12-01');
    const c = cycle(r, 'fyp14');
    expect(yearOf(r, 2023).assessed).toBe(false);
    expect(yearOf(r, 2024).assessed).toBe(false);
    expect(yearOf(r, 2022).total.status).toBe('not_required'); // not yet a teacher
    expect(yearOf(r, 2025).total).toMatchObject({ required: 16, status: 'not_started' });
    expect(c.assessedYears).toBe(1);
    expect(c.total.required).toBe(24); // 120 × 1/5
    expect(c.groups.onsite_online.required).toBe(14);
    expect(r.compliant).toBe(true);
    expect(r.notes[0]).toMatch(/^2023-09-01 入职，至 2024-08-31 教龄在一年内.*2023–2024 年不考核/);
  });

  it('exempts twelve months from the hire date, not the calendar year of hire (ruling 2)', () => {
    const first = (hireDate: string) =>
      cycle(evaluateCredits(GX, { hireDate }, [], '2026-01-05'), 'fyp14').years.find((y) => y.assessed)?.year;
    expect(first('2022-12-20')).toBe(2024); // 教龄在一年内 for 353 days of 2023: 2023 not assessed
    expect(first('2022-01-01')).toBe(2023); // past the first twelve months from 2023-01-01
    expect(first('2022-01-02')).toBe(2023); // 364 days of 2023 past them
    expect(first('2023-07-01')).toBe(2024); // from 2024-07-01: 184 of 366 days, more than half
    expect(first('2023-07-03')).toBe(2025); // from 2024-07-03: 182 of 366 days, not more than half
    expect(first('2022-07-02')).toBe(2023); // from 2023-07-02: 183 of 365 days, more than half
    expect(first('2022-07-03')).toBe(2024); // from 2023-07-03: 182 of 365 days
    expect(first('2020-02-29')).toBe(2021); // twelve months end on 2021-02-28
  });

  it('asks, says missing and pro-rates the same way for a teacher hired 2022-12-20 (ruling 2)', () => {
    const t = { hireDate: '2022-12-20' };
    const entries = [2024, 2025].flatMap((y) => guangxiYear(y, y === 2025 ? 8 : 10));
    const r = evaluateCredits(GX, t, entries, '2026-01-05');
    const c = cycle(r, 'fyp14');
    expect(c.assessedYears).toBe(2); // 2024 and 2025
    expect(c.total.required).toBe(48);
    expect(c.groups.school_based_training.required).toBe(20);
    expect(yearOf(r, 2023).groups.school_based_training.status).toBe('not_required');
    expect(c.missing).toEqual(['2025 年校本研修还差 2 学分', '十四五周期校本研修还差 2 学分', '十四五周期学分合计还差 2 学分']);
  });

  it('lets a policy keep whole calendar years instead (newHireCounting calendar_years)', () => {
    const p = { ...GX, notAssessed: { ...GX.notAssessed, newHireCounting: 'calendar_years' as const } };
    const r = evaluateCredits(p, { hireDate: '2022-12-20' }, [], '2026-01-05');
    expect(yearOf(r, 2022).assessed).toBe(false);
    expect(yearOf(r, 2023).assessed).toBe(true);
    expect(cycle(r, 'fyp14').assessedYears).toBe(3);
    expect(r.notes).toContain('2022 年入职，2022 年为新任教师，不纳入学分考核');
  });

  it('follows the text only: no 公共必修 at all is no shortfall (ruling 1)', () => {
    // every rule of 第 3 条 met with 专业选修 (集中), 自主选修 (远程) and 校本研修 only
    const years = [2021, 2022, 2023, 2024, 2025].flatMap((year) => [
      entry({ year, category: 'professional_elective', form: 'onsite', amount: 7, level: 'city' }),
      entry({ year, category: 'self_elective', form: 'online', amount: 7, level: 'county' }),
      entry({ year, category: 'school_based', form: 'school_based', amount: 10, level: 'school' }),
    ]);
    const r = evaluateCredits(GX, teacher, years, '2026-01-05');
    const c = cycle(r, 'fyp14');
    expect(c.categories.public_required).toMatchObject({ earned: 0, required: 0, status: 'not_required' });
    expect(c.total).toMatchObject({ earned: 120, status: 'completed' });
    expect(c.compliant).toBe(true);
    expect(c.missing).toEqual([]);
  });

  it('fails on 集中+远程 below 70 even with 120 in all (ruling 1)', () => {
    const years = [2021, 2022, 2023, 2024, 2025].flatMap((year) => [
      entry({ year, category: 'professional_elective', form: 'onsite', amount: 13, level: 'city' }),
      entry({ year, category: 'school_based', form: 'school_based', amount: 11, level: 'school' }),
    ]);
    const c = cycle(evaluateCredits(GX, teacher, years, '2026-01-05'), 'fyp14');
    expect(c.total.status).toBe('completed');
    expect(c.missing).toEqual(['十四五周期集中培训和远程培训还差 5 学分']);
  });

  it('quotes the 办法 word for word', () => {
    expect(GX.rulesText).toContain('须累计修满120学分（360学时）的培训课程，其中集中培训和远程培训须修满70学分，校本研修须修满50学分');
    expect(GX.rulesText).toContain('4. 新录用的、教龄在一年内的新任教师须参加至少120学时的试用期培训，但不纳入教师培训学分登记管理范畴。');
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

describe('national 学时 policy: 定期注册 windows per teacher (ruling 4)', () => {
  const registered = { hireDate: '2005-09-01', status: '在职', registrationDates: ['2017-03-15', '2022-03-15'] };

  it('cites the national documents and counts 1 学分 = hoursPerCredit 学时', () => {
    expect(NAT.source).toMatch(/教师〔2013〕9号/);
    expect(NAT.source).toMatch(/教师〔2011〕1号/);
    const r = evaluateCredits(
      NAT,
      registered,
      [
        entry({ year: 2022, date: '2022-05-01', amount: 20 }), // 60 学时
        entry({ year: 2023, date: '2023-05-01', amount: 15, hours: 45 }), // hours stated: 45
        entry({ year: 2023, date: '2023-06-01', amount: 0.5 }), // 1.5 学时
      ],
      '2024-03-01',
    );
    expect(r.unit).toBe('学时');
    expect(r.currentCycleId).toBe('reg_20220315');
    expect(r.total).toMatchObject({ earned: 106.5, required: 360, status: 'in_progress' });
    expect(r.missing).toEqual(['注册周期（2022-03-15 至 2027-03-14）学时合计还差 253.5 学时']);
    const ten = { ...NAT, hoursPerCredit: 10 };
    expect(evaluateCredits(ten, registered, [entry({ year: 2023, date: '2023-05-01', amount: 2 })], '2024-03-01').total.earned).toBe(20);
  });

  it('runs the window from the teacher’s own 注册日期, closed early by the next registration', () => {
    const r = evaluateCredits(NAT, registered, [], '2024-03-01');
    expect(r.cycles.map((c) => [c.startDate, c.endDate, c.phase])).toEqual([
      ['2017-03-15', '2022-03-14', 'past'],
      ['2022-03-15', '2027-03-14', 'current'],
    ]);
    // a registration recorded later (history) only counts from its date on
    const before = evaluateCredits(NAT, registered, [], '2021-12-31');
    expect(before.cycles.map((c) => c.id)).toEqual(['reg_20170315']);
  });

  it('counts credits by their date inside the window, not by a fixed 十四五', () => {
    const entries = [
      entry({ year: 2022, date: '2022-03-14', amount: 100 }), // the day before: previous window
      entry({ year: 2022, date: '2022-03-15', amount: 120 }), // 360 学时 on the first day
    ];
    const r = evaluateCredits(NAT, registered, entries, '2027-03-20');
    const prev = r.cycles.find((c) => c.id === 'reg_20170315')!;
    const mine = r.cycles.find((c) => c.id === 'reg_20220315')!;
    expect(prev.total).toMatchObject({ earned: 300, status: 'incomplete' });
    expect(mine.total).toMatchObject({ earned: 360, status: 'completed' });
    expect(r.registration).toMatchObject({
      anchor: 'registration',
      startDate: '2022-03-15',
      endDate: '2027-03-14',
      hours: 360,
      status: 'eligible',
    });
  });

  it('falls back to the hire date, and judges nobody without either', () => {
    const r = evaluateCredits(NAT, { hireDate: '2023-09-01' }, [], '2025-01-01');
    expect(r.cycles[0]).toMatchObject({ startDate: '2023-09-01', endDate: '2028-08-31' });
    expect(r.notes).toContain('没有登记注册日期，注册周期从入职时间 2023-09-01 起算');
    const nobody = evaluateCredits(NAT, {}, [], '2025-01-01');
    expect([nobody.cycles, nobody.currentCycleId, nobody.assessed, nobody.registration?.status]).toEqual([[], '', false, 'not_assessed']);
  });

  it('judges 定期注册 on the teacher’s window under a fixed-cycle policy too (Guangxi)', () => {
    // 118 学分 in 十四五 (short), but 120 学分 = 360 学时 inside the teacher's own window from 2020-09-01
    const t = { hireDate: '2000-09-01', registrationDates: ['2015-09-01', '2020-09-01'] };
    const entries = [entry({ year: 2020, date: '2020-10-01', amount: 2 }), entry({ year: 2023, date: '2023-10-01', amount: 118 })];
    const r = evaluateCredits(GX, t, entries, '2026-01-05');
    expect(cycle(r, 'fyp14').total).toMatchObject({ counted: 118, status: 'incomplete' });
    expect(r.registration).toMatchObject({
      startDate: '2020-09-01',
      endDate: '2025-08-31',
      hours: 360,
      requiredHours: 360,
      status: 'eligible',
    });
    const short = evaluateCredits(GX, { ...t, registrationDates: ['2021-02-01'] }, entries, '2026-03-01');
    expect(short.registration).toMatchObject({ hours: 354, status: 'ineligible' });
    expect(short.registration?.missing).toEqual(['注册周期（2021-02-01 至 2026-01-31）培训学时还差 6 学时']);
    const running = evaluateCredits(GX, { ...t, registrationDates: ['2022-02-01'] }, entries, '2026-01-05');
    expect(running.registration?.status).toBe('in_progress');
    expect(evaluateCredits(GX, { ...t, status: '退休' }, entries, '2026-01-05').registration?.status).toBe('not_assessed');
  });

  it('rolls the hire-date window on to the one running now, but judges a recorded 注册日期 window as it ended', () => {
    const entries = [entry({ year: 2023, date: '2023-10-01', amount: 100 })]; // 300 学时
    // hired 2012-09-01, nothing recorded: windows 2012–2017, 2017–2022, 2022-09-01 … 2027-08-31 (running)
    const hired = evaluateCredits(GX, { hireDate: '2012-09-01' }, entries, '2026-03-01');
    expect(hired.registration).toMatchObject({ anchor: 'hire', startDate: '2022-09-01', endDate: '2027-08-31', hours: 300 });
    expect(hired.registration?.status).toBe('in_progress');
    // on the window's last day it is still running; the day after, the next (empty) one starts
    expect(evaluateCredits(GX, { hireDate: '2021-09-01' }, entries, '2026-08-31').registration).toMatchObject({
      startDate: '2021-09-01',
      endDate: '2026-08-31',
      status: 'in_progress',
    });
    expect(evaluateCredits(GX, { hireDate: '2021-09-01' }, entries, '2026-09-01').registration).toMatchObject({
      startDate: '2026-09-01',
      hours: 0,
      status: 'in_progress',
    });
    // registered 2015-09-01 and never again: the window ended 2020-08-31 short, and stays the one judged
    const overdue = evaluateCredits(GX, { hireDate: '2012-09-01', registrationDates: ['2015-09-01'] }, entries, '2026-03-01');
    expect(overdue.registration).toMatchObject({ anchor: 'registration', endDate: '2020-08-31', hours: 0, status: 'ineligible' });
  });

  it('refuses yearly minimums and fixed cycles in a rolling policy', () => {
    expect(validateCreditPolicy({ ...NAT, total: { perYear: 20, perCycle: 360 } })).toEqual([
      '周期按注册日期滚动时，不能设每年最低要求（窗口从任意一天开始）',
    ]);
    expect(validateCreditPolicy({ ...NAT, registration: undefined })).toEqual([
      '周期按注册日期滚动时，必须设定定期注册规则（registration）',
    ]);
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
    // earned at school level is 6, but only the 4 inside the total count toward the level minimum (ruling 3)
    expect(cycle(r, 'fyp14').levels.school).toMatchObject({ earned: 6, counted: 4 });
    expect(r.notes).toContain('2023 年自主选修共 6 学分，超过每年上限 4 学分，多出的 2 学分仍算作自主选修，但不计入学分合计');
  });

  it('does not let capped 自主选修 fill a level minimum (ruling 3)', () => {
    // 区级 12 required; 3 × 4 = 12 of 自主选修 at 区级 would meet it, but a year's 6 keeps 2 out of the total each year
    const entries = [2021, 2022, 2023].map((year) =>
      entry({ year, category: 'self_elective', form: 'online', amount: 6, level: 'county' }),
    );
    const c = cycle(evaluateCredits(SH, teacher, entries, '2026-01-05'), 'fyp14');
    expect(c.levels.district).toMatchObject({ earned: 18, counted: 12, status: 'completed' });
    const fewer = [2021, 2022].map((year) => entry({ year, category: 'self_elective', form: 'online', amount: 7, level: 'county' }));
    const d = cycle(evaluateCredits(SH, teacher, fewer, '2026-01-05'), 'fyp14');
    expect(d.levels.district).toMatchObject({ earned: 14, counted: 8, status: 'incomplete' });
    expect(d.missing).toContain('十四五周期区级培训还差 4 学分');
  });

  it('keeps the first certified credits inside a cap and frees a place when one is reversed (ruling 3)', () => {
    const a = entry({ id: 'a', year: 2023, date: '2023-03-01', category: 'self_elective', amount: 4, level: 'school' });
    const b = entry({ id: 'b', year: 2023, date: '2023-05-01', category: 'self_elective', amount: 4, level: 'county' });
    const c1 = cycle(evaluateCredits(SH, teacher, [a, b], '2023-12-01'), 'fyp14');
    expect([c1.levels.school.counted, c1.levels.district.counted]).toEqual([4, 0]); // b lies above the cap of 4
    const undo = entry({
      id: 'a-r',
      year: 2023,
      date: '2023-06-01',
      category: 'self_elective',
      amount: -4,
      level: 'school',
      reversalOf: 'a',
    });
    const c2 = cycle(evaluateCredits(SH, teacher, [a, b, undo], '2023-12-01'), 'fyp14');
    expect([c2.levels.school.counted, c2.levels.district.counted]).toEqual([0, 4]);
  });

  it('leaves level counts whole where no cap applies', () => {
    const c = cycle(
      evaluateCredits(SH, teacher, [entry({ year: 2024, category: 'professional_elective', amount: 9, level: 'county' })], '2024-12-01'),
      'fyp14',
    );
    expect(c.levels.district).toMatchObject({ earned: 9, counted: 9 });
  });
});
