// The demo data of training projects: every tab of demo-teacher's 我的专项培训 has something, a review
// waits at demo-county, projects exist in every state, and every quota row adds up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe(`demo projects (${TEST_DB})`, () => {
  it('fills every tab of demo-teacher, with a reason under 未通过 and 合格 with a certificate under 已结束', async () => {
    const t = await loginAs(s, 'demo-teacher');
    const r = await t.get('/api/my/projects?tab=ongoing');
    for (const tab of ['ongoing', 'upcoming', 'ended', 'reviewing', 'returned']) expect(r.body.counts[tab], tab).toBeGreaterThan(0);
    expect(r.body.items[0].enrollment).toMatchObject({ checkins: 1, className: '一班', noticePublished: true });
    const ended = await t.get('/api/my/projects?tab=ended');
    expect(ended.body.items[0].enrollment).toMatchObject({ result: 'passed', resultLabel: '合格', totalScore: expect.any(Number) });
    expect(ended.body.items[0].enrollment.certificateId).not.toBeNull();
    const returned = await t.get('/api/my/projects?tab=returned');
    expect(returned.body.items[0].timeline.at(-1)).toMatchObject({ action: 'returned', reason: expect.stringContaining('名额') });
    const open = await t.get('/api/my/projects/open');
    expect(open.body.items.some((x: { canApply: boolean }) => x.canApply)).toBe(true);
    const t2 = await loginAs(s, 'demo-teacher2');
    const r2 = await t2.get('/api/my/projects?tab=ongoing');
    expect(r2.body.counts).toMatchObject({ ongoing: 1, upcoming: 1, ended: 1, reviewing: 1, returned: 1 });
  });

  it('leaves reviews pending at demo-county and demo-city, and projects in every state', async () => {
    expect((await (await loginAs(s, 'demo-county')).get('/api/enrollments/pending')).body.total).toBeGreaterThanOrEqual(3);
    expect((await (await loginAs(s, 'demo-city')).get('/api/enrollments/pending')).body.total).toBeGreaterThanOrEqual(1);
    const province = await loginAs(s, 'demo-province');
    for (const status of ['draft', 'published', 'closed'])
      expect((await province.get(`/api/projects?status=${status}`)).body.total, status).toBeGreaterThan(0);
  });

  it('keeps every quota row consistent with its children and its enrolments', async () => {
    const db = s.deps.db;
    const rows = await db.selectFrom('project_quotas').selectAll().execute();
    const held = await db
      .selectFrom('enrollments')
      .select(['quota_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['reviewing', 'approved', 'assigned'])
      .where('quota_id', 'is not', null)
      .groupBy('quota_id')
      .execute();
    for (const r of rows) {
      expect(r.granted_below, r.holder).toBe(rows.filter((x) => x.parent_id === r.id).reduce((a, x) => a + x.quota, 0));
      expect(r.used, r.holder).toBe(Number(held.find((h) => h.quota_id === r.id)?.n ?? 0));
    }
  });
});
