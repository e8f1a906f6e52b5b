// Walks every registered /api route with every demo role, in scope and out of scope. A new route
// without an entry in MATRIX fails the first test: decide who may call it before it ships.
import { readdirSync } from 'node:fs';
import { makeIdNumber, type Role } from '@shixun/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';
import { ADMINS_OF_TEACHERS, ALL, PUBLIC, REGION_ADMINS, type Entry, type MatrixPart } from './matrix/types.ts';

// the platform's own routes here; each feature's routes in test/matrix/<feature>.ts
const parts: MatrixPart[] = [];
for (const f of readdirSync(new URL('./matrix/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
  .sort()) {
  parts.push(((await import(`./matrix/${f}`)) as { part: MatrixPart }).part);
}

const CORE: Record<string, Entry> = {
  'GET /api/health': { allow: PUBLIC },
  'GET /api/public/config': { allow: PUBLIC },
  'GET /api/public/regions': { allow: PUBLIC },
  'GET /api/public/schools': { allow: PUBLIC },
  'POST /api/auth/login': { allow: PUBLIC },
  'POST /api/auth/register': { allow: PUBLIC },
  'POST /api/auth/forgot/code': { allow: PUBLIC },
  'POST /api/auth/forgot/reset': { allow: PUBLIC },
  'GET /api/auth/me': { allow: ALL },
  'POST /api/auth/logout': { allow: ALL },
  'POST /api/auth/password': { allow: ALL },
  'POST /api/account/phone/code': { allow: ALL },
  'POST /api/account/phone': { allow: ALL },
  'POST /api/account/email/code': { allow: ALL },
  'POST /api/account/email': { allow: ALL },
  'GET /api/regions': { allow: ALL.filter((r) => r !== 'teacher') },
  'GET /api/schools': { allow: ALL.filter((r) => r !== 'teacher') },
  'GET /api/profile': { allow: ['teacher'] },
  'PUT /api/profile': { allow: ['teacher'] },
  'GET /api/profile/changes': { allow: ['teacher'] },
  'POST /api/profile/changes': { allow: ['teacher'] },
  'POST /api/profile/photos/:kind': { allow: ['teacher'] },
  'GET /api/profile/photos/:kind': { allow: ['teacher'] },
  'GET /api/teachers': { allow: ADMINS_OF_TEACHERS },
  'GET /api/teachers/:id': { allow: ADMINS_OF_TEACHERS, obj: 'teacher' },
  'POST /api/teachers/:id/reveal': { allow: ['school_admin', 'county_admin'], obj: 'teacher' },
  'PUT /api/teachers/:id/key-fields': { allow: REGION_ADMINS, obj: 'teacher', body: { qualificationNumber: '20104500000001' } },
  // on teachers nobody in the matrix logs in as: a reset ends the teacher's sessions
  'POST /api/teachers/:id/password-reset': { allow: ADMINS_OF_TEACHERS, obj: 'quietTeacher' },
  'POST /api/teachers/:id/status': { allow: ADMINS_OF_TEACHERS, obj: 'quietTeacher', body: { status: 'active' } },
  'GET /api/teachers/:id/photos/:kind': { allow: ADMINS_OF_TEACHERS },
  'GET /api/registrations': { allow: ['school_admin'] },
  'POST /api/registrations/:id/approve': { allow: ['school_admin'], obj: 'registration' },
  'POST /api/registrations/:id/reject': { allow: ['school_admin'], obj: 'registration', body: { reason: '测试' } },
  'GET /api/profile-changes': { allow: REGION_ADMINS },
  'POST /api/profile-changes/:id/approve': { allow: REGION_ADMINS, obj: 'profileChange' },
  'POST /api/profile-changes/:id/reject': { allow: REGION_ADMINS, obj: 'profileChange', body: { reason: '测试' } },
  'GET /api/outbox': { allow: ['sys_admin'] },
  // '/api/admin-accounts…' and '/api/admin-account-requests…': test/matrix/admin-accounts.ts
  'GET /api/audit': { allow: ['audit_admin'] },
  'POST /api/audit/verify': { allow: ['audit_admin'] },
  'GET /api/security/locked': { allow: ['security_admin'] },
  'POST /api/security/users/:id/unlock': { allow: ['security_admin'], obj: 'user' },
};
const MATRIX: Record<string, Entry> = Object.assign({}, CORE, ...parts.map((p) => p.entries));

// one demo account per role; the *_2 accounts sit in the other city/county/school
const ACCOUNT: Record<Role, string> = {
  teacher: 'demo-teacher',
  school_admin: 'demo-school',
  county_admin: 'demo-county',
  city_admin: 'demo-city',
  province_admin: 'demo-province',
  institution_admin: 'demo-institution',
  sys_admin: 'demo-sys',
  security_admin: 'demo-security',
  audit_admin: 'demo-audit',
};
const OTHER_SIDE: Partial<Record<Role, string>> = { school_admin: 'demo-school2', county_admin: 'demo-county2', city_admin: 'demo-city2' };

let s: TestServer;
const clients = new Map<string, Client>();
/** object ids on side 1 (demo-school / county / city) and side 2 */
const ids: Record<string, [number, number]> = { teacher: [0, 0], registration: [0, 0], profileChange: [0, 0], user: [0, 0] };

beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  for (const acc of [...Object.values(ACCOUNT), ...Object.values(OTHER_SIDE)]) clients.set(acc, await loginAs(s, acc));
  const t1 = await userIdOf(s, { login: 'demo-teacher' }),
    t2 = await userIdOf(s, { login: 'demo-teacher2' });
  ids.teacher = [t1, t2];
  const quiet: number[] = [];
  for (const t of [t1, t2]) {
    const { school_id } = await s.deps.db.selectFrom('teachers').select('school_id').where('user_id', '=', t).executeTakeFirstOrThrow();
    quiet.push(
      (
        await s.deps.db
          .selectFrom('teachers')
          .innerJoin('users', 'users.id', 'teachers.user_id')
          .select('users.id')
          .where('teachers.school_id', '=', school_id)
          .where('users.login_name', 'is', null)
          .where('users.status', '=', 'active')
          .orderBy('users.id', 'desc')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }
  ids.quietTeacher = [quiet[0]!, quiet[1]!];
  ids.user = [t1, t2];
  // a pending registration and an open change request on each side
  const anon = new Client(s);
  const regs: number[] = [];
  for (const [i, acc] of ['demo-school', 'demo-school2'].entries()) {
    const schoolId = (await clients.get(acc)!.get('/api/auth/me')).body.user.scope.schoolId;
    const idNumber = makeIdNumber(i ? '450202' : '450102', '1992-03-04', 300 + i);
    const r = await anon.post('/api/auth/register', {
      idNumber,
      name: `矩阵${i}`,
      phone: `1370000010${i}`,
      schoolId,
      password: 'Matrix#2026kq',
    });
    expect(r.status).toBe(201);
    regs.push(await userIdOf(s, { idNumber }));
  }
  ids.registration = [regs[0]!, regs[1]!];
  const changes: number[] = [];
  for (const acc of ['demo-teacher', 'demo-teacher2']) {
    const c = acc === 'demo-teacher' ? clients.get(acc)! : await loginAs(s, acc);
    const r = await c.post('/api/profile/changes', { changes: { qualificationNumber: `Q-${acc}` }, reason: '证书更新' });
    expect(r.status).toBe(201);
    changes.push(r.body.change.id);
  }
  ids.profileChange = [changes[0]!, changes[1]!];
  const client = async (acc: string) => clients.get(acc) ?? clients.set(acc, await loginAs(s, acc)).get(acc)!;
  for (const p of parts) Object.assign(ids, await p.setup?.({ s, client }));
});
afterAll(async () => {
  await s?.close();
});

// walking every route with every role is long by design (hundreds of requests): its own time limit
const WALK_MS = 600_000;
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const apiRoutes = () => s.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

function fill(url: string, id: number, params: Record<string, string> = {}) {
  let u = url.replace(':id', String(id)).replace(':kind', 'cert');
  for (const [k, v] of Object.entries(params)) u = u.replace(`:${k}`, v);
  return u;
}

describe(`scope matrix (${TEST_DB})`, () => {
  it('has an entry for every registered route, and every route declares its access', () => {
    const registered = apiRoutes().map(key);
    expect(registered.filter((k) => !MATRIX[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !registered.includes(k))).toEqual([]);
    expect(apiRoutes().filter((r) => !r.access)).toEqual([]);
  });

  it(
    'refuses roles not allowed (403) and anonymous callers (401) on every protected route',
    async () => {
      for (const [k, e] of Object.entries(MATRIX)) {
        if (e.allow === PUBLIC) continue;
        const [method, url] = k.split(' ') as [string, string];
        const path = fill(url, ids[e.obj ?? 'teacher']![0], e.params);
        expect((await new Client(s).request(method, path, e.body ?? {})).status, `${k} anonymous`).toBe(401);
        // the same route through an encoded path must meet the same rule (the router decodes it)
        const encoded = path.replace(/^\/api\//, '/%61pi/');
        expect((await new Client(s).request(method, encoded, e.body ?? {})).status, `${k} anonymous, encoded`).toBe(401);
        for (const role of ALL.filter((r) => !(e.allow as Role[]).includes(r))) {
          const r = await clients.get(ACCOUNT[role])!.request(method, path, e.body ?? {});
          expect(r.status, `${k} as ${role}`).toBe(403);
          const re = await clients.get(ACCOUNT[role])!.request(method, encoded, e.body ?? {});
          expect(re.status, `${k} as ${role}, encoded`).toBe(403);
        }
      }
    },
    WALK_MS,
  );

  it(
    'lets allowed roles through, and answers 404 for objects outside their scope',
    async () => {
      for (const [k, e] of Object.entries(MATRIX)) {
        if (e.allow === PUBLIC) continue;
        const [method, url] = k.split(' ') as [string, string];
        for (const role of e.allow as Role[]) {
          const obj = e.obj ?? 'teacher';
          // out of scope first: the other side's object must be invisible (404) to side-1 admins
          if (e.obj && OTHER_SIDE[role]) {
            const out = await clients.get(ACCOUNT[role])!.request(method, fill(url, ids[obj]![1], e.params), e.body ?? {});
            expect(out.status, `${k} as ${role}, other side's object`).toBe(404);
            const back = await clients.get(OTHER_SIDE[role]!)!.request(method, fill(url, ids[obj]![0], e.params), e.body ?? {});
            expect(back.status, `${k} as ${OTHER_SIDE[role]}, side-1 object`).toBe(404);
          }
          // logout ends the session it is called with, so it gets a fresh one
          const c = k.endsWith('/logout') ? await loginAs(s, ACCOUNT[role]) : clients.get(ACCOUNT[role])!;
          const r = await c.request(method, fill(url, ids[obj]![0], e.params), e.body ?? {});
          expect([401, 403, 500], `${k} as ${role}: ${r.status} ${JSON.stringify(r.body)}`).not.toContain(r.status);
          if (e.obj && obj !== 'user') expect([404], `${k} as ${role}: in-scope object`).not.toContain(r.status);
        }
      }
    },
    WALK_MS,
  );

  it('lets public routes through without a session', async () => {
    for (const [k, e] of Object.entries(MATRIX)) {
      if (e.allow !== PUBLIC) continue;
      const [method, url] = k.split(' ') as [string, string];
      const r = await new Client(s).request(method, fill(url, 0, e.params), {});
      expect([401, 403, 500], `${k}: ${r.status}`).not.toContain(r.status);
    }
  });
});
