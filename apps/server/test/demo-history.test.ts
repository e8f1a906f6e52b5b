// The demo world's 十四五 (2021–2025) history (src/demo/history*.ts): the notable teachers of DemoFacts are
// what the county admin and the teachers themselves see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyOf, seeded, sums } from '../src/demo/history-plan.ts';
import { TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

interface Cycle {
  id: string;
  name: string;
  compliant: boolean;
  assessedYears: number;
  missing: string[];
  years: { year: number; assessed: boolean; groups: Record<string, { status: string }>; total: { counted: number; status: string } }[];
  groups: Record<string, { counted: number; required: number; status: string }>;
}
const fyp14 = (body: { evaluation: { cycles: Cycle[] } }) => body.evaluation.cycles.find((c) => c.name === '十四五')!;

describe(`demo history (${TEST_DB})`, () => {
  it('the plan meets the 办法 for a compliant teacher and misses exactly the intended rule otherwise', () => {
    const ok = sums(historyOf('compliant', seeded(1)));
    expect(ok.total).toBeGreaterThanOrEqual(120);
    expect(ok.training).toBeGreaterThanOrEqual(70);
    expect(ok.schoolBased).toBeGreaterThanOrEqual(50);
    const sb = historyOf('short_school_based', seeded(2));
    expect(sums(sb).schoolBased).toBeLessThan(50);
    expect(sums(sb).total).toBeGreaterThanOrEqual(120);
    const year = historyOf('short_year', seeded(3));
    const short = year.years.find((y) => y.year === year.shortYear)!;
    expect(short.remote + short.concentrated + short.elective + short.schoolBased[0] + short.schoolBased[1]).toBeLessThan(16);
    expect(sums(year)).toMatchObject({ total: expect.any(Number) });
    expect(sums(year).total).toBeGreaterThanOrEqual(120);
    expect(historyOf('compliant', seeded(4), '2025-09-01').years).toEqual([]);
    // deterministic: the same seed gives the same history
    expect(historyOf('compliant', seeded(9))).toEqual(historyOf('compliant', seeded(9)));
  });

  it('as the county admin: 十四五 names the short teachers, with the new hire not assessed', async () => {
    const h = s.demo.history;
    const county = await loginAs(s, 'demo-county');
    const view = async (id: number) => {
      const r = await county.get(`/api/teachers/${id}/credits`);
      expect(r.status).toBe(200);
      return fyp14(r.body);
    };
    const sb = await view(h.shortSchoolBased.id);
    expect(sb.compliant).toBe(false);
    expect(sb.missing.some((m) => m.includes('校本研修还差'))).toBe(true);
    const year = await view(h.shortYear.id);
    expect(year.compliant).toBe(false);
    expect(year.missing.some((m) => m.startsWith(`${h.shortYear.year} 年`))).toBe(true);
    expect(year.groups.school_based_training!.status).not.toBe('incomplete');
    const hire = await view(h.notAssessed.id);
    expect(hire.assessedYears).toBe(0);
    const fewer = await view(h.newHire.id);
    expect(fewer.assessedYears).toBeGreaterThan(0);
    expect(fewer.assessedYears).toBeLessThan(5);
    expect(fewer.compliant).toBe(true);
    // the county's 十四五 report: below 100 %, and the numbers open the short teachers by name
    const report = await county.get('/api/credit-reports/compliance?cycleId=fyp14');
    expect(report.status).toBe(200);
    expect(report.body.cycle.name).toBe('十四五');
    expect(report.body.totals.rate).toBeLessThan(1);
    expect(report.body.totals.rate).toBeGreaterThan(0.6);
    const names = async (q: string) => {
      const r = await county.get(`/api/credit-reports/teachers?cycleId=fyp14&pageSize=100&${q}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(r.body.items.length);
      return r.body.items.map((t: { name: string }) => t.name);
    };
    const failing = await names('compliant=false');
    expect(failing).toHaveLength(report.body.totals.assessed - report.body.totals.compliant);
    expect(failing).toEqual(expect.arrayContaining([h.shortSchoolBased.name, h.shortYear.name, '李秀英']));
    expect(failing).not.toContain(h.newHire.name);
    expect(await names('assessed=false')).toContain(h.notAssessed.name);
    // the current cycle (十五五) has just begun: nobody is behind yet
    const current = await county.get('/api/credit-reports/compliance?cycleId=fyp15');
    expect(current.body.totals.rate).toBe(1);
  });

  it('as the short teacher: 我的学分 shows 十四五 short of 校本研修, with the red cells and the «还差» sentences', async () => {
    const me = await loginAs(s, s.demo.history.shortSchoolBased.login);
    const r = await me.get('/api/credits/me');
    expect(r.status).toBe(200);
    const c = fyp14(r.body);
    expect(c.compliant).toBe(false);
    expect(c.groups.school_based_training).toMatchObject({ required: 50, status: 'incomplete' });
    expect(c.groups.school_based_training!.counted).toBeLessThan(50);
    const red = c.years.filter((y) => y.groups.school_based_training?.status === 'incomplete').map((y) => y.year);
    expect(red).toHaveLength(2);
    for (const y of red) expect(c.missing).toContain(`${y} 年校本研修还差 2 学分`);
    expect(c.missing.some((m) => m.startsWith('十四五周期校本研修还差'))).toBe(true);
    // nothing short but 校本研修
    expect(c.missing.every((m) => m.includes('校本研修'))).toBe(true);
  });

  it('the county’s 定期注册 list runs each teacher registered on a date of their own on that window', async () => {
    const county = await loginAs(s, 'demo-county');
    const items: { id: number; name: string; status: string; anchor: string | null; startDate: string; endDate: string }[] = [];
    for (const status of ['eligible', 'in_progress', 'ineligible', 'not_assessed'])
      items.push(...(await county.get(`/api/credit-reports/eligibility?status=${status}&pageSize=100`)).body.items);
    const regs = s.demo.history.registrations;
    expect(regs.map((r) => [r.name, r.registeredOn])).toEqual([
      ['黄丽萍', '2022-03-15'],
      ['林海涛', '2019-09-01'],
      ['吴婷', '2024-06-30'],
    ]);
    const row = (id: number) => items.find((t) => t.id === id)!;
    expect(row(regs[0]!.id)).toMatchObject({ anchor: 'registration', startDate: '2022-03-15', endDate: '2027-03-14' });
    expect(row(regs[0]!.id).status).not.toBe('ineligible'); // running until 2027
    // 林海涛's window ended 2024-08-31 and he has not registered since: judged as it ended, not running
    expect(row(regs[1]!.id)).toMatchObject({ anchor: 'registration', startDate: '2019-09-01', endDate: '2024-08-31' });
    expect(['eligible', 'ineligible']).toContain(row(regs[1]!.id).status);
    expect(row(regs[2]!.id)).toMatchObject({ anchor: 'registration', startDate: '2024-06-30', endDate: '2029-06-29' });
    // everyone else: the window from the hire date running now (2012-09-01 → 2022-09-01 … 2027-08-31)
    const others = items.filter((t) => t.anchor === 'hire');
    expect(others.length).toBeGreaterThan(10);
    const today = new Date().toISOString().slice(0, 10);
    expect(others.filter((t) => t.endDate < today)).toEqual([]);
  });
});
