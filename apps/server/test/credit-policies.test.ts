// 学分政策: versions, validation that changes nothing, preview that writes nothing, publishing a
// new version (old version and ledger untouched, every standing recomputed under it), concurrency.
import { GUANGXI_POLICY, evaluateCredits, parseCreditPolicy, type CreditEntryFact, type CreditPolicy } from '@shixun/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadFacts, standingRow } from '../src/modules/credit-policies/batch.ts';
import { RECOMPUTE_BATCH, recomputeBatch } from '../src/modules/credit-policies/recompute.ts';
import { postCreditEntry } from '../src/modules/credits/ledger.ts';
import { activePolicy } from '../src/modules/credits/policy.store.ts';
import { refreshStanding, today } from '../src/modules/credits/standing.ts';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';

const Y = Number(today().slice(0, 4));
const pastCycleDraft = (name = '含已结束年份的测试周期') => ({
  ...GUANGXI_POLICY,
  name,
  cycles: [{ id: 'test_cycle', name: '测试', startYear: Y - 2, endYear: Y + 2 }],
});
const SYS = { ip: '127.0.0.1', requestId: 'credit-policies-test' };

let s: TestServer;
let province: Client;
beforeAll(async () => {
  s = await startTestServer();
  province = await loginAs(s, 'demo-province');
  // every teacher gets a standing under version 1 (the demo data posts some, the rest have none yet)
  const all = await s.deps.db.selectFrom('teachers').select('user_id').execute();
  await s.deps.db.transaction().execute(async (trx) => {
    for (const t of all) await refreshStanding(trx, Number(t.user_id));
  });
}, 180_000);
afterAll(async () => {
  await s?.close();
});

async function waitForRecompute() {
  for (let i = 0; i < 1200; i++) {
    const r = await province.get('/api/credit-policies/recompute');
    if (r.body.state !== 'running' && r.body.state !== 'queued') return r.body; // a durable job: waiting, then running
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('recompute did not finish');
}
const snapshot = async () => ({
  policies: await s.deps.db.selectFrom('credit_policies').selectAll().orderBy('id').execute(),
  standings: await s.deps.db.selectFrom('credit_standings').selectAll().orderBy('teacher_id').execute(),
  entries: await s.deps.db.selectFrom('credit_entries').selectAll().orderBy('id').execute(),
  // refused requests are audited too (access.denied, written after the answer): business changes are what must stay put
  audits: (await s.deps.db.selectFrom('audit_log').select('id').where('action', '!=', 'access.denied').execute()).length,
});

function factsOf(rows: Awaited<ReturnType<typeof snapshot>>['entries'], teacherId: number): CreditEntryFact[] {
  return rows
    .filter((e) => Number(e.teacher_id) === teacherId)
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
}

describe(`policy versions (${TEST_DB})`, () => {
  it('lists version 1 and returns the active document', async () => {
    const list = await province.get('/api/credit-policies');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ version: 1, active: true, policyId: 'guangxi', name: GUANGXI_POLICY.name }),
    ]);
    const active = await province.get('/api/credit-policies/active');
    expect(active.body).toMatchObject({ version: 1, active: true });
    expect(active.body.document.cycles).toEqual(GUANGXI_POLICY.cycles);
    expect((await province.get('/api/credit-policies/99')).status).toBe(404);
  });

  it('validates a draft in Chinese and changes nothing when it is wrong', async () => {
    const before = await snapshot();
    const bad = {
      ...GUANGXI_POLICY,
      unit: 'day',
      total: { perYear: 200, perCycle: 120 },
      cycles: [{ id: 'A', name: '', startYear: 2030, endYear: 2026 }],
    };
    const v = await province.post('/api/credit-policies/validate', { document: bad });
    expect(v.status).toBe(200);
    expect(v.body.valid).toBe(false);
    expect(v.body.errors.join('\n')).toMatch(/unit：单位必须是 credit（学分）或 hour（学时）/);
    expect(v.body.errors.join('\n')).toMatch(/[\u4e00-\u9fa5]/);
    const p = await province.post('/api/credit-policies/preview', { document: bad });
    expect(p.body).toMatchObject({ valid: false });
    expect(p.body.errors).toEqual(v.body.errors);
    for (const doc of [bad, 'not json', [], null, { ...GUANGXI_POLICY, total: { perYear: 200, perCycle: 120 } }]) {
      const r = await province.post('/api/credit-policies', { document: doc });
      expect(r.status, JSON.stringify(doc).slice(0, 40)).toBe(400);
      expect(r.body.message).toMatch(/学分政策|政策/);
    }
    const same = await province.post('/api/credit-policies', { document: GUANGXI_POLICY });
    expect(same.status).toBe(400);
    expect(same.body.message).toContain('完全相同');
    expect(await snapshot()).toEqual(before);
  });

  it('previews a draft: before/after counts equal the engine, and nothing is written', async () => {
    const before = await snapshot();
    const r = await province.post('/api/credit-policies/preview', { document: pastCycleDraft() });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ valid: true, sampled: false });
    const staff = await s.deps.db
      .selectFrom('teachers as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.user_id', 't.hire_date', 't.personnel_status'])
      .where('u.status', 'in', ['active', 'disabled'])
      .execute();
    expect(r.body.population).toBe(staff.length);
    expect(r.body.evaluated).toBe(staff.length);
    const draft = parseCreditPolicy({ ...pastCycleDraft(), version: 1 });
    if (!draft.ok) throw new Error(draft.errors.join());
    const count = (p: CreditPolicy) => {
      let assessed = 0,
        compliant = 0;
      for (const t of staff) {
        const ev = evaluateCredits(
          p,
          { hireDate: t.hire_date ?? undefined, status: t.personnel_status },
          factsOf(before.entries, Number(t.user_id)),
          today(),
        );
        const c = ev.cycles.find((x) => x.id === ev.currentCycleId)!;
        if (ev.assessed && c.assessedYears > 0) {
          assessed++;
          if (ev.compliant) compliant++;
        }
      }
      return { assessed, compliant };
    };
    expect(r.body.current).toMatchObject({ version: 1, ...count(GUANGXI_POLICY) });
    expect(r.body.draft).toMatchObject({ version: null, ...count(draft.policy) });
    // the draft's cycle has two years already over: teachers without credits in them fail
    expect(r.body.draft.compliant).toBeLessThan(r.body.current.compliant);
    expect(r.body.becameNonCompliant).toBe(r.body.current.compliant - r.body.draft.compliant + r.body.becameCompliant);
    expect(await snapshot()).toEqual(before);
  });
});

