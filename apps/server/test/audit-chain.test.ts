// The audit chain against someone who can write the database but has not got the key file:
// an edited row, a re-chained log, a downgrade to plain SHA-256 and a deleted tail are all found.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deniedAccessLimiter } from '../src/modules/audit/access-denied.ts';
import { checkpointStore, verifyAndCheckpoint } from '../src/modules/audit/checkpoints.ts';
import { TEST_DB, loginAs, startTestServer, userIdOf, type Client, type TestServer } from './harness.ts';

let s: TestServer;
let audit: Client;
const dir = mkdtempSync(path.join(tmpdir(), 'shixun-cp-'));

beforeAll(async () => {
  s = await startTestServer({ auditCheckpointDir: dir });
  audit = await loginAs(s, 'demo-audit');
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** As the database owner: switch the append-only guard off for one change. */
async function tamper(change: (trx: typeof s.deps.db) => Promise<unknown>) {
  await s.deps.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(trx);
    await change(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(trx);
  });
}

/** What an attacker without the key can do: recompute every hash with plain SHA-256 from a row on. */
async function rechainWithSha(trx: typeof s.deps.db, fromId: number, markKeyed: boolean) {
  const rows = await trx.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = '0'.repeat(64);
  const canon = (v: unknown): string =>
    v === null || typeof v !== 'object'
      ? JSON.stringify(v ?? null)
      : Array.isArray(v)
        ? `[${v.map(canon).join(',')}]`
        : `{${Object.keys(v as object)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
            .join(',')}}`;
  for (const r of rows) {
    if (r.id >= fromId) {
      const hash = createHash('sha256')
        .update(prev)
        .update(
          canon([
            Number(r.at_ms),
            r.actor_id,
            r.actor_name,
            r.actor_role,
            r.actor_scope,
            r.ip,
            r.request_id,
            r.action,
            r.object_type,
            r.object_id,
            r.result,
            r.detail,
          ]),
        )
        .digest('hex');
      await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash}, keyed = ${markKeyed} WHERE id = ${r.id}`.execute(trx);
      prev = hash;
    } else prev = r.hash;
  }
}

describe(`keyed audit chain and signed checkpoints (${TEST_DB})`, () => {
  it('writes a signed checkpoint outside the database and shows the last one', async () => {
    expect(readdirSync(dir).length).toBeGreaterThan(0); // written at start, after the demo data
    const ok = await audit.post('/api/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, legacyRows: 0, checkpoint: { status: 'match' } });
    expect(ok.body.lastCheckpoint.headId).toBe(ok.body.headId);
    const list = await audit.get('/api/audit?pageSize=1');
    expect(list.body.lastCheckpoint.rows).toBe(ok.body.checked);
  });

  it('records refused access, at most 20 a window per actor', async () => {
    const teacher = await loginAs(s, 'demo-teacher');
    const before = await s.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 30; i++) expect((await teacher.get('/api/outbox')).status).toBe(403);
    const county = await loginAs(s, 'demo-county');
    const wang = await userIdOf(s, { login: 'demo-teacher2' }); // a teacher of another county
    expect((await county.get(`/api/teachers/${wang}`)).status).toBe(404);
    // the record is written after the answer has gone (onResponse): wait for it
    const denied = () => s.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').orderBy('id').execute();
    let rows = await denied();
    for (let i = 0; i < 50 && !rows.some((r) => r.object_id === 'GET /api/teachers/:id'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await denied();
    }
    const teacherRows = rows.filter((r) => r.actor_name === '李秀英');
    expect(teacherRows.length - 0).toBeLessThanOrEqual(20 + Number(before.n));
    expect(teacherRows.length).toBeGreaterThanOrEqual(20);
    expect(teacherRows.at(-1)).toMatchObject({ result: 'denied', object_id: 'GET /api/outbox' });
    expect(rows.some((r) => r.object_id === 'GET /api/teachers/:id' && (r.detail as { status: number }).status === 404)).toBe(true);
  });

  it('counts what the limiter left out', () => {
    const l = deniedAccessLimiter(2, 1000);
    expect([l.take('a', 0), l.take('a', 1), l.take('a', 2), l.take('a', 3)]).toEqual([0, 0, undefined, undefined]);
    expect(l.take('a', 1500)).toBe(2);
  });

  it('finds a row edited and re-chained with plain SHA-256 (no key)', async () => {
    await tamper(async (trx) => {
      await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE id = 3`.execute(trx);
      await rechainWithSha(trx, 3, true);
    });
    const r = await audit.post('/api/audit/verify');
    expect(r.body).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('finds a downgrade of the whole log to a plain SHA-256 chain, through the checkpoint', async () => {
    await tamper((trx) => rechainWithSha(trx, 1, false));
    const r = await audit.post('/api/audit/verify');
    expect(r.body.ok).toBe(false);
    expect(r.body.checkpoint.status).toBe('rewritten');
  });
});

describe(`a deleted tail (${TEST_DB})`, () => {
  it('is found by the last checkpoint even though the rest of the chain verifies', async () => {
    const d2 = mkdtempSync(path.join(tmpdir(), 'shixun-cp2-'));
    const s2 = await startTestServer({ auditCheckpointDir: d2 });
    try {
      const a = await loginAs(s2, 'demo-audit');
      expect((await a.post('/api/audit/verify')).body.ok).toBe(true); // checkpoint at the head
      const head = (await a.post('/api/audit/verify')).body.lastCheckpoint.headId;
      await s2.deps.db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(trx);
        await sql`DELETE FROM audit_log WHERE id >= ${head - 2}`.execute(trx);
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(trx);
      });
      const r = await a.post('/api/audit/verify');
      expect(r.body.checkpoint.status).toBe('missing-head');
      expect(r.body.ok).toBe(false);
      expect(r.body.checkpoint.message).toMatch(/删除/);
    } finally {
      await s2.close();
      rmSync(d2, { recursive: true, force: true });
    }
  });
});

describe(`the periodic checkpoint reads only what is new (${TEST_DB})`, () => {
  it('walks the rows since the last intact checkpoint, catches an edit among them, and leaves old rows to the full check', async () => {
    const s3 = await startTestServer();
    try {
      const store = checkpointStore('');
      const first = await verifyAndCheckpoint(s3.deps.db, store);
      expect(first.ok).toBe(true);
      const teacher = await loginAs(s3, 'demo-teacher'); // writes a login row after the checkpoint
      expect(teacher).toBeDefined();
      const next = await verifyAndCheckpoint(s3.deps.db, store, { incremental: true });
      expect(next.ok).toBe(true);
      expect(next.headId).toBeGreaterThan(first.headId);
      expect(next.checked).toBe(
        first.checked +
          Number(
            (
              await s3.deps.db
                .selectFrom('audit_log')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('id', '>', first.headId)
                .where('id', '<=', next.headId)
                .executeTakeFirstOrThrow()
            ).n,
          ),
      );
      expect(next.lastCheckpoint?.headId).toBe(next.headId);
      await loginAs(s3, 'demo-teacher2');
      const rows = await s3.deps.db.selectFrom('audit_log').select('id').where('id', '>', next.headId).execute();
      await s3.deps.db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(trx);
        await sql`UPDATE audit_log SET actor_name = 'x' WHERE id = ${rows[0]!.id}`.execute(trx);
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(trx);
      });
      const caught = await verifyAndCheckpoint(s3.deps.db, store, { incremental: true });
      expect(caught).toMatchObject({ ok: false, brokenAt: rows[0]!.id });
    } finally {
      await s3.close();
    }
  });
});
