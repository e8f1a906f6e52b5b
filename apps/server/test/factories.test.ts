// The factories make what the platform makes: a new teacher is in the right admins' scope and nobody else's,
// logs in, and carries its profile; a new project is published and seen by the areas it aims at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProject, newTeacher } from './factories.ts';
import { loginAs, startTestServer, TEST_DB, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
});
afterAll(() => s?.close());

describe(`factories (${TEST_DB})`, () => {
  it('newTeacher: logs in, holds its profile, and is seen by its school and county only', async () => {
    const t = await newTeacher(s, { name: '工厂教师', profile: { hireDate: '2026-03-01', workStartDate: '2026-03-01' } });
    const me = await (await t.client()).get('/api/profile');
    expect(me.status).toBe(200);
    expect(me.body.profile).toMatchObject({ name: '工厂教师', hireDate: '2026-03-01' });
    const school = await loginAs(s, 'demo-school');
    expect((await school.get(`/api/teachers/${t.id}`)).status).toBe(200);
    expect((await (await loginAs(s, 'demo-county')).get(`/api/teachers/${t.id}`)).status).toBe(200);
    const otherCounty = await loginAs(s, 'demo-county2');
    const seen = await otherCounty.get(`/api/teachers/${t.id}`);
    expect([403, 404]).toContain(seen.status);
    // personal numbers are sealed at rest like every other account's
    const row = await s.deps.db.selectFrom('users').select(['id_number_bidx']).where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.id_number_bidx).toBeTruthy();
  });

  it('newTeacher: two calls make two different people', async () => {
    const [a, b] = [await newTeacher(s), await newTeacher(s)];
    expect(a.id).not.toBe(b.id);
    expect(a.idNumber).not.toBe(b.idNumber);
    expect(a.phone).not.toBe(b.phone);
  });

  it('newProject: a published provincial project the county sees, a draft it does not', async () => {
    const pub = await newProject(s, { name: '工厂项目（已发布）' });
    const draft = await newProject(s, { name: '工厂项目（草稿）' }, { publish: false });
    const county = await loginAs(s, 'demo-county');
    expect((await county.get(`/api/projects/${pub.id}`)).status).toBe(200);
    expect((await county.get(`/api/projects/${draft.id}`)).status).toBe(404);
  });
});
