import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(async () => { await s?.close(); });

describe(`admin accounts (${TEST_DB})`, () => {
  it('creates a county admin with a one-time password that must be changed', async () => {
    const sys = await loginAs(s, 'demo-sys');
    const r = await sys.post('/api/admin-accounts', { loginName: 'qingxiu-admin', name: '青秀区管理员', role: 'county_admin', regionCode: '450103' });
    expect(r.status).toBe(201);
    const c = new Client(s);
    const login = await c.login('qingxiu-admin', r.body.temporaryPassword);
    expect(login.body.user).toMatchObject({ role: 'county_admin', mustChangePassword: true, scope: { regionCode: '450103', regionName: '青秀区' } });
    expect((await c.get('/api/teachers')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const list = await sys.get('/api/admin-accounts?role=county_admin');
    expect(list.body.items.map((a: { loginName: string }) => a.loginName)).toContain('qingxiu-admin');
  });

  it('refuses a scope of the wrong kind and a taken login name, changing nothing', async () => {
    const sys = await loginAs(s, 'demo-sys');
    const before = (await sys.get('/api/admin-accounts?pageSize=100')).body.total;
    const wrong = await sys.post('/api/admin-accounts', { loginName: 'bad-city', name: 'x', role: 'city_admin', regionCode: '450102' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/市级行政区划/);
    expect((await sys.post('/api/admin-accounts', { loginName: 'demo-city', name: 'x', role: 'city_admin', regionCode: '4501' })).status).toBe(409);
    expect((await sys.post('/api/admin-accounts', { loginName: '1bad', name: 'x', role: 'sys_admin' })).status).toBe(400);
    expect((await sys.get('/api/admin-accounts?pageSize=100')).body.total).toBe(before);
  });
});

describe(`first start without demo data (${TEST_DB})`, () => {
  it('creates only the system admin, with a printed one-time password', async () => {
    const bare = await startTestServer({ demoData: false });
    try {
      expect(bare.firstAdminPassword).toMatch(/^Sx/);
      const users = await bare.deps.db.selectFrom('users').select('login_name').execute();
      expect(users.map((u) => u.login_name)).toEqual(['admin']);
      const c = new Client(bare);
      expect((await c.login('admin', bare.firstAdminPassword!)).body.user.mustChangePassword).toBe(true);
      const regions = await bare.deps.db.selectFrom('regions').select('code').execute();
      expect(regions.length).toBeGreaterThan(100); // the region tree is reference data, always there
    } finally {
      await bare.close();
    }
  });
});
