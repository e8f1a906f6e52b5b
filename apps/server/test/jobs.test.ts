// Durable jobs (modules/jobs) and the standings recompute that runs on them: resumption after a
// runner died or a server restarted (nothing finished is done again), one runner per job, the year's
// turn scheduled once, a publish recomputing, and who may see or start a recompute.
import { GUANGXI_POLICY } from '@shixun/domain';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/types.ts';
import { evaluate, loadFacts } from '../src/modules/credit-policies/batch.ts';
import { RECOMPUTE_BATCH, RECOMPUTE_KIND, recomputeJob, recomputeStatus } from '../src/modules/credit-policies/recompute.ts';
import { activePolicy } from '../src/modules/credits/policy.store.ts';
import { claimNextJob } from '../src/modules/jobs/jobs.repository.ts';
import { enqueueJob, jobOf } from '../src/modules/jobs/jobs.service.ts';
import { createJobRunner, type JobHandler, type JobRunner } from '../src/modules/jobs/runner.ts';
import { chinaDate } from '@shixun/domain';
import { nextYearTurn } from '../src/modules/jobs/schedule.ts';
import { createServer } from '../src/server.ts';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';
import { persistentWorld, sleep, stepsJob, until } from './jobs-fixtures.ts';

let s: TestServer;
let province: Client;
const runners: JobRunner[] = [];
beforeAll(async () => {
  s = await startTestServer();
  province = await loginAs(s, 'demo-province');
}, 180_000);
afterAll(async () => {
  for (const r of runners) await r.stop();
  await s?.close();
});
const runner = (o: Parameters<typeof createJobRunner>[0]) => {
  const r = createJobRunner({ pollMs: 25, ...o });
  runners.push(r);
  return r;
};

