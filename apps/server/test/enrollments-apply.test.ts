// 去申报 and the review chain over HTTP on a real database: applying with clear reasons, the chain by
// project level with its timeline, version conflicts, returning (the place is given back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from './harness.ts';
import { TEST_DB, userIdOf } from './harness.ts';
import { enrollmentWorld, openProject, worldHelpers } from './enrollments-world.ts';
import { createProject, day, type DemoNodes } from './projects-fixtures.ts';

let s: TestServer;
let c: Record<string, Client> = {};
let n: DemoNodes;
let teacherId = 0;
beforeAll(async () => {
  ({ s, c, n, teacherId } = await enrollmentWorld());
});
afterAll(async () => {
  await s?.close();
});
const { enrollment, events, quotaOf, pendingFor } = worldHelpers(() => ({ s, c }));

describe(`去申报 (${TEST_DB})`, () => {
  let p = 0;
  beforeAll(async () => {
    p = await createProject(s, c['demo-province']!, {
      name: '小学语文骨干教师培训',
      quota: 10,
      targetRegionCodes: [n.county],
      ...openProject(),
    });
  });

  it('lists the open projects of my area with whether I may apply, and why not', async () => {
    const closedWindow = await createProject(s, c['demo-province']!, {
      name: '申报已截止的项目',
      ...openProject({ applyStart: day(-10), applyEnd: day(-1) }),
    });
    const notYet = await createProject(s, c['demo-province']!, { name: '尚未开始申报的项目', ...openProject({ applyStart: day(2) }) });
    const math = await createProject(s, c['demo-province']!, { name: '小学数学培训', ...openProject({ targetSubjects: ['数学'] }) });
    const mine = await c['demo-teacher']!.get('/api/my/projects/open');
    expect(mine.status).toBe(200);
    const find = (id: number) => mine.body.items.find((x: { project: { id: number } }) => x.project.id === id);
    expect(find(p)).toMatchObject({ canApply: true, reasons: [] });
    expect(find(p).project).toMatchObject({ subjectArea: '小学语文', creditLabel: '公共必修: 20学分（60学时）', levelLabel: '省级' });
    expect(find(closedWindow)).toBeUndefined();
    expect(find(notYet)).toMatchObject({ canApply: false, reasons: [`申报尚未开始（${day(2)} 开始）`] });
    expect(find(math)).toMatchObject({ canApply: false, reasons: ['该项目面向数学学科，您的任教学科为语文'] });
    // demo-teacher2 (another county) does not even see the county-targeted project
    const other = await c['demo-teacher2']!.get('/api/my/projects/open');
    expect(other.body.items.some((x: { project: { id: number } }) => x.project.id === p)).toBe(false);
    expect((await c['demo-school']!.get('/api/my/projects/open')).status).toBe(403);
  });

  it('files an application at the school with a timeline entry, once', async () => {
    const r = await c['demo-teacher']!.post(`/api/projects/${p}/apply`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const e = await enrollment(r.body.enrollmentId);
    expect(e).toMatchObject({ origin: 'applied', status: 'reviewing', stage: 'school', quota_id: null, version: 1, teacher_id: teacherId });
    expect(await events(e.id)).toEqual([{ action: 'applied', level: null, reason: null }]);
    const again = await c['demo-teacher']!.post(`/api/projects/${p}/apply`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/已报名/);
    // no place is taken before the school approves
    expect(await quotaOf(p, n.province)).toMatchObject({ used: 0 });
  });

  it('refuses with the reasons, and nothing is filed', async () => {
    const r = await c['demo-teacher2']!.post(`/api/projects/${p}/apply`);
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('不能申报：您所在的地区不在该项目面向的范围内；该项目面向语文学科，您的任教学科为数学');
    const selectOnly = await createProject(s, c['demo-province']!, { name: '仅遴选项目' });
    expect((await c['demo-teacher']!.post(`/api/projects/${selectOnly}/apply`)).body.message).toMatch(/不接受教师个人申报/);
    const draft = await createProject(s, c['demo-province']!, { name: '草稿项目', ...openProject() }, false);
    expect((await c['demo-teacher']!.post(`/api/projects/${draft}/apply`)).status).toBe(404);
    expect((await c['demo-teacher']!.post('/api/projects/999999/apply')).status).toBe(404);
    expect(
      await s.deps.db
        .selectFrom('enrollments')
        .select('id')
        .where('project_id', '=', p)
        .where('teacher_id', '=', await userIdOf(s, { login: 'demo-teacher2' }))
        .execute(),
    ).toEqual([]);
  });

  it("walks the province chain school → county → city → province; each step is the stage's level alone", async () => {
    const [e] = await s.deps.db
      .selectFrom('enrollments')
      .select(['id'])
      .where('project_id', '=', p)
      .where('teacher_id', '=', teacherId)
      .execute();
    const id = e!.id;
    // not their turn: 403 with the level it waits for; a stale version: 409
    const early = await c['demo-county']!.post(`/api/enrollments/${id}/approve`, { version: 1 });
    expect(early.status).toBe(403);
    expect(early.body.message).toBe('该申请当前由学校审核，不在您这一级');
    expect((await c['demo-school2']!.post(`/api/enrollments/${id}/approve`, { version: 1 })).status).toBe(404);
    expect((await pendingFor('demo-school', p)).map((x) => x.id)).toEqual([id]);
    const steps: [string, number, string, string][] = [
      ['demo-school', 1, 'reviewing', 'county'],
      ['demo-county', 2, 'reviewing', 'city'],
      ['demo-city', 3, 'reviewing', 'province'],
      ['demo-province', 4, 'approved', 'done'],
    ];
    for (const [acc, version, status, stage] of steps) {
      const stale = await c[acc]!.post(`/api/enrollments/${id}/approve`, { version: version - 1 || 99 });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toBe('该申请已被其他管理员处理，请刷新');
      const r = await c[acc]!.post(`/api/enrollments/${id}/approve`, { version });
      expect(r.status, `${acc}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body).toMatchObject({ status, stage, version: version + 1 });
    }
    // the school's approval took the place: nobody split this project, so it came from the province's row
    expect(await quotaOf(p, n.province)).toMatchObject({ used: 1 });
    expect((await enrollment(id)).quota_id).not.toBeNull();
    expect(await events(id)).toEqual([
      { action: 'applied', level: null, reason: null },
      { action: 'submitted', level: 'school', reason: null },
      { action: 'submitted', level: 'county', reason: null },
      { action: 'submitted', level: 'city', reason: null },
      { action: 'approved', level: 'province', reason: null },
    ]);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'enrollment')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'enrollment.apply',
      'enrollment.approve',
      'enrollment.approve',
      'enrollment.approve',
      'enrollment.approve',
    ]);
    // the teacher sees the whole timeline with who and which level
    const mine = await c['demo-teacher']!.get(`/api/my/enrollments/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.enrollment).toMatchObject({
      status: 'approved',
      statusLabel: '审核通过',
      tab: 'upcoming',
      tabLabel: '未开始',
      origin: 'applied',
    });
    expect(mine.body.project).toMatchObject({ id: p, learningUrl: 'https://learn.example.cn/course/1', subjectArea: '小学语文' });
    expect(
      mine.body.timeline.map((t: { actionLabel: string; levelLabel: string | null; actorName: string }) => [
        t.actionLabel,
        t.levelLabel,
        t.actorName,
      ]),
    ).toEqual([
      ['提交申报', null, '李秀英'],
      ['审核通过并提交上级', '学校', expect.stringContaining('管理员')],
      ['审核通过并提交上级', '区县', '兴宁区管理员'],
      ['审核通过并提交上级', '市级', '南宁市管理员'],
      ['审核通过', '省级', expect.stringContaining('管理员')],
    ]);
    expect((await c['demo-teacher2']!.get(`/api/my/enrollments/${id}`)).status).toBe(404);
    expect((await c['demo-county']!.get(`/api/my/enrollments/${id}`)).status).toBe(403);
  });

  it('returns with a reason: 未通过, the place given back, and the teacher may apply again', async () => {
    const t = c['t0']!;
    const applied = await t.post(`/api/projects/${p}/apply`);
    const id = applied.body.enrollmentId as number;
    expect((await c['demo-school']!.post(`/api/enrollments/${id}/approve`, { version: 1 })).status).toBe(200);
    expect(await quotaOf(p, n.province)).toMatchObject({ used: 2 });
    const noReason = await c['demo-county']!.post(`/api/enrollments/${id}/return`, { version: 2, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toBe('请填写退回理由');
    const r = await c['demo-county']!.post(`/api/enrollments/${id}/return`, { version: 2, reason: '本年度已参加同类培训' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'returned', version: 3 });
    expect(await quotaOf(p, n.province)).toMatchObject({ used: 1 });
    expect(await enrollment(id)).toMatchObject({ status: 'returned', quota_id: null });
    const tab = await t.get('/api/my/projects?tab=returned');
    expect(tab.body.counts.returned).toBe(1);
    expect(tab.body.items[0].timeline.at(-1)).toMatchObject({ action: 'returned', levelLabel: '区县', reason: '本年度已参加同类培训' });
    // once returned nobody decides it again
    expect((await c['demo-county']!.post(`/api/enrollments/${id}/approve`, { version: 3 })).status).toBe(409);
    const again = await t.post(`/api/projects/${p}/apply`);
    expect(again.status).toBe(201);
    expect(again.body.enrollmentId).toBe(id);
    expect(await enrollment(id)).toMatchObject({ status: 'reviewing', stage: 'school', version: 4 });
    expect((await events(id)).map((e) => e.action)).toEqual(['applied', 'submitted', 'returned', 'applied']);
  });
});
