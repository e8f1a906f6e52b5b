// Once per test run: one seeded database (migrations, regions, demo data, sealed personal data) that every
// test file copies instead of building its own — a PGlite dump loaded in about a second, or a PostgreSQL
// `CREATE DATABASE … TEMPLATE`. Test files that need another world (another province, no demo data)
// still build theirs from scratch.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.ts';
import type { DemoFacts } from '../src/demo/seed.ts';
import { createServer } from '../src/server.ts';

export interface TestTemplate {
  keyFile: string;
  demo: DemoFacts;
  pgliteDump: string | null;
  pgTemplate: string | null;
}
declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: TestTemplate;
  }
}

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shixun-template-'));
  mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'keys.json');
  const uploadDir = path.join(dir, 'uploads');
  const onPostgres = process.env.TEST_DB === 'postgres';
  let pgTemplate: string | null = null;
  let databaseUrl: string | undefined;
  if (onPostgres) {
    pgTemplate = `shixun_tpl_${process.pid}`;
    await admin(`DROP DATABASE IF EXISTS ${pgTemplate}`);
    await admin(`CREATE DATABASE ${pgTemplate}`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${pgTemplate}`;
    databaseUrl = u.toString();
  }
  const config = loadConfig(
    {},
    { dataDir: 'memory://', databaseUrl, keyFile, uploadDir, demoData: true, twoFactor: { requiredRoles: [], issuer: '师训' } },
  );
  const server = await createServer(config);
  const demo = server.demo!;
  let pgliteDump: string | null = null;
  if (!onPostgres) {
    pgliteDump = path.join(dir, 'pglite.tar');
    writeFileSync(pgliteDump, Buffer.from(await (await server.dump!()).arrayBuffer()));
  }
  await server.close();
  project.provide('testTemplate', { keyFile, demo, pgliteDump, pgTemplate });
  return async () => {
    if (pgTemplate) await admin(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