describe(`durable jobs (${TEST_DB})`, () => {
  it('a runner that dies mid-job loses it when its lease expires; the next one resumes after the last step, and no step runs twice', async () => {
    const log: [string, number][] = [];
    let release!: () => void;
    const hung = new Promise<void>((r) => {
      release = r;
    });
    const job = (await enqueueJob(s.deps.db, { kind: 'test.steps', payload: { steps: 5 } }))!;
    // A never renews its lease (heartbeat off): as if its process froze after step 2
    const a = runner({ db: s.deps.db, handlers: [stepsJob('A', log, { at: 2, until: hung })], leaseMs: 400, heartbeatMs: 3_600_000 });
    const aFinished = new Promise((r) => a.events.on('finished', (id, outcome) => id === job.id && r(outcome)));
    a.start();
    await until('A to do two steps', async () => log.length === 2);
    const b = runner({ db: s.deps.db, handlers: [stepsJob('B', log)], leaseMs: 10_000 });
    b.start();
    const done = await until('B to finish', async () => {
      const j = await jobOf(s.deps.db, job.id);
      return j?.status === 'done' && j;
    });
    release(); // A wakes up and tries its next step: the lease is B's, so it writes nothing
    expect(await aFinished).toBe('lost');
    expect(log).toEqual([
      ['A', 1],
      ['A', 2],
      ['B', 3],
      ['B', 4],
      ['B', 5],
    ]);
    expect(done).toMatchObject({ progress_done: 5, progress_total: 5, state: { n: 5 }, attempts: 2, locked_by: null, error: null });
    expect((await jobOf(s.deps.db, job.id))!.progress_done).toBe(5); // A's late step changed nothing
  });

  it('a failed attempt is retried later from its cursor, and fails for good after the last attempt', async () => {
    let calls = 0;
    const clock = { t: Date.now() };
    const failing: JobHandler = {
      kind: 'test.fail',
      async run(ctx) {
        calls++;
        await ctx.step(async () => ({ value: null, progress: { done: calls, total: null, state: { seen: calls } } }));
        throw new Error('外部系统不可用');
      },
    };
    const job = (await enqueueJob(s.deps.db, { kind: 'test.fail', payload: {}, maxAttempts: 2, runAt: new Date(clock.t) }))!;
    const r = runner({ db: s.deps.db, handlers: [failing], now: () => new Date(clock.t), onError: () => {} });
    r.start();
    const first = await until('a retry', async () => {
      const j = await jobOf(s.deps.db, job.id);
      return j?.status === 'queued' && j.attempts === 1 && j;
    });
    expect(first.error).toBe('外部系统不可用');
    expect(first.run_at.getTime()).toBeGreaterThan(clock.t); // back-off: not before its time
    await sleep(150);
    expect(calls).toBe(1);
    clock.t += 3_600_000;
    r.wake();
    const last = await until('the final failure', async () => {
      const j = await jobOf(s.deps.db, job.id);
      return j?.status === 'failed' && j;
    });
    expect(calls).toBe(2);
    expect(last).toMatchObject({ attempts: 2, error: '外部系统不可用', state: { seen: 2 }, progress_done: 2 });
  });

  it.runIf(TEST_DB === 'postgres')('two runners on two connection pools never run one job twice', async () => {
    const other = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: s.config.databaseUrl }) }) });
    try {
      // claims racing for the same rows: each job goes to exactly one claimer
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await enqueueJob(s.deps.db, { kind: 'test.race', payload: {} }))!.id);
      const now = new Date();
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          claimNextJob(i % 2 ? other : s.deps.db, {
            kinds: ['test.race'],
            owner: `c${i}`,
            now,
            leaseUntil: new Date(now.getTime() + 60_000),
          }),
        ),
      );
      const won = claims.filter((c) => c).map((c) => c!.id);
      expect(won.sort()).toEqual(ids.sort());

      // whole runners: every job runs once, never in two places at the same time
      const inFlight = new Set<number>();
      const ran: [number, string][] = [];
      const overlaps: number[] = [];
      const slow = (name: string): JobHandler => ({
        kind: 'test.slow',
        async run(ctx) {
          if (inFlight.has(ctx.id)) overlaps.push(ctx.id);
          inFlight.add(ctx.id);
          ran.push([ctx.id, name]);
          await sleep(30);
          await ctx.step(async () => ({ value: null, progress: { done: 1, total: 1, state: {} } }));
          inFlight.delete(ctx.id);
          return 'done';
        },
      });
      const jobs: number[] = [];
      for (let i = 0; i < 16; i++) jobs.push((await enqueueJob(s.deps.db, { kind: 'test.slow', payload: {} }))!.id);
      const ra = runner({ db: s.deps.db, handlers: [slow('A')], concurrency: 3 });
      const rb = runner({ db: other, handlers: [slow('B')], concurrency: 3 });
      ra.start();
      rb.start();
      await until('all slow jobs', async () => {
        const rows = await Promise.all(jobs.map((id) => jobOf(s.deps.db, id)));
        return rows.every((j) => j?.status === 'done');
      });
      expect(overlaps).toEqual([]);
      expect(ran.map(([id]) => id).sort()).toEqual([...jobs].sort());
      expect(new Set(ran.map(([, n]) => n))).toEqual(new Set(['A', 'B']));
      await ra.stop();
      await rb.stop();
    } finally {
      await other.destroy();
    }
  });
});

const Y = Number(chinaDate(new Date()).slice(0, 4));
const pastCycleDraft = {
  ...GUANGXI_POLICY,
  name: '含已结束年份的测试周期',
  cycles: [{ id: 'test_cycle', name: '测试', startYear: Y - 2, endYear: Y + 2 }],
};

