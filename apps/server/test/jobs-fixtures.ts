// Helpers of jobs.test.ts: waiting for a condition, a job of numbered steps, and a database that outlives a server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../src/config.ts';
import type { JobHandler } from '../src/modules/jobs/runner.ts';
import { TEST_DB } from './harness.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function until<T>(what: string, f: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A job of `steps` steps; each step is logged (runner name, step number) once its transaction committed. */
export function stepsJob(name: string, log: [string, number][], hold?: { at: number; until: Promise<void> }): JobHandler {
  return {
    kind: 'test.steps',
    async run(ctx) {
      let n = Number(ctx.state?.n ?? 0);
      const total = Number(ctx.payload.steps);
      while (n < total) {
        if (ctx.signal.aborted) return 'stopped';
        const next = n + 1;
        await ctx.step(async () => ({ value: null, progress: { done: next, total, state: { n: next } } }));
        log.push([name, next]);
        n = next;
        if (hold && n === hold.at) await hold.until; // a runner that hangs (or died) here
      }
      return 'done';
    },
  };
}

/** A copy of the run's seeded database that outlives one server: a PGlite directory on disk, or a PostgreSQL database. */
export async function persistentWorld() {
  const tpl = inject('testTemplate');
  const uploadDir = mkdtempSync(path.join(tmpdir(), 'shixun-jobs-up-'));
  const base = { uploadDir, demoData: true, keyFile: tpl.keyFile, twoFactor: { requiredRoles: [], issuer: '师训' } };
  if (TEST_DB === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `shixun_jobs_${process.pid}_${randomBytes(3).toString('hex')}`;
    const run = async (q: string) => {
      for (let i = 0; ; i++) {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        try {
          await c.query(q);
          return;
        } catch (e) {
          if (i >= 30 || !/being accessed by other users/.test(String(e))) throw e;
        } finally {
          await c.end();
        }
        await sleep(200);
      }
    };
    await run(`CREATE DATABASE ${name} TEMPLATE ${tpl.pgTemplate}`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return {
      config: loadConfig({}, { ...base, dataDir: 'memory://', databaseUrl: u.toString() }),
      drop: async () => {
        await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(uploadDir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shixun-jobs-data-'));
  const { PGlite } = await import('@electric-sql/pglite');
  const copy = new PGlite(path.join(dataDir, 'pg'), { loadDataDir: new Blob([readFileSync(tpl.pgliteDump!)]) });
  await copy.waitReady;
  await copy.close();
  return {
    config: loadConfig({}, { ...base, dataDir }),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
