// The world the credit report tests share: a test policy whose cycle's first two years are over, and
// teachers in two counties with full, partial, heavy, new-hire, retired and standing-less ledgers. The
// numbers are checked against the engine run independently over the ledger (expected()).
import { GUANGXI_POLICY, evaluateCredits, parseCreditPolicy, type CreditEntryFact, type CreditPolicy } from '@shixun/domain';
import { afterAll, beforeAll, expect } from 'vitest';
import { postCreditEntry, type NewCreditEntry } from '../src/modules/credits/ledger.ts';
import { today } from '../src/modules/credits/standing.ts';
import { loginAs, startTestServer, type Client, type TestServer } from './harness.ts';

export const Y = Number(today().slice(0, 4));
/**
 * A cycle whose first two years are over, so some teachers fail and some pass. The Guangxi 办法 sets no
 * amount for any 学分类型 (issue 9, ruling 1), so the report's per-category numbers are tested on a
 * policy that has one, as other provinces' do: 公共必修 ≥ 30 a cycle (pro-rated for new hires).
 */
export const testPolicyDoc = (name = '测试周期政策') => ({
  ...GUANGXI_POLICY,
  name,
  cycles: [{ id: 'test_cycle', name: '测试', startYear: Y - 2, endYear: Y + 2 }],
  requirements: { public_required: { perCycle: 30 } },
});

export let s: TestServer;
export let policy: CreditPolicy;
export const ids: Record<string, number> = {};
const SYS = { ip: '127.0.0.1', requestId: 'credit-reports-test' };

export async function post(teacherId: number, year: number, category: string, form: NewCreditEntry['form'], amount: number) {
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

export async function teachersOf(prefix: string) {
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
export async function expected(prefix: string) {
  const teachers = await teachersOf(prefix);
  const rows = await s.deps.db.selectFrom('credit_entries').selectAll().orderBy('id').execute();
  const regs = await s.deps.db.selectFrom('teacher_registrations').select(['teacher_id', 'registered_on']).execute();
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
    const registrationDates = regs.filter((r) => Number(r.teacher_id) === Number(t.user_id)).map((r) => r.registered_on);
    const ev = evaluateCredits(
      policy,
      { hireDate: t.hire_date ?? undefined, status: t.personnel_status, registrationDates },
      entries,
      today(),
    );
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
      /** 定期注册 on the teacher's own window, as the engine judges it */
      registration: ev.registration!,
    };
  });
  return out;
}
export type Expected = Awaited<ReturnType<typeof expected>>;
export function tally(list: Expected) {
  return {
    teachers: list.length,
    assessed: list.filter((t) => t.assessed).length,
    compliant: list.filter((t) => t.compliant).length,
    completed: list.filter((t) => t.completed).length,
    byCategory: Object.fromEntries(policy.categories.map((c) => [c.id, list.filter((t) => t.met[c.id]).length])),
  };
}
export const numbersOf = (r: Record<string, unknown>) => ({
  teachers: r.teachers,
  assessed: r.assessed,
  compliant: r.compliant,
  completed: r.completed,
  byCategory: r.byCategory,
});

export async function waitForRecompute(c: Client) {
  for (let i = 0; i < 600; i++) {
    const r = await c.get('/api/credit-policies/recompute');
    if (r.body.state !== 'running' && r.body.state !== 'queued') return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('recompute did not finish');
}

/** Registers the file's hooks: a server on a copy of the seeded database, the world above in it. */
export function useReportWorld() {
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
    await s.deps.db.deleteFrom('credit_cycle_standings').where('teacher_id', '=', ids.noStanding!).execute();
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });
}
