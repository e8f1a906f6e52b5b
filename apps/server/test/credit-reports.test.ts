// 学分达标统计: the report's numbers against the engine run independently over the ledger, scope
// (another county's region or school is 404), roles, the teacher lists, 定期注册, and the export.
import ExcelJS from 'exceljs';
import { GUANGXI_POLICY, evaluateCredits, parseCreditPolicy, type CreditEntryFact, type CreditPolicy } from '@shixun/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postCreditEntry, type NewCreditEntry } from '../src/modules/credits/ledger.ts';
import { today } from '../src/modules/credits/standing.ts';
import { ROLLUP } from '../src/modules/credit-reports/rollup.ts';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';

const Y = Number(today().slice(0, 4));
/** A cycle whose first two years are over, so some teachers fail and some pass. */
const testPolicyDoc = (name = '测试周期政策') => ({
  ...GUANGXI_POLICY,
  name,
  cycles: [{ id: 'test_cycle', name: '测试', startYear: Y - 2, endYear: Y + 2 }],
});

let s: TestServer;
let policy: CreditPolicy;
const ids: Record<string, number> = {};
const SYS = { ip: '127.0.0.1', requestId: 'credit-reports-test' };

async function post(teacherId: number, year: number, category: string, form: NewCreditEntry['form'], amount: number) {
  await s.deps.db.transaction().execute((trx) =>
    postCreditEntry(trx, SYS, {
      teacherId,
      date: year < Y ? `${year}-03-15` : `${Y}-01-02`,
      year,
      category,
      form,
      amount,
      title: `测试 ${category}`,
      source: 'adjustment',
      level: 'county',
      certifier: { id: null, name: '测试', unit: '测试' },
      reason: '测试',
    }),
  );
}
/** One year of the Guangxi rules met: 24 学分. */
async function fullYear(teacherId: number, year: number) {
  await post(teacherId, year, 'public_required', 'online', 6);
  await post(teacherId, year, 'school_based', 'school_based', 10);
  await post(teacherId, year, 'professional_elective', 'onsite', 4);
  await post(teacherId, year, 'self_elective', 'online', 4);
}

async function teachersOf(prefix: string) {
  return s.deps.db
    .selectFrom('teachers as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.school_id', 't.region_code', 't.hire_date', 't.personnel_status'])
    .where('u.status', 'in', ['active', 'disabled'])
    .where('t.region_code', 'like', `${prefix}%`)
    .orderBy('t.user_id')
    .execute();
}

/** The numbers computed without the report: the engine over each teacher's ledger rows. */
async function expected(prefix: string) {
  const teachers = await teachersOf(prefix);
  const rows = await s.deps.db.selectFrom('credit_entries').selectAll().orderBy('id').execute();
  const out = teachers.map((t) => {
    const entries: CreditEntryFact[] = rows
      .filter((e) => Number(e.teacher_id) === Number(t.user_id))
      .map((e) => ({
        id: String(e.id),
        date: e.entry_date,
        year: e.year,
        category: e.category,
        form: e.form,
        amount: e.amount_h / 100,
        hours: e.hours_h === null ? undefined : e.hours_h / 100,
        level: e.level,
        reversalOf: e.reversal_of === null ? undefined : String(e.reversal_of),
      }));
    const ev = evaluateCredits(policy, { hireDate: t.hire_date ?? undefined, status: t.personnel_status }, entries, today());
    const cycle = ev.cycles.find((c) => c.id === ev.currentCycleId)!;
    const assessed = ev.assessed && cycle.assessedYears > 0;
    const met = Object.fromEntries(
      policy.categories.map((c) => [c.id, assessed && cycle.categories[c.id]!.counted >= cycle.categories[c.id]!.required]),
    );
    const counted = Object.fromEntries(policy.categories.map((c) => [c.id, cycle.categories[c.id]!.counted]));
    return {
      id: Number(t.user_id),
      schoolId: t.school_id,
      county: t.region_code,
      assessed,
      compliant: assessed && ev.compliant,
      completed: assessed && cycle.total.counted >= cycle.total.required,
      met,
      counted,
    };
  });
  return out;
}
type Expected = Awaited<ReturnType<typeof expected>>;
function tally(list: Expected) {
  return {
    teachers: list.length,
    assessed: list.filter((t) => t.assessed).length,
    compliant: list.filter((t) => t.compliant).length,
    completed: list.filter((t) => t.completed).length,
    byCategory: Object.fromEntries(policy.categories.map((c) => [c.id, list.filter((t) => t.met[c.id]).length])),
  };
}
const numbersOf = (r: Record<string, unknown>) => ({
  teachers: r.teachers,
  assessed: r.assessed,
  compliant: r.compliant,
  completed: r.completed,
  byCategory: r.byCategory,
});

