// 三员分立 for the platform's own accounts: they change only by two people (security admin proposes,
// audit admin approves), and a first start creates them with one-time passwords. The outbox (the system
// admin's view) shows masked recipients, and message bodies only on a development outbox.
import { loadConfig } from '../src/config.ts';
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

describe(`platform accounts: the security admin proposes, an audit admin approves (${TEST_DB})`, () => {
  const propose = (c: Client, body: object) => c.post('/api/admin-account-requests', { reason: '人员调整', ...body });
  const pending = async (c: Client) =>
    (await c.get('/api/admin-account-requests?status=pending&pageSize=100')).body.items as {
      id: number;
      version: number;
      loginName: string;
      canDecide: boolean;
    }[];

  it('creates an audit admin only after a second person approves; the proposer cannot approve; the password is shown once', async () => {
    const security = await loginAs(s, 'demo-security');
    const audit = await loginAs(s, 'demo-audit');
    const p = await propose(security, { action: 'create', role: 'audit_admin', loginName: 'audit2', name: '审计管理员二' });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(await s.deps.db.selectFrom('users').select('id').where('login_name', '=', 'audit2').execute()).toEqual([]);
    expect((await propose(security, { action: 'create', role: 'audit_admin', loginName: 'audit2', name: '又一个' })).status).toBe(409);
    // the proposer holds no approval power, and the list says so
    expect((await security.post(`/api/admin-account-requests/${p.body.id}/decision`, { version: 1, approve: true })).status).toBe(403);
    expect((await pending(security)).find((q) => q.id === p.body.id)).toMatchObject({ loginName: 'audit2', canDecide: false });
    expect((await pending(audit)).find((q) => q.id === p.body.id)).toMatchObject({ canDecide: true });

    const ok = await audit.post(`/api/admin-account-requests/${p.body.id}/decision`, { version: 1, approve: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.temporaryPassword).toMatch(/^Sx/);
    const again = await audit.post(`/api/admin-account-requests/${p.body.id}/decision`, { version: 1, approve: true });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).not.toContain(ok.body.temporaryPassword);
    const all = await audit.get('/api/admin-account-requests?pageSize=100');
    expect(all.body.items.find((q: { id: number }) => q.id === p.body.id)).toMatchObject({ status: 'approved', decidedBy: '审计管理员' });
    expect(JSON.stringify(all.body)).not.toContain(ok.body.temporaryPassword);
    expect(JSON.stringify((await security.get('/api/admin-account-requests?pageSize=100')).body)).not.toContain(ok.body.temporaryPassword);
    const c = await firstLogin(s, 'audit2', ok.body.temporaryPassword);
    expect((await c.get('/api/auth/me')).body.user.role).toBe('audit_admin');
  });

  it('lets exactly one of two approvers win; the loser gets 409 and no password', async () => {
    const security = await loginAs(s, 'demo-security');
    const audit = await loginAs(s, 'demo-audit');
    const audit2 = await loginAs(s, 'audit2', OWN);
    const made = await propose(security, { action: 'create', role: 'province_admin', loginName: 'province2', name: '省级项目管理员二' });
    const created = await audit2.post(`/api/admin-account-requests/${made.body.id}/decision`, { version: 1, approve: true });
    expect(created.status).toBe(200);
    expect((await new Client(s).login('province2', created.body.temporaryPassword)).body.user).toMatchObject({
      role: 'province_admin',
      scope: { regionCode: '45' },
    });

    const reset = await propose(security, { action: 'reset_password', userId: created.body.userId });
    expect(reset.status).toBe(201);
    const both = await Promise.all(
      [audit, audit2].map((c) => c.post(`/api/admin-account-requests/${reset.body.id}/decision`, { version: 1, approve: true })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.status === 200)!;
    expect((await new Client(s).login('province2', winner.body.temporaryPassword)).status).toBe(200);
    expect((await new Client(s).login('province2', created.body.temporaryPassword)).status).toBe(401);
  });

  it('refuses self-approval even where one person could reach both steps, and needs a reason to reject', async () => {
    const auditId = await userIdOf(s, { login: 'demo-audit' });
    // a request filed by the audit admin itself (as if it also held the proposer's role): it may not decide it
    const own = await s.deps.db
      .insertInto('admin_account_requests')
      .values({ action: 'create', role: 'sys_admin', login_name: 'self-made', name: 'x', reason: '自批', requested_by: auditId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const audit = await loginAs(s, 'demo-audit');
    const r = await audit.post(`/api/admin-account-requests/${own.id}/decision`, { version: 1, approve: true });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('不能审批自己提出的申请');
    expect(await s.deps.db.selectFrom('users').select('id').where('login_name', '=', 'self-made').execute()).toEqual([]);
    await expect(
      s.deps.db.updateTable('admin_account_requests').set({ decided_by: auditId }).where('id', '=', own.id).execute(),
    ).rejects.toThrow();

    const security = await loginAs(s, 'demo-security');
    const p = await propose(security, { action: 'create', role: 'sys_admin', loginName: 'sys2', name: '系统管理员二' });
    expect((await audit.post(`/api/admin-account-requests/${p.body.id}/decision`, { version: 1, approve: false })).status).toBe(400);
    expect(
      (await audit.post(`/api/admin-account-requests/${p.body.id}/decision`, { version: 1, approve: false, reason: '无此岗位' })).status,
    ).toBe(200);
    expect(await s.deps.db.selectFrom('users').select('id').where('login_name', '=', 'sys2').execute()).toEqual([]);
  });

  it('acts only on platform accounts, never on the proposer itself, and keeps the last audit admin', async () => {
    const security = await loginAs(s, 'demo-security');
    expect((await propose(security, { action: 'reset_password', userId: await userIdOf(s, { login: 'demo-city' }) })).status).toBe(404);
    expect((await propose(security, { action: 'disable', userId: await userIdOf(s, { login: 'demo-teacher' }) })).status).toBe(404);
    expect((await propose(security, { action: 'reset_password', userId: await userIdOf(s, { login: 'demo-security' }) })).status).toBe(403);
    const sys = await propose(security, { action: 'disable', userId: await userIdOf(s, { login: 'demo-sys' }) });
    expect(sys.status).toBe(201);
    expect((await propose(security, { action: 'disable', userId: await userIdOf(s, { login: 'demo-sys' }) })).status).toBe(409); // one open request per account
    const audit = await loginAs(s, 'demo-audit');
    expect(
      (await audit.post(`/api/admin-account-requests/${sys.body.id}/decision`, { version: 1, approve: false, reason: '撤回' })).status,
    ).toBe(200);
    // audit admins do not propose
    expect(
      (await propose(await loginAs(s, 'audit2', OWN), { action: 'disable', userId: await userIdOf(s, { login: 'demo-sys' }) })).status,
    ).toBe(403);
    // two audit admins: one may go; the last one stays, or nothing could be approved again
    const d = await propose(security, { action: 'disable', userId: await userIdOf(s, { login: 'audit2' }) });
    expect(d.status).toBe(201);
    expect((await audit.post(`/api/admin-account-requests/${d.body.id}/decision`, { version: 1, approve: true })).status).toBe(200);
    expect((await new Client(s).login('audit2', OWN)).status).not.toBe(200);
    const last = await propose(security, { action: 'disable', userId: await userIdOf(s, { login: 'demo-audit' }) });
    expect(last.status).toBe(409);
    expect(last.body.message).toMatch(/最后一个启用的审计管理员/);
  });
});

describe(`outbox (${TEST_DB})`, () => {
  const sendCode = async (server: TestServer) => {
    expect((await new Client(server).post('/api/auth/forgot/code', { account: '13800000001' })).status).toBe(200);
    return (await server.deps.db.selectFrom('outbox').select('body').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).body;
  };

  it('shows delivery status and masked recipients, never the message with the code', async () => {
    const body = await sendCode(s);
    const code = /(\d{6})/.exec(body)![1]!;
    const r = await (await loginAs(s, 'demo-sys')).get('/api/outbox');
    expect(r.status).toBe(200);
    expect(r.body.devOutbox).toBe(false);
    expect(r.body.items[0]).toMatchObject({ channel: 'sms', recipient: '138****0001', status: 'sent', statusLabel: '已发送' });
    expect(r.body.items[0]).not.toHaveProperty('body');
    expect(JSON.stringify(r.body)).not.toContain(code);
    expect(JSON.stringify(r.body)).not.toContain('13800000001');
    for (const acc of ['demo-security', 'demo-audit', 'demo-province'])
      expect((await (await loginAs(s, acc)).get('/api/outbox')).status, acc).toBe(403);
  });

  it('shows the bodies on a development outbox only, which production refuses', async () => {
    const dev = await startTestServer({ devOutbox: true });
    try {
      const body = await sendCode(dev);
      const r = await (await loginAs(dev, 'demo-sys')).get('/api/outbox');
      expect(r.body.devOutbox).toBe(true);
      expect(r.body.items[0]).toMatchObject({ recipient: '138****0001', body });
    } finally {
      await dev.close();
    }
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://px.example.gov.cn', DEV_OUTBOX: 'true' })).toThrow(/DEV_OUTBOX/);
  });
});

describe(`first start without demo data (${TEST_DB})`, () => {
  it('creates the three separated admins and one province admin, each with a one-time password', async () => {
    const bare = await startTestServer({ demoData: false });
    try {
      const accounts = bare.firstAccounts!;
      expect(accounts.map((a) => [a.loginName, a.role])).toEqual([
        ['admin', 'sys_admin'],
        ['security', 'security_admin'],
        ['audit', 'audit_admin'],
        ['province', 'province_admin'],
      ]);
      expect(bare.firstAdminPassword).toBe(accounts[0]!.password);
      const users = await bare.deps.db.selectFrom('users').select('login_name').orderBy('id').execute();
      expect(users.map((u) => u.login_name)).toEqual(['admin', 'security', 'audit', 'province']);
      const pw = Object.fromEntries(accounts.map((a) => [a.loginName, a.password]));
      expect(new Set(Object.values(pw)).size).toBe(4);
      for (const p of Object.values(pw)) expect(p).toMatch(/^Sx/);
      const province = await firstLogin(bare, 'province', pw.province!);
      expect(
        (await province.post('/api/admin-accounts', { loginName: 'nanning', name: '南宁市管理员', role: 'city_admin', regionCode: '4501' }))
          .status,
      ).toBe(201);
      const sys = await firstLogin(bare, 'admin', pw.admin!);
      expect(
        (await sys.post('/api/admin-accounts', { loginName: 'nanning2', name: 'x', role: 'city_admin', regionCode: '4501' })).status,
      ).toBe(403);
      const regions = await bare.deps.db.selectFrom('regions').select('code').execute();
      expect(regions.length).toBeGreaterThan(100); // the region tree is reference data, always there
    } finally {
      await bare.close();
    }
  });
});