describe(`publishing (${TEST_DB})`, () => {
  it('the batch evaluation writes exactly what refreshStanding writes', async () => {
    const { policy } = await activePolicy(s.deps.db);
    const stored = await s.deps.db.selectFrom('credit_standings').selectAll().orderBy('teacher_id').limit(200).execute();
    const facts = await loadFacts(
      s.deps.db,
      stored.map((r) => Number(r.teacher_id)),
    );
    const strip = (r: Record<string, unknown>) => {
      const { computed_at: _c, ...rest } = r;
      return rest;
    };
    // standingRow also carries the teacher's row of every cycle begun (credit_cycle_standings, issue 9)
    const storedCycles = await s.deps.db
      .selectFrom('credit_cycle_standings')
      .selectAll()
      .where(
        'teacher_id',
        'in',
        stored.map((r) => r.teacher_id),
      )
      .orderBy('teacher_id')
      .orderBy('cycle_id')
      .execute();
    const rows = facts.map((f) => standingRow(f.id, evaluate(policy, f, today()), today()));
    expect(
      rows.map(({ cycles: _cycles, ...row }) => ({
        ...row,
        by_category: JSON.parse(row.by_category),
        missing: JSON.parse(row.missing),
        reg_missing: row.reg_missing === null ? null : JSON.parse(row.reg_missing),
      })),
    ).toEqual(stored.map((r) => ({ ...strip(r), teacher_id: Number(r.teacher_id) })));
    expect(
      rows
        .flatMap((r) => r.cycles)
        .sort((a, b) => a.teacher_id - b.teacher_id || a.cycle_id.localeCompare(b.cycle_id))
        .map((c) => ({ ...c, by_category: JSON.parse(c.by_category), missing: JSON.parse(c.missing) })),
    ).toEqual(storedCycles.map((c) => ({ ...c, teacher_id: Number(c.teacher_id) })));
  });

  it('publishes version 2, keeps version 1 and the ledger, and recomputes every standing under it', async () => {
    const before = await snapshot();
    expect(before.standings.every((r) => r.policy_version === 1)).toBe(true);
    const r = await province.post('/api/credit-policies', { document: { ...pastCycleDraft(), version: 99 }, baseVersion: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ version: 2, previousVersion: 1, recompute: { state: 'queued', trigger: 'publish', version: 2 } });
    const done = await waitForRecompute();
    const teachers = await s.deps.db.selectFrom('teachers').select('user_id').execute();
    expect(done).toMatchObject({ state: 'done', version: 2, total: teachers.length, done: teachers.length });
    expect(teachers.length).toBeGreaterThan(RECOMPUTE_BATCH); // more than one batch

    const after = await snapshot();
    expect(after.entries).toEqual(before.entries);
    expect(after.policies[0]).toEqual({ ...before.policies[0], active: false }); // version 1 kept as it was
    const v2 = after.policies.find((p) => p.version === 2)!;
    expect(v2).toMatchObject({ active: true, policy_id: 'guangxi' });
    expect((v2.document as { version: number }).version).toBe(2);
    expect(after.standings).toHaveLength(teachers.length);
    expect(after.standings.every((x) => x.policy_version === 2 && x.cycle_id === 'test_cycle')).toBe(true);
    const { policy } = await activePolicy(s.deps.db);
    const staff = await s.deps.db.selectFrom('teachers').select(['user_id', 'hire_date', 'personnel_status']).execute();
    for (const t of staff) {
      const ev = evaluateCredits(
        policy,
        { hireDate: t.hire_date ?? undefined, status: t.personnel_status },
        factsOf(after.entries, Number(t.user_id)),
        today(),
      );
      expect(after.standings.find((x) => Number(x.teacher_id) === Number(t.user_id))!.compliant).toBe(ev.compliant);
    }
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['action', 'object_id', 'detail'])
      .where('action', '=', 'credit.policy.publish')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ object_id: '2', detail: expect.objectContaining({ version: 2, previousVersion: 1 }) }),
    ]);
    const list = await province.get('/api/credit-policies');
    expect(list.body.items.map((i: { version: number; active: boolean }) => [i.version, i.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(list.body.items[0].createdBy).toBeTruthy();
    expect((await province.get('/api/credit-policies/1')).body.document.cycles).toEqual(GUANGXI_POLICY.cycles);
    // the compliance report reads the new standings
    const report = await province.get('/api/credit-reports/compliance');
    expect(report.body).toMatchObject({ policy: { version: 2 }, stale: 0, unevaluated: 0 });
  });

  it('lets one of two publishers on the same version win; the other gets 409', async () => {
    const other = await loginAs(s, 'demo-province');
    const [a, b] = await Promise.all([
      province.post('/api/credit-policies', { document: pastCycleDraft('甲的版本'), baseVersion: 2 }),
      other.post('/api/credit-policies', { document: pastCycleDraft('乙的版本'), baseVersion: 2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((x) => x.status === 409)!.body.message).toMatch(/已被他人更新/);
    const active = await s.deps.db.selectFrom('credit_policies').select(['version']).where('active', '=', true).execute();
    expect(active).toEqual([{ version: 3 }]);
    await waitForRecompute();
  });

  it('recomputes while the ledger is written, and every standing ends up current', async () => {
    const teachers = (await s.deps.db.selectFrom('teachers').select('user_id').orderBy('user_id').execute()).map((t) => Number(t.user_id));
    const started = await province.post('/api/credit-policies/recompute');
    expect(started.status).toBe(202);
    expect((await province.post('/api/credit-policies/recompute')).status).toBe(409);
    // writes spread over the teachers while the job walks them
    await Promise.all(
      teachers
        .filter((_, i) => i % 37 === 0)
        .map((id, i) =>
          s.deps.db.transaction().execute((trx) =>
            postCreditEntry(trx, SYS, {
              teacherId: id,
              date: `${Y - 1}-05-0${1 + (i % 9)}`,
              year: Y - 1,
              category: 'school_based',
              form: 'school_based',
              amount: 10,
              title: '并发写入',
              source: 'adjustment',
              level: 'school',
              certifier: { id: null, name: '测试', unit: '测试' },
              reason: '测试',
            }),
          ),
        ),
    );
    expect((await waitForRecompute()).state).toBe('done');
    const { policy, version } = await activePolicy(s.deps.db);
    const entries = await s.deps.db.selectFrom('credit_entries').selectAll().orderBy('id').execute();
    const standings = await s.deps.db.selectFrom('credit_standings').selectAll().execute();
    const facts = await s.deps.db.selectFrom('teachers').select(['user_id', 'hire_date', 'personnel_status']).execute();
    for (const t of facts) {
      const st = standings.find((x) => Number(x.teacher_id) === Number(t.user_id))!;
      const ev = evaluateCredits(
        policy,
        { hireDate: t.hire_date ?? undefined, status: t.personnel_status },
        factsOf(entries, Number(t.user_id)),
        today(),
      );
      const cycle = ev.cycles.find((c) => c.id === ev.currentCycleId)!;
      expect([st.policy_version, st.compliant, st.earned_h]).toEqual([version, ev.compliant, Math.round(cycle.total.counted * 100)]);
    }
  });

  // PGlite has one connection, so a ledger transaction and a batch cannot overlap there at all
  it.runIf(TEST_DB === 'postgres')(
    'a batch skips a teacher whose ledger write is in flight, never overwriting it with older data',
    async () => {
      const { policy, version } = await activePolicy(s.deps.db);
      const [t, u] = (await s.deps.db.selectFrom('teachers').select('user_id').orderBy('user_id').limit(2).execute()).map((r) =>
        Number(r.user_id),
      );
      let release!: () => void, posted!: () => void;
      const hold = new Promise<void>((r) => {
        release = r;
      });
      const didPost = new Promise<void>((r) => {
        posted = r;
      });
      const writer = s.deps.db.transaction().execute(async (trx) => {
        await postCreditEntry(trx, SYS, {
          teacherId: t!,
          date: `${Y - 2}-06-01`,
          year: Y - 2,
          category: 'public_required',
          form: 'online',
          amount: 7.5,
          title: '进行中的写入',
          source: 'adjustment',
          level: 'county',
          certifier: { id: null, name: '测试', unit: '测试' },
          reason: '测试',
        });
        posted();
        await hold; // the writer has inserted and refreshed, but not committed
      });
      await didPost;
      const batch = recomputeBatch(s.deps.db, [t!, u!], version, policy);
      const first = await Promise.race([batch, new Promise((r) => setTimeout(() => r('blocked'), 3000))]);
      release();
      await writer;
      await batch;
      expect(first).toEqual([t]); // skipped at once, not waiting on the writer
      const facts = (await loadFacts(s.deps.db, [t!]))[0]!;
      const row = standingRow(t!, evaluate(policy, facts, today()), today());
      const stored = await s.deps.db
        .selectFrom('credit_standings')
        .select(['earned_h', 'by_category'])
        .where('teacher_id', '=', t!)
        .executeTakeFirstOrThrow();
      expect(stored.by_category).toEqual(JSON.parse(row.by_category));
      expect(facts.entries.some((e) => e.amount === 7.5)).toBe(true);
    },
  );

  it('refuses everyone but the province admin (403) on every policy route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/credit-policies'],
      ['GET', '/api/credit-policies/active'],
      ['GET', '/api/credit-policies/1'],
      ['GET', '/api/credit-policies/recompute'],
      ['POST', '/api/credit-policies/recompute'],
      ['POST', '/api/credit-policies/validate'],
      ['POST', '/api/credit-policies/preview'],
      ['POST', '/api/credit-policies'],
    ];
    for (const acc of ['demo-teacher', 'demo-school', 'demo-county', 'demo-city', 'demo-sys', 'demo-institution']) {
      const c = await loginAs(s, acc);
      for (const [m, u] of routes)
        expect((await c.request(m, u, { document: pastCycleDraft('越权') })).status, `${acc} ${m} ${u}`).toBe(403);
    }
    for (const [m, u] of routes) expect((await new Client(s).request(m, u, {})).status).toBe(401);
    expect((await s.deps.db.selectFrom('credit_policies').select('id').execute()).length).toBe(3);
  });
});
