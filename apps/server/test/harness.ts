// Test servers on a real database: in-memory PGlite, or a fresh database on the PostgreSQL server
// (TEST_DB=postgres; TEST_DATABASE_URL names the server, default the machine's local one).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestTemplate } from './global-setup.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createServer } from '../src/server.ts';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { idNumberIndex } from '../src/security/pii.ts';

export const TEST_DB = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export { DEMO_PASSWORD };

/** What a server needs to differ from the seeded template: these settings change what the database holds. */
const WORLD_KEYS = ['provinceCode', 'creditPolicy', 'demoData', 'dataDir', 'databaseUrl'] as const;

export async function startTestServer(overrides: Partial<Config> = {}) {
  const uploadDir = mkdtempSync(path.join(tmpdir(), 'shixun-up-'));
  const tpl = template();
  const fromTemplate = !!tpl && WORLD_KEYS.every((k) => !(k in overrides));
  let databaseUrl: string | undefined;
  let dropDb = async () => {};
  if (TEST_DB === 'postgres') {
    const name = `shixun_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${tpl.pgTemplate}` : `CREATE DATABASE ${name}`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      // pool clients may still be closing: wait for them rather than kill them mid-goodbye
      for (let i = 0; ; i++) {
        try {
          await c.query(`DROP DATABASE IF EXISTS ${name}${i >= 30 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (e) {
          if (i >= 30) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    };
  }
  // one key file for every server of the run: the template's data is encrypted and chained with it
  const config = loadConfig(
    {},
    {
      dataDir: 'memory://',
      databaseUrl,
      uploadDir,
      demoData: true,
      keyFile: tpl?.keyFile ?? '',
      twoFactor: { requiredRoles: [], issuer: '师训' },
      ...overrides,
    },
  );
  const loadDataDir = fromTemplate && tpl.pgliteDump && TEST_DB === 'pglite' ? new Blob([readFileSync(tpl.pgliteDump)]) : undefined;
  const server = await createServer(config, { loadDataDir });
  return {
    ...server,
    config,
    demo: fromTemplate ? tpl.demo : server.demo!,
    firstAdminPassword: server.firstAdminPassword,
    async close() {
      await server.close();
      await dropDb();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/** The seeded database of this run (global-setup.ts), when the run has one. */
function template(): TestTemplate | undefined {
  try {
    return inject('testTemplate');
  } catch {
    return undefined; // run outside vitest's global setup (a script)
  }
}

async function adminQuery(statement: string) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    // copies of one template may be asked for at the same moment by two workers
    for (let i = 0; ; i++) {
      try {
        await admin.query(statement);
        return;
      } catch (e) {
        if (i >= 20 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await admin.end();
  }
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A logged-in client: carries the session cookie and the CSRF header like the web app does. */
export class Client {
  cookies = new Map<string, string>();
  csrf?: string;
  constructor(
    private server: TestServer,
    public ip = '127.0.0.1',
  ) {}

  async request(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.server.app.inject({ method: method as 'GET', url, payload: body as object, headers, remoteAddress: this.ip });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return { status: res.statusCode, body: safeJson(res.body), raw: res };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }

  async login(account: string, password = DEMO_PASSWORD) {
    const r = await this.post('/api/auth/login', { account, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}

export async function loginAs(server: TestServer, account: string, password = DEMO_PASSWORD) {
  const c = new Client(server);
  const r = await c.login(account, password);
  if (r.status !== 200) throw new Error(`login ${account} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function safeJson(s: string): any {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** The id of a demo teacher by login name or ID number. */
export async function userIdOf(server: TestServer, where: { login?: string; idNumber?: string }) {
  let q = server.deps.db.selectFrom('users').select('id');
  if (where.login) q = q.where('login_name', '=', where.login);
  if (where.idNumber) q = q.where('id_number_bidx', '=', idNumberIndex(where.idNumber));
  return (await q.executeTakeFirstOrThrow()).id;
}
