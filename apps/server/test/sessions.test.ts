import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 8, codesPerHourPerTarget: 5 } });
});
afterAll(async () => {
  await s?.close();
});

describe(`sessions and limits (${TEST_DB})`, () => {
  it('ends every session of an account an admin disables, and refuses its logins', async () => {
    const teacher = await loginAs(s, 'demo-teacher');
    const id = await userIdOf(s, { login: 'demo-teacher' });
    const admin = await loginAs(s, 'demo-school');
    expect((await admin.post(`/api/teachers/${id}/status`, { status: 'disabled' })).status).toBe(200);
    expect((await teacher.get('/api/auth/me')).status).toBe(401);
    const again = await new Client(s, '10.9.9.9').login('demo-teacher');
    expect(again.status).toBe(403);
    expect(again.body.message).toMatch(/停用/);
    expect((await admin.post(`/api/teachers/${id}/status`, { status: 'active' })).status).toBe(200);
    expect((await new Client(s, '10.9.9.9').login('demo-teacher')).status).toBe(200);
  });

  it('ends a session after the absolute lifetime even when it is used', async () => {
    const c = await loginAs(s, 'demo-teacher2');
    await s.deps.db
      .updateTable('sessions')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', await userIdOf(s, { login: 'demo-teacher2' }))
      .execute();
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits logins per IP', async () => {
    const c = new Client(s, '10.1.2.3');
    const codes: number[] = [];
    // a different account each time: five failures on one account lock it (423) before the rate limit
    for (let i = 0; i < 10; i++) codes.push((await c.login(`no-such-user-${i}`, 'Whatever1!')).status);
    expect(codes.slice(0, 8).every((x) => x === 401)).toBe(true);
    expect(codes[9]).toBe(429);
    // another address is not affected
    expect((await new Client(s, '10.1.2.4').login('demo-county')).status).toBe(200);
  });
});

describe('platform surface', () => {
  it('serves the OpenAPI reference with every route', async () => {
    const docs = await new Client(s).get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(String(docs.raw.body)).toContain('<html');
    const spec = (await new Client(s).get('/api/openapi.json')).body;
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/teachers/{id}', '/api/audit/verify']));
  });

  it("keeps the README's demo facts true", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(s.demo.teacherIdNumber);
    expect(readme).toContain(s.demo.teacher2IdNumber);
    expect(readme).toContain(`${s.demo.importedIdNumber}\`, password \`${s.demo.importedIdNumber.slice(-6)}`);
  });
});

describe(`another province (${TEST_DB})`, () => {
  it('runs for Hebei (13) with its own divisions and title', async () => {
    const hb = await startTestServer({ provinceCode: '13' });
    try {
      const cfg = (await new Client(hb).get('/api/public/config')).body;
      expect(cfg).toMatchObject({ provinceCode: '13', provinceName: '河北省', title: '河北中小学教师培训管理信息系统' });
      const cities = (await new Client(hb).get('/api/public/regions')).body.items.map((c: { name: string }) => c.name);
      expect(cities).toContain('石家庄市');
      const t = await loginAs(hb, 'demo-teacher');
      expect((await t.get('/api/profile')).body.profile.regionName).toBe('石家庄市');
    } finally {
      await hb.close();
    }
  });
});
