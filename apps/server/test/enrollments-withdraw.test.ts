// Issue 10's defects on the teacher's side of enrolments, on a real database: 撤回 an application
// while it waits at the school (the place given back, audited, racing an approval: one winner), the
// project detail showing the enrolment's real state with 进入远程学习 closed until it may be used (and
// the institution's contact where there is no platform), timelines ordered by time, and where an
// approved application's place comes from when the nearest row is full (a project setting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from './harness.ts';
import { TEST_DB, userIdOf } from './harness.ts';
import { enrollmentWorld, openProject, worldHelpers } from './enrollments-world.ts';
import { createProject, grant, projectBody, select, type DemoNodes } from './projects-fixtures.ts';

let s: TestServer;
let c: Record<string, Client> = {};
let n: DemoNodes;
beforeAll(async () => {
  ({ s, c, n } = await enrollmentWorld());
});
afterAll(async () => {
  await s?.close();
});
const { enrollment, events, quotaOf } = worldHelpers(() => ({ s, c }));

const apply = async (acc: string, p: number) => {
  const r = await c[acc]!.post(`/api/projects/${p}/apply`);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.enrollmentId as number;
};
const auditOf = async (id: number) =>
  (
    await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'enrollment')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute()
  ).map((a) => a.action);

describe(`撤回申报 (${TEST_DB})`, () => {
  let p = 0;
  beforeAll(async () => {
    p = await createProject(s, c['demo-province']!, { name: '撤回测试项目', quota: 5, targetRegionCodes: [n.county], ...openProject() });
  });

  it('withdraws my application at the school: in no tab, timeline and audit written, and I may apply again', async () => {
    const id = await apply('t0', p);
    const card = (await c['t0']!.get('/api/my/projects?tab=reviewing')).body.items.find(
      (x: { enrollment: { id: number } }) => x.enrollment.id === id,
    );
    expect(card.enrollment).toMatchObject({ canWithdraw: true, version: 1 });
    const r = await c['t0']!.post(`/api/my/enrollments/${id}/withdraw`, { version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ id, status: 'withdrawn', version: 2 });
    expect(await enrollment(id)).toMatchObject({ status: 'withdrawn', quota_id: null });
    expect((await events(id)).map((e) => e.action)).toEqual(['applied', 'withdrawn']);
    expect(await auditOf(id)).toEqual(['enrollment.apply', 'enrollment.withdraw']);
    const tabs = (await c['t0']!.get('/api/my/projects?tab=reviewing')).body;
    expect(tabs.items.some((x: { enrollment: { id: number } }) => x.enrollment.id === id)).toBe(false);
    expect((await c['demo-school']!.get(`/api/enrollments/pending?projectId=${p}`)).body.items).toEqual([]);
    // withdrawing again: the answer says it is done already; nothing changes
    const again = await c['t0']!.post(`/api/my/enrollments/${id}/withdraw`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('该申报已经撤回');
    expect(await apply('t0', p)).toBe(id);
    expect(await enrollment(id)).toMatchObject({ status: 'reviewing', stage: 'school', version: 3 });
  });

  it('gives back a place the application holds, in the same transaction', async () => {
    const id = await apply('t1', p);
    // an application restarted in place may still point at a row: the withdrawal frees it
    const root = await s.deps.db.selectFrom('project_quotas').select(['id']).where('project_id', '=', p).executeTakeFirstOrThrow();
    await s.deps.db.updateTable('project_quotas').set({ used: 1 }).where('id', '=', root.id).execute();
    await s.deps.db.updateTable('enrollments').set({ quota_id: root.id }).where('id', '=', id).execute();
    const r = await c['t1']!.post(`/api/my/enrollments/${id}/withdraw`, { version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await quotaOf(p, n.province)).toMatchObject({ used: 0 });
    expect(await enrollment(id)).toMatchObject({ status: 'withdrawn', quota_id: null });
  });

  it('refuses once the school has approved, for selections, for stale versions, for others and for admins', async () => {
    const id = await apply('t2', p);
    expect((await c['demo-school']!.post(`/api/enrollments/${id}/approve`, { version: 1 })).status).toBe(200);
    const late = await c['t2']!.post(`/api/my/enrollments/${id}/withdraw`, { version: 2 });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('该申报已通过学校审核（当前待区县审核），不能撤回；如不能参加，请联系所在学校或区县');
    expect(await quotaOf(p, n.province)).toMatchObject({ used: 1 });
    const card = (await c['t2']!.get('/api/my/projects?tab=reviewing')).body.items[0];
    expect(card.enrollment).toMatchObject({ id, canWithdraw: false });

    const mine = await apply('t3', p);
    const stale = await c['t3']!.post(`/api/my/enrollments/${mine}/withdraw`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/请刷新/);
    // another teacher's enrolment does not exist for me; admins may not withdraw for the teacher
    expect((await c['t4']!.post(`/api/my/enrollments/${mine}/withdraw`, { version: 1 })).status).toBe(404);
    expect((await c['demo-school']!.post(`/api/my/enrollments/${mine}/withdraw`, { version: 1 })).status).toBe(403);
    expect((await c['demo-county']!.post(`/api/my/enrollments/${mine}/withdraw`, { version: 1 })).status).toBe(403);
    expect((await c['t4']!.post('/api/my/enrollments/999999/withdraw', { version: 1 })).status).toBe(404);
    expect(await enrollment(mine)).toMatchObject({ status: 'reviewing', version: 1 });

    // a county's selection is not the teacher's application
    const q = await createProject(s, c['demo-province']!, { name: '遴选项目', quota: 2, targetRegionCodes: [n.county] });
    await grant(c['demo-province']!, q, n.city, 2);
    await grant(c['demo-city']!, q, n.county, 1);
    const [sel] = await select(c['demo-county']!, q, [await userIdOf(s, { login: 'demo-teacher' })]);
    const r = await c['demo-teacher']!.post(`/api/my/enrollments/${sel}/withdraw`, { version: 1 });
    expect(r.status).toBe(409);
    expect(r.body.message).toBe('该报名由管理员遴选产生，不能撤回；如不能参加，请联系所在学校或区县');
  });

  it('racing the school’s approval, exactly one of approve and withdraw wins and the counters agree', async () => {
    for (let round = 0; round < 4; round++) {
      const q = await createProject(s, c['demo-province']!, {
        name: `撤回竞争 ${round}`,
        quota: 3,
        targetRegionCodes: [n.county],
        ...openProject(),
      });
      const id = await apply('t5', q);
      const [a, w] = await Promise.all([
        c['demo-school']!.post(`/api/enrollments/${id}/approve`, { version: 1 }),
        c['t5']!.post(`/api/my/enrollments/${id}/withdraw`, { version: 1 }),
      ]);
      expect([a.status, w.status].sort(), JSON.stringify([a.body, w.body])).toEqual([200, 409]);
      const e = await enrollment(id);
      const used = (await quotaOf(q, n.province))!.used;
      if (w.status === 200) {
        expect(e).toMatchObject({ status: 'withdrawn', quota_id: null });
        expect(used).toBe(0);
      } else {
        expect(e).toMatchObject({ status: 'reviewing', stage: 'county' });
        expect(used).toBe(1);
      }
      expect((await events(id)).length).toBe(2);
    }
  });
});

describe(`项目详情显示报名的真实状态 (${TEST_DB})`, () => {
  it('says 审核中 / 未通过 and keeps 进入远程学习 closed until the review says yes', async () => {
    const p = await createProject(s, c['demo-province']!, { name: '详情状态项目', targetRegionCodes: [n.county], ...openProject() });
    const id = await apply('t4', p);
    const reviewing = await c['t4']!.get(`/api/my/enrollments/${id}/class`);
    expect(reviewing.status).toBe(200);
    expect(reviewing.body.enrollment).toMatchObject({ phase: 'reviewing', phaseLabel: '审核中', stageLabel: '学校' });
    expect(reviewing.body.learning).toMatchObject({
      open: false,
      url: null,
      reason: '报名正在审核中（待学校审核），审核通过后才能进入远程学习',
    });
    expect((await c['demo-school']!.post(`/api/enrollments/${id}/return`, { version: 1, reason: '名额已满' })).status).toBe(200);
    const returned = (await c['t4']!.get(`/api/my/enrollments/${id}/class`)).body;
    expect(returned.enrollment).toMatchObject({ phase: 'returned', phaseLabel: '未通过' });
    expect(returned.learning).toMatchObject({ open: false, reason: '报名未通过审核，不能进入远程学习' });
    // approved all the way: 未开始, and the platform opens
    await apply('t4', p);
    for (const [acc, v] of [
      ['demo-school', 3],
      ['demo-county', 4],
      ['demo-city', 5],
      ['demo-province', 6],
    ] as const)
      expect((await c[acc]!.post(`/api/enrollments/${id}/approve`, { version: v })).status).toBe(200);
    const approved = (await c['t4']!.get(`/api/my/enrollments/${id}/class`)).body;
    expect(approved.enrollment).toMatchObject({ phase: 'upcoming', phaseLabel: '未开始' });
    expect(approved.learning).toMatchObject({ open: true, url: 'https://learn.example.cn/course/1', reason: null });
    expect((await c['t3']!.get(`/api/my/enrollments/${id}/class`)).status).toBe(404);
  });

  it('with no learning platform, names whom to contact: the organiser, then the class’s institution with its contact', async () => {
    const p = await createProject(s, c['demo-province']!, {
      name: '无学习平台项目',
      mode: 'onsite',
      learningUrl: null,
      targetRegionCodes: [n.county],
      ...openProject(),
    });
    const id = await apply('t3', p);
    await s.deps.db.updateTable('enrollments').set({ status: 'approved', stage: 'done' }).where('id', '=', id).execute();
    const before = (await c['t3']!.get(`/api/my/enrollments/${id}/class`)).body.learning;
    expect(before).toMatchObject({ open: false, reason: '该项目未提供远程学习平台地址' });
    expect(before.contact).toMatchObject({ role: '组织单位', contact: null });
    const inst = await s.deps.db
      .selectFrom('project_institutions')
      .select('institution_id')
      .where('project_id', '=', p)
      .executeTakeFirstOrThrow();
    const cls = await s.deps.db
      .insertInto('training_classes')
      .values({ project_id: p, institution_id: inst.institution_id, name: '一班', contact: '王老师 0771-1234567' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.deps.db.updateTable('enrollments').set({ status: 'assigned', class_id: cls.id }).where('id', '=', id).execute();
    const after = (await c['t3']!.get(`/api/my/enrollments/${id}/class`)).body;
    expect(after.learning.contact).toMatchObject({ role: '承培机构', contact: '王老师 0771-1234567' });
    expect(after.class).toMatchObject({ name: '一班', contact: '王老师 0771-1234567' });
  });
});

describe(`时间线按时间排序 (${TEST_DB})`, () => {
  it('orders the timeline by when each step happened, the row id only breaking ties', async () => {
    const p = await createProject(s, c['demo-province']!, { name: '时间线项目', targetRegionCodes: [n.county], ...openProject() });
    const id = await apply('t1', p);
    // a step recorded later but dated earlier (an import, a back-dated check-in) comes first
    await s.deps.db
      .insertInto('enrollment_events')
      .values({ enrollment_id: id, action: 'selected', level: 'county', actor_name: '兴宁区管理员', at: new Date(Date.now() - 86_400_000) })
      .execute();
    const mine = (await c['t1']!.get(`/api/my/enrollments/${id}`)).body.timeline.map((t: { action: string }) => t.action);
    expect(mine).toEqual(['selected', 'applied']);
    const queue = (await c['demo-school']!.get(`/api/enrollments/pending?projectId=${p}`)).body.items[0].timeline;
    expect(queue.map((t: { action: string }) => t.action)).toEqual(['selected', 'applied']);
  });
});

describe(`名额不足时的取用方式 (${TEST_DB})`, () => {
  const split = async (name: string, quotaFallback?: string) => {
    const p = await createProject(s, c['demo-province']!, {
      name,
      quota: 10,
      targetRegionCodes: [n.county],
      ...(quotaFallback ? { quotaFallback } : {}),
      ...openProject(),
    });
    await grant(c['demo-province']!, p, n.city, 6);
    await grant(c['demo-city']!, p, n.county, 4);
    await grant(c['demo-county']!, p, `school:${n.school}`, 1);
    return p;
  };

  it('defaults to walking up: the school row full, the county’s free place is taken', async () => {
    const p = await split('名额上溯项目');
    const view = (await c['demo-province']!.get(`/api/projects/${p}`)).body.project;
    expect(view).toMatchObject({ quotaFallback: 'walk_up', quotaFallbackLabel: '本级名额已满时依次使用上级的剩余名额' });
    const a = await apply('t0', p);
    const b = await apply('t1', p);
    expect((await c['demo-school']!.post(`/api/enrollments/${a}/approve`, { version: 1 })).status).toBe(200);
    const r = await c['demo-school']!.post(`/api/enrollments/${b}/approve`, { version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await quotaOf(p, `school:${n.school}`)).toMatchObject({ quota: 1, used: 1 });
    expect(await quotaOf(p, n.county)).toMatchObject({ quota: 4, granted_below: 1, used: 1 });
    const rows = await s.deps.db.selectFrom('project_quotas').select(['id', 'holder']).where('project_id', '=', p).execute();
    expect((await enrollment(b)).quota_id).toBe(rows.find((x) => x.holder === n.county)!.id);
    // returning it gives the county its place back
    expect((await c['demo-county']!.post(`/api/enrollments/${b}/return`, { version: 2, reason: '测试' })).status).toBe(200);
    expect(await quotaOf(p, n.county)).toMatchObject({ used: 0 });
  });

  it('refuses with «nearest row only», naming the full row, and nothing changes', async () => {
    const p = await split('仅本级名额项目', 'nearest');
    const a = await apply('t2', p);
    const b = await apply('t3', p);
    expect((await c['demo-school']!.post(`/api/enrollments/${a}/approve`, { version: 1 })).status).toBe(200);
    const r = await c['demo-school']!.post(`/api/enrollments/${b}/approve`, { version: 1 });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('QUOTA_EXCEEDED');
    expect(r.body.message).toMatch(/^名额已满：.+在该项目中没有剩余名额，不能通过（可以退回）$/);
    expect(await enrollment(b)).toMatchObject({ status: 'reviewing', stage: 'school', version: 1, quota_id: null });
    expect(await quotaOf(p, n.county)).toMatchObject({ used: 0 });
  });

  it('refuses when every row above is full, naming them all', async () => {
    const p = await createProject(s, c['demo-province']!, { name: '全满项目', quota: 1, targetRegionCodes: [n.county], ...openProject() });
    await grant(c['demo-province']!, p, n.city, 1);
    const a = await apply('t4', p);
    const b = await apply('t5', p);
    expect((await c['demo-school']!.post(`/api/enrollments/${a}/approve`, { version: 1 })).status).toBe(200);
    const r = await c['demo-school']!.post(`/api/enrollments/${b}/approve`, { version: 1 });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/都没有剩余名额/);
  });

  it('validates the setting', async () => {
    const r = await c['demo-province']!.post('/api/projects', { ...(await projectBody(s)), quotaFallback: 'sideways' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/请选择名额不足时的处理方式/);
  });
});
