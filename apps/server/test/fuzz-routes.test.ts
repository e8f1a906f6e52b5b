// Every registered route, fuzzed from its own schemas with the inputs an outside test broke it with:
// NUL characters, integers at and past 2³¹, null where a value is required, absurd numbers and shapes.
// The answer may be anything but a 500; a 400 says what is wrong in Chinese. New routes are covered
// without an edit here because the walk starts from the router's table.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANTS, type Permission } from '../src/access/policy.ts';
import type { RouteEntry } from '../src/app.ts';
import { TEST_DB, loginAs, startTestServer, Client, type TestServer } from './harness.ts';

const ACCOUNT: Record<string, string> = {
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
const HOSTILE_VALUES: unknown[] = [
  null,
  2 ** 31,
  2 ** 53,
  -(2 ** 31) - 1,
  1e308,
  -1,
  0,
  1.5,
  'a\u0000b',
  '\u0000',
  '',
  ' ',
  'x'.repeat(5000),
  '2147483648',
  '99999999999999999999',
  [],
  {},
  [null],
  { a: '\u0000' },
  true,
  '1',
  'null',
  '9999-99-99',
  '\u202e',
];
const HOSTILE_PARAMS = ['2147483648', '99999999999999999999', '-1', '0', '1e400', '%00', 'a%00b', 'null', '1.5', '%E2%80%AE', '1'];
const HOSTILE_QUERY = ['2147483648', '99999999999999999999', '-1', '%00', 'a%00b', 'null', '', '1', '9999-99-99'];

let s: TestServer;
const clients = new Map<string, Client>();

beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 100_000, codesPerHourPerTarget: 100_000 } });
});
afterAll(async () => {
  await s?.close();
});

async function clientFor(access: string | undefined): Promise<Client> {
  if (access === 'public') return new Client(s);
  const roles = access === 'session' ? ['teacher'] : ((GRANTS[access as Permission] as readonly string[] | null) ?? ['teacher']);
  const account = ACCOUNT[roles[0]!]!;
  if (!clients.has(account)) clients.set(account, await loginAs(s, account));
  return clients.get(account)!;
}

function shapeOf(schema: unknown): Record<string, unknown> | null {
  const z = schema as {
    shape?: Record<string, unknown>;
    _zod?: { def?: { shape?: Record<string, unknown>; in?: unknown; innerType?: unknown } };
  };
  if (!z) return null;
  if (z.shape) return z.shape;
  const def = z._zod?.def;
  if (def?.shape) return def.shape;
  if (def?.in) return shapeOf(def.in);
  if (def?.innerType) return shapeOf(def.innerType);
  return null;
}

function requestArb(r: RouteEntry) {
  const params = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const queryKeys = Object.keys(shapeOf(r.schema?.querystring) ?? {});
  const bodyShape = shapeOf(r.schema?.body);
  const bodyKeys = Object.keys(bodyShape ?? {});
  return fc.record({
    params: fc.tuple(...params.map(() => fc.constantFrom(...HOSTILE_PARAMS))),
    query: fc
      .subarray(queryKeys)
      .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...HOSTILE_QUERY).map((v) => [k, v] as const)))),
    body: bodyShape
      ? fc
          .subarray(bodyKeys, { minLength: Math.min(1, bodyKeys.length) })
          .chain((keys) =>
            fc
              .tuple(...keys.map((k) => fc.constantFrom(...HOSTILE_VALUES).map((v) => [k, v] as const)))
              .map((kv) => Object.fromEntries(kv)),
          )
      : fc.constantFrom<unknown>(null, [], 'x\u0000', { a: null }, [{ id: 2 ** 31 }], {}),
  });
}

function target(r: RouteEntry, sample: { params: string[]; query: (readonly [string, string])[] }) {
  let i = 0;
  const path = r.url.replace(/:[A-Za-z]+/g, () => sample.params[i++] ?? '1');
  const qs = sample.query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&');
  return qs ? `${path}?${qs}` : path;
}

const CJK = /[\u4e00-\u9fff]/;

describe(`every route survives hostile input (${TEST_DB})`, () => {
  it('answers NUL, 2³¹, null and absurd values with a 4xx in Chinese, never a 500', async () => {
    const broken: string[] = [];
    const routes = s.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(100);
    for (const r of routes) {
      await fc.assert(
        fc.asyncProperty(requestArb(r), async (sample) => {
          let c = await clientFor(r.access);
          const url = target(r, sample);
          const body = r.method === 'GET' || r.method === 'DELETE' ? undefined : sample.body;
          let res = await c.request(r.method, url, body);
          if (res.status === 401 && r.access !== 'public') {
            // e.g. a logout in an earlier sample ended the session
            clients.clear();
            c = await clientFor(r.access);
            res = await c.request(r.method, url, body);
          }
          if (res.status >= 500) broken.push(`${r.method} ${url} ${JSON.stringify(body)?.slice(0, 120)} → ${res.status}`);
          else if (res.status === 400 && !CJK.test(String(res.body?.message)))
            broken.push(`${r.method} ${url} → 400 without a Chinese message: ${JSON.stringify(res.body)}`);
        }),
        { numRuns: 12, seed: 20261129 },
      );
    }
    expect(broken).toEqual([]);
  }, 600_000);

  it('refuses the inputs the outside test found, with a 400', async () => {
    const county = await loginAs(s, 'demo-county');
    const anon = new Client(s);
    expect((await anon.post('/api/auth/login', { account: 'demo\u0000teacher', password: 'x' })).status).toBe(400);
    expect((await county.get('/api/teachers?schoolId=2147483648')).status).toBe(400);
    expect((await county.get('/api/teachers/2147483648')).status).toBe(400);
    const inst = await loginAs(s, 'demo-institution');
    expect((await inst.get('/api/classes/2147483648')).status).toBe(400);
    const teacherId = (await county.get('/api/teachers?pageSize=1')).body.items[0].id;
    const r = await county.put(`/api/teachers/${teacherId}/key-fields`, { personnelStatus: null });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(CJK);
  });
});