async function waitForRecompute(c: Client) {
  for (let i = 0; i < 600; i++) {
    const r = await c.get('/api/credit-policies/recompute');
    if (r.body.state !== 'running') return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('recompute did not finish');
}

beforeAll(async () => {
  s = await startTestServer();
  const county1 = await teachersOf('450102');
  const county2 = await teachersOf('450202');
  [ids.full, ids.oneYear, ids.publicHeavy, ids.newHire, ids.retired, ids.noStanding] = county1.slice(0, 6).map((t) => Number(t.user_id));
  ids.other = Number(county2[0]!.user_id);
  // facts first: the recompute after publishing reads them
  await s.deps.db
    .updateTable('teachers')
    .set({ hire_date: `${Y}-03-01` })
    .where('user_id', '=', ids.newHire!)
    .execute();
  await s.deps.db.updateTable('teachers').set({ personnel_status: '退休' }).where('user_id', '=', ids.retired!).execute();
  const province = await loginAs(s, 'demo-province');
  const pub = await province.post('/api/credit-policies', { document: testPolicyDoc() });
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
  expect((await waitForRecompute(province)).state).toBe('done');
  const row = await s.deps.db.selectFrom('credit_policies').select('document').where('active', '=', true).executeTakeFirstOrThrow();
  const parsed = parseCreditPolicy(row.document);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  policy = parsed.policy;

  await fullYear(ids.full!, Y - 2);
  await fullYear(ids.full!, Y - 1);
  await fullYear(ids.oneYear!, Y - 2);
  await fullYear(ids.publicHeavy!, Y - 2);
  await post(ids.publicHeavy!, Y - 1, 'public_required', 'online', 30);
  // a new hire is assessed 2 of the 5 years: 公共必修 owes 30 × 2/5 = 12
  await post(ids.newHire!, Y, 'public_required', 'online', 12);
  await post(ids.retired!, Y - 1, 'public_required', 'online', 6);
  await fullYear(ids.other!, Y - 2);
  await fullYear(ids.other!, Y - 1);
  // a teacher without a standing row (the report must read them as "no credits", not skip them)
  await s.deps.db.deleteFrom('credit_standings').where('teacher_id', '=', ids.noStanding!).execute();
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe(`compliance report (${TEST_DB})`, () => {
  it('gives the province, by city, exactly what the engine computes from the ledger', async () => {
    const c = await loginAs(s, 'demo-province');
    const r = await c.get('/api/credit-reports/compliance');
    expect(r.status).toBe(200);
    expect(r.body.groupBy).toBe('city');
    expect(r.body.policy.version).toBe(2);
    expect(r.body.cycle).toMatchObject({ id: 'test_cycle', startYear: Y - 2 });
    const all = await expected('45');
    expect(numbersOf(r.body.totals)).toEqual(tally(all));
    for (const row of r.body.rows) expect(numbersOf(row), row.name).toEqual(tally(all.filter((t) => t.county.startsWith(row.code))));
    expect(r.body.totals.compliant).toBeGreaterThan(0);
    expect(r.body.totals.compliant).toBeLessThan(r.body.totals.assessed);
    expect(r.body.totals.rate).toBeCloseTo(r.body.totals.compliant / r.body.totals.assessed, 3);
    expect(r.body.unevaluated).toBe(1);
    expect(r.body.stale).toBe(0);
  });

  it('shows a county admin its own schools only, each equal to the engine', async () => {
    const c = await loginAs(s, 'demo-county');
    const r = await c.get('/api/credit-reports/compliance');
    expect(r.body.groupBy).toBe('school');
    const mine = await s.deps.db.selectFrom('schools').select('id').where('region_code', '=', '450102').execute();
    expect(r.body.rows.map((x: { id: number }) => x.id).sort()).toEqual(mine.map((m) => m.id).sort());
    const all = await expected('450102');
    expect(numbersOf(r.body.totals)).toEqual(tally(all));
    for (const row of r.body.rows) expect(numbersOf(row)).toEqual(tally(all.filter((t) => t.schoolId === row.id)));
    // the pro-rated requirement: the new hire's 12 公共必修 meet it, the same 12 would not for others
    const one = all.find((t) => t.id === ids.newHire)!;
    expect(one).toMatchObject({ assessed: true, compliant: true });
    expect(one.met.public_required).toBe(true);
    expect(all.find((t) => t.id === ids.retired)!.assessed).toBe(false);
    expect(all.find((t) => t.id === ids.full)!.compliant).toBe(true);
    expect(all.find((t) => t.id === ids.oneYear)!.compliant).toBe(false);
  });

  it('narrows by region and school within scope, and answers 404 outside it', async () => {
    const county = await loginAs(s, 'demo-county');
    const school2 = await s.deps.db.selectFrom('schools').select('id').where('region_code', '=', '450202').executeTakeFirstOrThrow();
    const school1 = await s.deps.db.selectFrom('schools').select('id').where('region_code', '=', '450102').executeTakeFirstOrThrow();
    for (const url of [
      '/api/credit-reports/compliance?regionCode=450202',
      '/api/credit-reports/compliance?regionCode=4501',
      `/api/credit-reports/compliance?schoolId=${school2.id}`,
      '/api/credit-reports/teachers?regionCode=450202',
      `/api/credit-reports/teachers?schoolId=${school2.id}`,
      '/api/credit-reports/eligibility?regionCode=450202',
      '/api/credit-reports/export.xlsx?regionCode=450202',
      '/api/credit-reports/compliance?schoolId=999999',
      '/api/credit-reports/compliance?regionCode=4599',
    ]) {
      expect((await county.get(url)).status, url).toBe(404);
    }
    const bySchool = await county.get(`/api/credit-reports/compliance?schoolId=${school1.id}`);
    expect(bySchool.status).toBe(200);
    expect(bySchool.body.rows).toHaveLength(1);
    expect(numbersOf(bySchool.body.totals)).toEqual(tally((await expected('450102')).filter((t) => t.schoolId === school1.id)));
    const city = await loginAs(s, 'demo-city');
    expect((await city.get('/api/credit-reports/compliance?regionCode=450202')).status).toBe(404);
    const cityCounty = await city.get('/api/credit-reports/compliance?regionCode=450102');
    expect(cityCounty.body.totals.teachers).toBe((await teachersOf('450102')).length);
    const school = await loginAs(s, 'demo-school');
    expect((await school.get(`/api/credit-reports/compliance?schoolId=${school2.id}`)).status).toBe(404);
    expect((await school.get('/api/credit-reports/compliance?regionCode=450202')).status).toBe(404);
    expect((await school.get('/api/credit-reports/compliance')).body.rows).toHaveLength(1);
    expect((await county.get('/api/credit-reports/compliance?groupBy=city')).status).toBe(400);
    expect((await county.get('/api/credit-reports/compliance?groupBy=region')).status).toBe(400);
  });

  it('refuses other roles (403) on every report route, and anonymous callers (401)', async () => {
    const urls = [
      '/api/credit-reports/compliance',
      '/api/credit-reports/teachers',
      '/api/credit-reports/eligibility',
      '/api/credit-reports/export.xlsx',
    ];
    for (const acc of ['demo-teacher', 'demo-institution', 'demo-sys', 'demo-audit', 'demo-security']) {
      const c = await loginAs(s, acc);
      for (const u of urls) expect((await c.get(u)).status, `${acc} ${u}`).toBe(403);
    }
    for (const u of urls) expect((await new Client(s).get(u)).status).toBe(401);
  });
});

describe(`the teachers behind each number (${TEST_DB})`, () => {
  it('lists exactly the teachers each number counts, masked and paged', async () => {
    const c = await loginAs(s, 'demo-county');
    const all = await expected('450102');
    const cases: [string, (t: Expected[number]) => boolean][] = [
      ['', () => true],
      ['assessed=true', (t) => t.assessed],
      ['assessed=false', (t) => !t.assessed],
      ['compliant=true', (t) => t.compliant],
      ['compliant=false', (t) => t.assessed && !t.compliant],
      ['completed=false', (t) => t.assessed && !t.completed],
      ['category=public_required&compliant=true', (t) => t.met.public_required!],
      ['category=public_required&compliant=false', (t) => t.assessed && !t.met.public_required],
    ];
    for (const [q, pred] of cases) {
      const r = await c.get(`/api/credit-reports/teachers?${q}&pageSize=100`);
      expect(r.status, q).toBe(200);
      expect(
        r.body.items.map((t: { id: number }) => t.id),
        q,
      ).toEqual(all.filter(pred).map((t) => t.id));
      expect(r.body.total).toBe(all.filter(pred).length);
    }
    const failing = (await c.get('/api/credit-reports/teachers?compliant=false&pageSize=100')).body.items;
    for (const t of failing) {
      expect(t.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(t.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(t.missing.length, t.name).toBeGreaterThan(0);
    }
    const noStanding = failing.find((t: { id: number }) => t.id === ids.noStanding);
    expect(noStanding.missing.join()).toMatch(new RegExp(`${Y - 2} 年公共必修还差 6 学分`));
    const heavy = (await c.get('/api/credit-reports/teachers?category=public_required&compliant=true&pageSize=100')).body.items.find(
      (t: { id: number }) => t.id === ids.publicHeavy,
    );
    const heavyCounted = all.find((t) => t.id === ids.publicHeavy)!.counted.public_required!;
    expect(heavyCounted).toBeGreaterThanOrEqual(36); // 6 + 30 posted here, plus whatever the demo data gave
    expect(heavy.category).toEqual({ id: 'public_required', earned: heavyCounted, required: 30 });
    const retired = (await c.get('/api/credit-reports/teachers?assessed=false')).body.items[0];
    expect(retired.notAssessedReason).toContain('退休');
    const p1 = await c.get('/api/credit-reports/teachers?pageSize=5&page=1'),
      p2 = await c.get('/api/credit-reports/teachers?pageSize=5&page=2');
    expect(p1.body.items).toHaveLength(5);
    expect(p2.body.items[0].id).toBeGreaterThan(p1.body.items[4].id);
    expect((await c.get('/api/credit-reports/teachers?category=nope&compliant=true')).status).toBe(400);
    expect((await c.get('/api/credit-reports/teachers?compliant=maybe')).status).toBe(400);
  });

  it('lists 定期注册 eligibility: compliant, not compliant, not assessed', async () => {
    const c = await loginAs(s, 'demo-county');
    const all = await expected('450102');
    const r = await c.get('/api/credit-reports/eligibility?status=ineligible&pageSize=100');
    expect(r.status).toBe(200);
    expect(r.body.counts).toEqual({
      eligible: all.filter((t) => t.compliant).length,
      ineligible: all.filter((t) => t.assessed && !t.compliant).length,
      not_assessed: all.filter((t) => !t.assessed).length,
    });
    expect(r.body.items.map((t: { id: number }) => t.id)).toEqual(all.filter((t) => t.assessed && !t.compliant).map((t) => t.id));
    const ok = await c.get('/api/credit-reports/eligibility?status=eligible&pageSize=100');
    expect(ok.body.items.map((t: { id: number }) => t.id)).toContain(ids.full);
  });
});

describe(`export (${TEST_DB})`, () => {
  it('exports the table and the teachers, masked, with formula-like text neutralised', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","点我")', '+SUM(1,2)', '-1+2', '@cmd', '\t=1+1'];
    const victims = (await teachersOf('450102')).slice(6, 6 + hostile.length);
    for (const [i, t] of victims.entries())
      await s.deps.db.updateTable('users').set({ name: hostile[i]! }).where('id', '=', t.user_id).execute();
    const c = await loginAs(s, 'demo-county');
    const r = await c.request('GET', '/api/credit-reports/export.xlsx');
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('达标统计')!;
    const list = wb.getWorksheet('教师明细')!;
    const cells: ExcelJS.Cell[] = [];
    for (const ws of [summary, list]) ws.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.filter((x) => x.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.map((x) => x.value).filter((v): v is string => typeof v === 'string');
    for (const h of hostile) expect(texts).toContain(`'${h}`);
    expect(texts.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    // masked: no full ID number of any teacher of the county appears
    const full = await s.deps.db
      .selectFrom('users as u')
      .innerJoin('teachers as t', 't.user_id', 'u.id')
      .select('u.id_number')
      .where('t.region_code', '=', '450102')
      .execute();
    for (const f of full) if (f.id_number) expect(texts.join('|')).not.toContain(f.id_number);
    expect(list.rowCount - 1).toBe((await expected('450102')).length);
    const totals = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === '合计')!;
    const t = tally(await expected('450102'));
    expect([totals.getCell(2).value, totals.getCell(3).value, totals.getCell(4).value]).toEqual([t.teachers, t.assessed, t.compliant]);
    const audit = await s.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'credit.report.export').execute();
    expect(audit.length).toBeGreaterThan(0);
    const filtered = await c.request('GET', '/api/credit-reports/export.xlsx?compliant=true');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(filtered.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('教师明细')!.rowCount - 1).toBe(t.compliant);
  });
});

describe(`region reports come from per-school counts (${TEST_DB})`, () => {
  it('reuses them while young (same numbers, same time) while a school report is counted live', async () => {
    ROLLUP.maxAgeSeconds = 3600;
    ROLLUP.ageFactor = Infinity; // as on a province-sized deployment, where a recount takes seconds
    const province = await loginAs(s, 'demo-province');
    const county = await loginAs(s, 'demo-county');
    const before = (await province.get('/api/credit-reports/compliance')).body;
    expect(before.live).toBe(false);
    const countyBefore = (await county.get('/api/credit-reports/compliance')).body;
    expect(countyBefore.live).toBe(false);
    const { school_id: schoolId } = await s.deps.db
      .selectFrom('teachers')
      .select('school_id')
      .where('user_id', '=', ids.oneYear!)
      .executeTakeFirstOrThrow();
    const schoolBefore = (await county.get(`/api/credit-reports/compliance?schoolId=${schoolId}`)).body;
    expect(schoolBefore.live).toBe(true);
    await post(ids.oneYear!, Y, 'public_required', 'online', 30); // meets 公共必修's cycle requirement now
    const after = (await province.get('/api/credit-reports/compliance')).body;
    expect(after.countedAt).toBe(before.countedAt);
    expect(after.totals).toEqual(before.totals);
    expect((await county.get('/api/credit-reports/compliance')).body.totals).toEqual(countyBefore.totals);
    const schoolAfter = (await county.get(`/api/credit-reports/compliance?schoolId=${schoolId}`)).body;
    expect(schoolAfter.totals.byCategory.public_required).toBe(schoolBefore.totals.byCategory.public_required + 1);
    // a list opened from a province number says that number
    const list = await province.get('/api/credit-reports/teachers?category=public_required&compliant=true&pageSize=5');
    expect(list.body.total).toBe(before.totals.byCategory.public_required);
    const failing = await province.get('/api/credit-reports/teachers?compliant=false&pageSize=5');
    expect(failing.body.total).toBe(before.totals.assessed - before.totals.compliant);
    // a small deployment: the recount takes milliseconds, so counts older than ageFactor × that are
    // recounted while the caller waits, and equal the engine again
    Object.assign(ROLLUP, { maxAgeSeconds: 60, ageFactor: 1, waitForRecountMs: 60_000 }); // quick, even on a busy test machine
    const { duration_ms: took } = await s.deps.db.selectFrom('credit_report_state').select('duration_ms').executeTakeFirstOrThrow();
    await new Promise((r) => setTimeout(r, took + 50));
    const fresh = (await province.get('/api/credit-reports/compliance')).body;
    expect(fresh.countedAt > before.countedAt).toBe(true);
    expect(fresh.refreshing).toBe(false);
    expect(numbersOf(fresh.totals)).toEqual(tally(await expected('45')));
    Object.assign(ROLLUP, { ageFactor: 50, waitForRecountMs: 1000 });
  });

  it('recounts in the background when a recount is slow: the caller gets the previous counts at once', async () => {
    const province = await loginAs(s, 'demo-province');
    ROLLUP.maxAgeSeconds = 3600;
    ROLLUP.ageFactor = Infinity;
    const before = (await province.get('/api/credit-reports/compliance')).body;
    await post(ids.oneYear!, Y, 'professional_elective', 'onsite', 10);
    ROLLUP.maxAgeSeconds = 0;
    ROLLUP.waitForRecountMs = -1; // every recount counts as slow
    try {
      const stale = (await province.get('/api/credit-reports/compliance')).body;
      expect(stale).toMatchObject({ refreshing: true, countedAt: before.countedAt });
      expect(stale.totals).toEqual(before.totals);
      let fresh = stale;
      for (let i = 0; i < 100 && fresh.countedAt === before.countedAt; i++) {
        await new Promise((r) => setTimeout(r, 50));
        ROLLUP.maxAgeSeconds = 3600;
        fresh = (await province.get('/api/credit-reports/compliance')).body;
      }
      expect(numbersOf(fresh.totals)).toEqual(tally(await expected('45')));
      expect(fresh.totals.byCategory.professional_elective).toBe(before.totals.byCategory.professional_elective + 1);
    } finally {
      Object.assign(ROLLUP, { maxAgeSeconds: 60, ageFactor: 50, waitForRecountMs: 1000 });
    }
  });
});