describe(`recomputing standings as a job (${TEST_DB})`, () => {
  it('publishing enqueues a recompute in the same transaction; the job moves every standing to the new version', async () => {
    const before = await s.deps.db.selectFrom('credit_standings').select(['teacher_id', 'compliant', 'policy_version']).execute();
    const r = await province.post('/api/credit-policies', { document: pastCycleDraft, baseVersion: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.recompute).toMatchObject({ state: 'queued', trigger: 'publish', version: 2, done: 0 });
    const job = await s.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', RECOMPUTE_KIND)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(job.payload).toEqual({ trigger: 'publish', version: 2 });
    const status = await until('the recompute', async () => {
      const x = await province.get('/api/credit-policies/recompute');
      return x.body.state === 'done' && x.body;
    });
    const teachers = await s.deps.db.selectFrom('teachers').select('user_id').execute();
    expect(status).toMatchObject({ trigger: 'publish', version: 2, total: teachers.length, done: teachers.length, attempts: 1 });
    const after = await s.deps.db
      .selectFrom('credit_standings')
      .select(['teacher_id', 'compliant', 'policy_version', 'cycle_id'])
      .execute();
    expect(after).toHaveLength(teachers.length);
    expect(after.every((x) => x.policy_version === 2 && x.cycle_id === 'test_cycle')).toBe(true);
    // the draft's cycle has years already over: teachers without credits in them are no longer compliant
    const compliant = (rows: { compliant: boolean }[]) => rows.filter((x) => x.compliant).length;
    expect(compliant(after)).toBeLessThan(compliant(before));
    expect((await province.get('/api/credit-reports/compliance')).body).toMatchObject({ policy: { version: 2 }, stale: 0 });
  });

  it('the turn of the year in Beijing adds exactly one recompute however many runners schedule it, and it runs at 00:00', async () => {
    const turn = nextYearTurn(new Date());
    const clock = { t: turn.at.getTime() - 60_000 }; // 23:59 on 31 December, Beijing time
    const now = () => new Date(clock.t);
    const [r1, r2] = [0, 1].map(() => runner({ db: s.deps.db, handlers: [recomputeJob], now }));
    await Promise.all([r1!.runSchedules(), r2!.runSchedules(), r1!.runSchedules()]);
    const yearJobs = () =>
      s.deps.db.selectFrom('jobs').selectAll().where('unique_key', 'like', `${RECOMPUTE_KIND}:year-turn:%`).orderBy('run_at').execute();
    let scheduled = await yearJobs();
    // the server's own runner (real clock) scheduled the same turn at its start: still one
    expect(scheduled.map((j) => [j.unique_key, j.run_at.toISOString(), j.status])).toEqual([
      [`${RECOMPUTE_KIND}:year-turn:${turn.year}`, turn.at.toISOString(), 'queued'],
    ]);
    expect(turn.at.toISOString()).toBe(`${turn.year - 1}-12-31T16:00:00.000Z`);
    // the page shows the last recompute and when the scheduled one is due
    expect(await recomputeStatus(s.deps.db, now())).toMatchObject({ trigger: 'publish', state: 'done', nextRunAt: turn.at.toISOString() });
    r1!.start();
    r2!.start();
    await sleep(300);
    expect((await jobOf(s.deps.db, scheduled[0]!.id))!.status).toBe('queued'); // not before midnight
    clock.t = turn.at.getTime() + 1000;
    r1!.wake();
    r2!.wake();
    const done = await until('the year-turn recompute', async () => {
      const j = await jobOf(s.deps.db, scheduled[0]!.id);
      return j?.status === 'done' && j;
    });
    expect(done.state).toMatchObject({ asOf: `${turn.year}-01-01` });
    expect(await recomputeStatus(s.deps.db, now())).toMatchObject({ trigger: 'year_turn', state: 'done', attempts: 1 });
    // every standing now counts the new year, evaluated by the engine as of 1 January
    const { policy, version } = await activePolicy(s.deps.db);
    const standings = await s.deps.db
      .selectFrom('credit_standings')
      .select(['teacher_id', 'as_of', 'compliant', 'policy_version'])
      .execute();
    const facts = await loadFacts(
      s.deps.db,
      standings.map((x) => Number(x.teacher_id)),
    );
    const byId = new Map(facts.map((f) => [f.id, f]));
    for (const st of standings) {
      expect(st.as_of).toBe(`${turn.year}-01-01`);
      expect(st.policy_version).toBe(version);
      expect(st.compliant).toBe(evaluate(policy, byId.get(Number(st.teacher_id))!, `${turn.year}-01-01`).compliant);
    }
    // after the turn the schedules add the next one, once
    await Promise.all([r1!.runSchedules(), r2!.runSchedules()]);
    scheduled = await yearJobs();
    expect(scheduled.map((j) => j.unique_key)).toEqual([
      `${RECOMPUTE_KIND}:year-turn:${turn.year}`,
      `${RECOMPUTE_KIND}:year-turn:${turn.year + 1}`,
    ]);
    await r1!.stop();
    await r2!.stop();
  });

  it('重新计算 starts one job (a second press gets 409) and is audited', async () => {
    const first = await province.post('/api/credit-policies/recompute');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ state: 'queued', trigger: 'manual', version: 2 });
    const second = await province.post('/api/credit-policies/recompute');
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('正在重新计算');
    await until('the manual recompute', async () => (await province.get('/api/credit-policies/recompute')).body.state === 'done');
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['object_id'])
      .where('action', '=', 'credit.standings.recompute')
      .execute();
    expect(audit).toEqual([{ object_id: '2' }]);
  });

  it('refuses the recompute routes to every role but the province admin, and to anonymous callers', async () => {
    const jobsBefore = (await s.deps.db.selectFrom('jobs').select('id').execute()).length;
    for (const acc of ['demo-teacher', 'demo-school', 'demo-county', 'demo-city', 'demo-sys', 'demo-institution']) {
      const c = await loginAs(s, acc);
      expect((await c.get('/api/credit-policies/recompute')).status, acc).toBe(403);
      expect((await c.post('/api/credit-policies/recompute')).status, acc).toBe(403);
    }
    expect((await new Client(s).get('/api/credit-policies/recompute')).status).toBe(401);
    expect((await new Client(s).post('/api/credit-policies/recompute')).status).toBe(401);
    expect((await s.deps.db.selectFrom('jobs').select('id').execute()).length).toBe(jobsBefore);
  });
});

