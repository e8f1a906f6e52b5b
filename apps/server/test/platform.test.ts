import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadConfig } from '../src/config.ts';
import { TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe(`audit log (${TEST_DB})`, () => {
  it('records login attempts with who, when, IP, result and request id', async () => {
    await loginAs(s, 'demo-county');
    const audit = await loginAs(s, 'demo-audit');
    const r = await audit.get('/api/audit?action=auth.login');
    expect(r.status).toBe(200);
    const row = r.body.items.find((i: { actorName: string }) => i.actorName === '兴宁区管理员');
    expect(row).toMatchObject({ action: 'auth.login', result: 'success', ip: '127.0.0.1' });
    expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(row.at - Date.now())).toBeLessThan(60_000);
  });

  it('verifies the chain, and detects a row altered behind its back', async () => {
    const audit = await loginAs(s, 'demo-audit');
    const ok = await audit.post('/api/audit/verify');
    expect(ok.body.ok).toBe(true);
    expect(ok.body.checked).toBeGreaterThan(1);
    // the table refuses updates and deletes outright
    await expect(sql`UPDATE audit_log SET result = 'success' WHERE id = 1`.execute(s.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(s.deps.db)).rejects.toThrow(/append-only/);
    // someone with the database owner's rights switches the guard off and edits a row
    await s.deps.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(trx);
      await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE id = 2`.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(trx);
    });
    const broken = await audit.post('/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe(`database rules (${TEST_DB})`, () => {
  it('keeps sys, security and audit roles on separate accounts (三员分立)', async () => {
    const id = await userIdOf(s, { login: 'demo-sys' });
    await expect(
      s.deps.db
        .insertInto('user_roles')
        .values({ user_id: id, role: 'audit_admin', region_code: '45', school_id: null, institution_id: null })
        .execute(),
    ).rejects.toThrow(/user_roles_separation/);
  });

  it('runs migrations once: a second run applies nothing', async () => {
    expect(await migrate(s.deps.db)).toEqual([]);
  });

  it("loads the configured province's real divisions", async () => {
    const r = await (await loginAs(s, 'demo-province')).get('/api/regions?parent=45');
    expect(r.body.items.map((x: { name: string }) => x.name)).toContain('南宁市');
    expect(r.body.items).toHaveLength(14);
    const counties = await (await loginAs(s, 'demo-city')).get('/api/regions?parent=4501');
    expect(counties.body.items.map((x: { code: string }) => x.code)).toContain('450102');
    expect((await (await loginAs(s, 'demo-city')).get('/api/regions?parent=4502')).status).toBe(404);
  });
});

const CONTENDER = fileURLToPath(new URL('./fixtures/lock-contender.ts', import.meta.url));

describe('embedded data directory', () => {
  it('lets only one process own a data directory, and frees it when the owner dies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shixun-lock-'));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(/已被另一个进程 \(pid \d+\)/);
    release();
    // a pid file left behind by a dead process (or a foreign one) is no lock: the kernel-held lock decides
    fs.writeFileSync(path.join(dir, 'shixun.lock'), String(process.ppid));
    const again = await lockDataDir(dir);
    again();
    // an owner killed with SIGKILL leaves nothing that blocks a restart
    const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, dir, '0', '60000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    (await lockDataDir(dir))();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the lock to exactly one of several processes starting at the same instant', async () => {
    // the winner holds the lock until all six have reported, however slowly they start on a loaded machine,
    // so a second winner can only come from two of them binding at the same moment
    for (let trial = 0; trial < 2; trial++) {
      const dir = mkdtempSync(path.join(tmpdir(), 'shixun-race-'));
      fs.writeFileSync(path.join(dir, 'shixun.lock'), '999999'); // a stale pid file, as after a crash
      const startAt = Date.now() + 4000;
      const contenders = Array.from({ length: 6 }, () =>
        spawn(process.execPath, ['--import', 'tsx', CONTENDER, dir, String(startAt), '60000'], { stdio: ['ignore', 'pipe', 'inherit'] }),
      );
      // each reports one line; the winner holds the lock until every contender has reported, then we end it
      const reported = contenders.map(
        (p) =>
          new Promise<string>((resolve) => {
            let out = '';
            p.stdout.on('data', (d) => {
              out += d;
              if (out.includes('\n')) resolve(out.trim());
            });
            p.on('exit', () => resolve(out.trim()));
          }),
      );
      const results = await Promise.all(reported);
      // the losers have exited already; the winner is ended here instead of holding the lock for its full minute
      for (const p of contenders) if (p.exitCode === null) p.kill('SIGTERM');
      await Promise.all(contenders.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
      expect(
        results.filter((r) => r === 'won'),
        `trial ${trial}: ${results.join(', ')}`,
      ).toHaveLength(1);
      expect(results.filter((r) => r === 'lost DataDirInUseError')).toHaveLength(5);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reads PORT, DATA_DIR, DATABASE_URL and PROVINCE_CODE from the environment', () => {
    const c = loadConfig({ PORT: '4000', DATA_DIR: '/tmp/x', PROVINCE_CODE: '13', DATABASE_URL: 'postgres://a/b' });
    expect(c).toMatchObject({
      port: 4000,
      dataDir: '/tmp/x',
      provinceCode: '13',
      databaseUrl: 'postgres://a/b',
      uploadDir: '/tmp/x/uploads',
    });
    expect(() => loadConfig({ PROVINCE_CODE: 'guangxi' })).toThrow(/两位/);
  });
});

describe('configuration', () => {
  it('stops the start with a clear message for a bad value or an unknown key', async () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/port：应为数字/);
    expect(() => loadConfig({ TWO_FACTOR_ROLES: 'province_admin,boss' })).toThrow(/twoFactor\.requiredRoles\.1：不是已知的角色/);
    expect(() => loadConfig({}, { lockout: { maxFailures: 0, windowMinutes: 15, lockMinutes: 30 } })).toThrow(
      /lockout\.maxFailures：不能小于 1/,
    );
    expect(() => loadConfig({}, { sesion: {} } as never)).toThrow(/未知的配置项 sesion/);
    expect(loadConfig({}).port).toBe(3000);
  });
});
