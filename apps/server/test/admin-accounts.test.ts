// 三员分立 for accounts, business levels: each level creates the level below it inside its own node,
// resets and disables only those; the system admin creates nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWN, firstLogin } from './admin-accounts-helpers.ts';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const schoolIn = async (county: string) =>
  (await s.deps.db.selectFrom('schools').select('id').where('region_code', '=', county).orderBy('id').executeTakeFirstOrThrow()).id;
const loginNames = (r: { body: { items: { loginName: string }[] } }) => r.body.items.map((a) => a.loginName);

describe(`business admins: created by the level above, inside its node (${TEST_DB})`, () => {
  it('lets the province admin create a city admin, showing the temporary password once, to the creator only', async () => {
    const province = await loginAs(s, 'demo-province');
    const r = await province.post('/api/admin-accounts', {
      loginName: 'guilin-admin',
      name: '桂林市管理员',
      role: 'city_admin',
      regionCode: '4503',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const c = new Client(s);
    const login = await c.login('guilin-admin', r.body.temporaryPassword);
    expect(login.body.user).toMatchObject({ role: 'city_admin', mustChangePassword: true, scope: { regionCode: '4503' } });
    expect((await c.get('/api/teachers')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const list = await province.get('/api/admin-accounts?pageSize=100');
    expect(loginNames(list)).toContain('guilin-admin');
    expect(JSON.stringify(list.body)).not.toContain(r.body.temporaryPassword);
    expect(list.body.abilities).toMatchObject({
      creatableRoles: ['city_admin', 'institution_admin'],
      manage: true,
      propose: false,
      approve: false,
    });
    // the province admin sees the level it looks after, nothing else
    expect(new Set(list.body.items.map((a: { role: string }) => a.role))).toEqual(new Set(['city_admin', 'institution_admin']));
    const row = await s.deps.db
      .selectFrom('users')
      .select('password_hash')
      .where('login_name', '=', 'guilin-admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toContain(r.body.temporaryPassword);
  });

  it('lets the province admin create an institution admin, and nothing below a city or outside the province', async () => {
    const province = await loginAs(s, 'demo-province');
    const inst = (await s.deps.db.selectFrom('institutions').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    expect(
      (
        await province.post('/api/admin-accounts', {
          loginName: 'inst-admin2',
          name: '机构管理员',
          role: 'institution_admin',
          institutionId: inst,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await province.post('/api/admin-accounts', {
          loginName: 'inst-admin3',
          name: 'x',
          role: 'institution_admin',
          institutionId: 999_999,
        })
      ).status,
    ).toBe(404);
    const county = await province.post('/api/admin-accounts', {
      loginName: 'skip-level',
      name: 'x',
      role: 'county_admin',
      regionCode: '450103',
    });
    expect(county.status).toBe(400);
    expect(county.body.message).toMatch(/只能创建：市级管理员、承培机构管理员/);
    for (const role of ['province_admin', 'sys_admin', 'security_admin', 'audit_admin', 'school_admin'])
      expect(
        (await province.post('/api/admin-accounts', { loginName: `p-${role}`.replace(/_/g, '-'), name: 'x', role, regionCode: '45' }))
          .status,
        role,
      ).toBe(400);
    // a city of another province is outside the node: not found
    expect(
      (await province.post('/api/admin-accounts', { loginName: 'gd-city', name: 'x', role: 'city_admin', regionCode: '4401' })).status,
    ).toBe(404);
    const wrongLevel = await province.post('/api/admin-accounts', {
      loginName: 'bad-city',
      name: 'x',
      role: 'city_admin',
      regionCode: '450102',
    });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.message).toMatch(/市级行政区划/);
    expect(
      (await province.post('/api/admin-accounts', { loginName: 'demo-city', name: 'x', role: 'city_admin', regionCode: '4501' })).status,
    ).toBe(409);
    expect(
      await s.deps.db
        .selectFrom('users')
        .select('id')
        .where('login_name', 'in', ['skip-level', 'gd-city', 'bad-city', 'inst-admin3'])
        .execute(),
    ).toEqual([]);
  });

  it('lets a city admin create county admins of its own counties only', async () => {
    const city = await loginAs(s, 'demo-city'); // 南宁市 4501
    const r = await city.post('/api/admin-accounts', {
      loginName: 'qingxiu-admin',
      name: '青秀区管理员',
      role: 'county_admin',
      regionCode: '450103',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const login = await new Client(s).login('qingxiu-admin', r.body.temporaryPassword);
    expect(login.body.user).toMatchObject({ role: 'county_admin', scope: { regionCode: '450103', regionName: '青秀区' } });
    expect(
      (await city.post('/api/admin-accounts', { loginName: 'chengzhong2', name: 'x', role: 'county_admin', regionCode: '450202' })).status,
    ).toBe(404);
    expect(
      (
        await city.post('/api/admin-accounts', {
          loginName: 'city-school',
          name: 'x',
          role: 'school_admin',
          schoolId: await schoolIn('450102'),
        })
      ).status,
    ).toBe(400);
    expect(loginNames(await city.get('/api/admin-accounts?pageSize=100'))).toEqual(
      expect.arrayContaining(['qingxiu-admin', 'demo-county']),
    );
    expect(loginNames(await city.get('/api/admin-accounts?pageSize=100'))).not.toContain('demo-county2');
    expect(loginNames(await (await loginAs(s, 'demo-city2')).get('/api/admin-accounts?pageSize=100'))).not.toContain('qingxiu-admin');
  });

  it('lets a county admin create school admins of its own schools only', async () => {
    const county = await loginAs(s, 'demo-county'); // 兴宁区 450102
    const r = await county.post('/api/admin-accounts', {
      loginName: 'xingning-school',
      name: '兴宁学校管理员',
      role: 'school_admin',
      schoolId: await schoolIn('450102'),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(
      (
        await county.post('/api/admin-accounts', {
          loginName: 'other-school',
          name: 'x',
          role: 'school_admin',
          schoolId: await schoolIn('450202'),
        })
      ).status,
    ).toBe(404);
    expect(loginNames(await county.get('/api/admin-accounts?pageSize=100'))).toEqual(
      expect.arrayContaining(['xingning-school', 'demo-school']),
    );
    const other = await (await loginAs(s, 'demo-county2')).get('/api/admin-accounts?pageSize=100');
    expect(loginNames(other)).toContain('demo-school2');
    expect(loginNames(other)).not.toContain('xingning-school');
  });

  it('lets the creator reset a password and disable an account in its scope, and answers 404 outside it', async () => {
    const city = await loginAs(s, 'demo-city');
    const made = await city.post('/api/admin-accounts', {
      loginName: 'liangqing-admin',
      name: '良庆区管理员',
      role: 'county_admin',
      regionCode: '450108',
    });
    expect(made.status).toBe(201);
    const id = made.body.id;
    const holder = await firstLogin(s, 'liangqing-admin', made.body.temporaryPassword);
    for (const acc of ['demo-city2', 'demo-province', 'demo-county', 'demo-school']) {
      const c = await loginAs(s, acc);
      expect((await c.post(`/api/admin-accounts/${id}/password-reset`)).status, acc).toBe(acc === 'demo-school' ? 403 : 404);
      expect((await c.post(`/api/admin-accounts/${id}/status`, { status: 'disabled' })).status, acc).toBe(
        acc === 'demo-school' ? 403 : 404,
      );
    }
    // a teacher or the creator's own account is not an admin account it looks after
    expect((await city.post(`/api/admin-accounts/${await userIdOf(s, { login: 'demo-teacher' })}/password-reset`)).status).toBe(404);
    expect(
      (await city.post(`/api/admin-accounts/${await userIdOf(s, { login: 'demo-city' })}/status`, { status: 'disabled' })).status,
    ).toBe(404);

    const reset = await city.post(`/api/admin-accounts/${id}/password-reset`);
    expect(reset.status).toBe(200);
    expect((await holder.get('/api/auth/me')).status).toBe(401); // sessions end
    expect((await new Client(s).login('liangqing-admin', OWN)).status).toBe(401);
    expect((await new Client(s).login('liangqing-admin', reset.body.temporaryPassword)).body.user.mustChangePassword).toBe(true);

    const again = await loginAs(s, 'liangqing-admin', reset.body.temporaryPassword);
    expect((await city.post(`/api/admin-accounts/${id}/status`, { status: 'disabled' })).status).toBe(200);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(s).login('liangqing-admin', reset.body.temporaryPassword)).status).not.toBe(200);
    expect((await city.post(`/api/admin-accounts/${id}/status`, { status: 'active' })).status).toBe(200);
    expect((await new Client(s).login('liangqing-admin', reset.body.temporaryPassword)).status).toBe(200);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', String(id))
      .where('action', 'like', 'adminAccount.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'adminAccount.create',
      'adminAccount.password.reset',
      'adminAccount.disable',
      'adminAccount.enable',
    ]);
  });

  it('refuses the system admin any account with business, audit or security power', async () => {
    const sys = await loginAs(s, 'demo-sys');
    for (const [role, extra] of [
      ['province_admin', { regionCode: '45' }],
      ['city_admin', { regionCode: '4503' }],
      ['county_admin', { regionCode: '450103' }],
      ['school_admin', { schoolId: await schoolIn('450102') }],
      ['institution_admin', { institutionId: 1 }],
      ['security_admin', {}],
      ['audit_admin', {}],
      ['sys_admin', {}],
    ] as const) {
      const r = await sys.post('/api/admin-accounts', { loginName: `sys-made-${role.split('_')[0]}`, name: 'x', role, ...extra });
      expect(r.status, role).toBe(403);
    }
    const county = await userIdOf(s, { login: 'demo-county' });
    expect((await sys.post(`/api/admin-accounts/${county}/password-reset`)).status).toBe(403);
    expect((await sys.post(`/api/admin-accounts/${county}/status`, { status: 'disabled' })).status).toBe(403);
    expect((await sys.get('/api/admin-account-requests')).status).toBe(403);
    expect(
      (
        await sys.post('/api/admin-account-requests', {
          action: 'create',
          role: 'audit_admin',
          loginName: 'sys-audit',
          name: 'x',
          reason: '试试',
        })
      ).status,
    ).toBe(403);
    // it may read the directory, and is told it can change nothing
    const list = await sys.get('/api/admin-accounts?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.abilities).toMatchObject({ creatableRoles: [], manage: false, propose: false, approve: false });
    expect(loginNames(list)).toEqual(expect.arrayContaining(['demo-province', 'demo-county2', 'demo-audit']));
    expect(await s.deps.db.selectFrom('users').select('id').where('login_name', 'like', 'sys-%').execute()).toEqual([]);
  });
});