describe(`a recompute across a restart (${TEST_DB})`, () => {
  it('stops at close after a finished batch; the next server resumes there and redoes no finished batch', async () => {
    const world = await persistentWorld();
    try {
      const first = await createServer(world.config);
      const stopped = new Promise<void>((resolve) => {
        first.jobs.events.on('progress', (_id, p) => {
          if (p.done > 0) resolve(first.jobs.stop()); // the server shuts down right after its first batch
        });
      });
      const admin = new Client(first as unknown as TestServer);
      expect((await admin.login('demo-province')).status).toBe(200);
      const started = await admin.post('/api/credit-policies/recompute');
      expect(started.status).toBe(202);
      await stopped;
      // handed back at the stop: waiting again, one batch done, the attempt not counted
      const handedBack = await first.deps.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', RECOMPUTE_KIND)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(handedBack).toMatchObject({ status: 'queued', progress_done: RECOMPUTE_BATCH, attempts: 0, locked_by: null });
      await first.close();
      const second = await createServer(world.config);
      try {
        const job = await until('the resumed recompute', async () => {
          const j = await second.deps.db
            .selectFrom('jobs')
            .selectAll()
            .where('kind', '=', RECOMPUTE_KIND)
            .orderBy('id', 'desc')
            .executeTakeFirst();
          return j?.status === 'done' && j;
        });
        const teachers = (await second.deps.db.selectFrom('teachers').select('user_id').orderBy('user_id').execute()).map((t) =>
          Number(t.user_id),
        );
        expect(job).toMatchObject({ progress_done: teachers.length, progress_total: teachers.length, attempts: 1 });
        expect(teachers.length).toBeGreaterThan(RECOMPUTE_BATCH);
        const firstBatchEnd = teachers[RECOMPUTE_BATCH - 1]!;
        expect(job.state).toMatchObject({ after: teachers[teachers.length - 1], skipped: [] });
        const written = await second.deps.db.selectFrom('credit_standings').select(['teacher_id', 'computed_at']).execute();
        const at = new Map(written.map((w) => [Number(w.teacher_id), w.computed_at.getTime()]));
        const firstBatch = teachers.filter((id) => id <= firstBatchEnd).map((id) => at.get(id)!);
        const rest = teachers.filter((id) => id > firstBatchEnd).map((id) => at.get(id)!);
        expect(firstBatch.every((t) => t === firstBatch[0])).toBe(true); // one transaction, by the first server
        expect(Math.min(...rest)).toBeGreaterThan(firstBatch[0]!); // the rest by the second, none again
      } finally {
        await second.close();
      }
    } finally {
      await world.drop();
    }
  }, 240_000);
});
