// 遴选, the shorter chains, bulk decisions, assignment to a class, the trainee list and its export, and the
// teacher's tabs over HTTP on a real database.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from './harness.ts';
import { TEST_DB, userIdOf } from './harness.ts';
import { enrollmentWorld, openProject, worldHelpers } from './enrollments-world.ts';
import { createProject, day, grant, institutionIds, select, teachersOf, type DemoNodes } from './projects-fixtures.ts';

let s: TestServer;
let c: Record<string, Client> = {};
let n: DemoNodes;
let chinese: { id: number; name: string }[] = [];
beforeAll(async () => {
  ({ s, c, n, chinese } = await enrollmentWorld());
});
afterAll(async () => {
  await s?.close();
});
const { enrollment, events, quotaOf, pendingFor } = worldHelpers(() => ({ s, c }));

describe(`遴选 and the shorter chains (${TEST_DB})`, () => {
  it('a county selects within its quota: the selection is its step, the city acts next', async () => {
    const p = await createProject(s, c['demo-province']!, { name: '遴选项目', quota: 20 });
    await grant(c['demo-province']!, p, n.city, 10);
    await grant(c['demo-city']!, p, n.county, 3);
    const ids = chinese.slice(0, 2).map((t) => t.id);
    const r = await c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: ids });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ selected: 2, stage: 'city', stageLabel: '市级' });
    expect(await quotaOf(p, n.county)).toMatchObject({ used: 2 });
    expect(await events(r.body.enrollmentIds[0])).toEqual([
      { action: 'selected', level: 'county', reason: null },
      { action: 'submitted', level: 'county', reason: null },
    ]);
    // already enrolled, another county's teacher, more than is free: 409 / 404 / 409, nothing changes
    const twice = await c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: [ids[0]] });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(`以下教师已报名该项目：${chinese[0]!.name}`);
    const t2 = await userIdOf(s, { login: 'demo-teacher2' });
    expect((await c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: [t2] })).status).toBe(404);
    const others = (await teachersOf(s, n.school))
      .filter((t) => !ids.includes(t.id))
      .slice(0, 2)
      .map((t) => t.id);
    const over = await c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: others });
    expect(over.status).toBe(409);
    expect(over.body.message).toBe('名额不足：本单位剩余 1 个，本次遴选 2 人');
    expect(await quotaOf(p, n.county)).toMatchObject({ used: 2 });
    // a school without a row of its own cannot select
    expect((await c['demo-school']!.post(`/api/projects/${p}/selections`, { teacherIds: [others[0]] })).body.message).toMatch(/没有名额/);
    // the county's candidates show who is enrolled already
    const cand = await c['demo-county']!.get(`/api/projects/${p}/candidates?pageSize=100`);
    expect(cand.body.items.find((x: { id: number }) => x.id === ids[0])).toMatchObject({ enrolled: true, enrollmentStatus: 'reviewing' });
    expect(cand.body.items.every((x: { idNumber: string }) => /\*{8}/.test(x.idNumber))).toBe(true);
    expect(cand.body.items.some((x: { id: number }) => x.id === t2)).toBe(false);
  });

  it("a county project: application → school (takes the school's place) → county; a school project: selected means approved", async () => {
    // «nearest row only» (the default walks up to the county: enrollments-withdraw.test.ts)
    const p = await createProject(s, c['demo-county']!, {
      name: '兴宁区县级项目',
      level: 'county',
      quota: 3,
      quotaFallback: 'nearest',
      ...openProject(),
    });
    await grant(c['demo-county']!, p, `school:${n.school}`, 1);
    const a = (await c['t1']!.post(`/api/projects/${p}/apply`)).body.enrollmentId as number;
    const b = (await c['t2']!.post(`/api/projects/${p}/apply`)).body.enrollmentId as number;
    expect((await c['demo-school']!.post(`/api/enrollments/${a}/approve`, { version: 1 })).body).toMatchObject({ stage: 'county' });
    expect(await quotaOf(p, `school:${n.school}`)).toMatchObject({ used: 1 });
    // the school's share is used up: set to the nearest row only, the school may not approve more, though the county still has 2
    const full = await c['demo-school']!.post(`/api/enrollments/${b}/approve`, { version: 1 });
    expect(full.status).toBe(409);
    expect(full.body.message).toMatch(/^名额已满/);
    expect(await enrollment(b)).toMatchObject({ status: 'reviewing', stage: 'school', version: 1 });
    expect((await c['demo-county']!.post(`/api/enrollments/${a}/approve`, { version: 2 })).body).toMatchObject({
      status: 'approved',
      stage: 'done',
    });

    const sp = await createProject(s, c['demo-school']!, { name: '本校校本研修', level: 'school', mode: 'school_based', quota: 5 });
    const [e] = await select(c['demo-school']!, sp, [chinese[3]!.id]);
    expect(await enrollment(e!)).toMatchObject({ status: 'approved', stage: 'done' });
    expect((await events(e!)).map((x) => x.action)).toEqual(['selected', 'approved']);
    // a county is not in a school project's chain
    expect((await c['demo-county']!.post(`/api/projects/${sp}/selections`, { teacherIds: [chinese[4]!.id] })).body.message).toMatch(
      /没有区县一级/,
    );
  });
});

describe(`bulk review, assignment, trainees and export (${TEST_DB})`, () => {
  let p = 0;
  let ids: number[] = [];
  beforeAll(async () => {
    p = await createProject(s, c['demo-province']!, { name: '批量审核项目', quota: 10 });
    await grant(c['demo-province']!, p, n.city, 10);
    await grant(c['demo-city']!, p, n.county, 10);
    ids = await select(
      c['demo-county']!,
      p,
      chinese.slice(0, 4).map((t) => t.id),
    );
  });

  it('approves in bulk; a stale item fails alone with the conflict message', async () => {
    const items = (await pendingFor('demo-city', p)).map((x) => ({ id: x.id, version: x.version }));
    expect(items).toHaveLength(4);
    items[3]!.version = 7;
    const r = await c['demo-city']!.post('/api/enrollments/batch/approve', { items });
    expect(r.status).toBe(200);
    expect(r.body.done).toBe(3);
    expect(r.body.failed).toEqual([{ id: items[3]!.id, ok: false, message: '该申请已被其他管理员处理，请刷新' }]);
    const back = await c['demo-province']!.post('/api/enrollments/batch/return', { items: [{ id: items[3]!.id, version: 1 }], reason: '' });
    expect(back.status).toBe(400);
    const ret = await c['demo-city']!.post('/api/enrollments/batch/return', {
      items: [{ id: items[3]!.id, version: 1 }],
      reason: '材料不全',
    });
    expect(ret.body.done).toBe(1);
    const prov = (await pendingFor('demo-province', p)).map((x) => ({ id: x.id, version: x.version }));
    expect((await c['demo-province']!.post('/api/enrollments/batch/approve', { items: prov })).body.done).toBe(3);
  });

  it("assigns approved trainees to an institution's class in bulk, all or nothing, only by the organiser", async () => {
    const [inst1, inst2] = await institutionIds(s);
    const approved = ids.slice(0, 3);
    expect(
      (await c['demo-city']!.post(`/api/projects/${p}/assign`, { enrollmentIds: approved, institutionId: inst1, className: '一班' }))
        .status,
    ).toBe(403);
    // one returned trainee in the batch: nothing is assigned, no class is created
    const mixed = await c['demo-province']!.post(`/api/projects/${p}/assign`, {
      enrollmentIds: [...approved, ids[3]],
      institutionId: inst1,
      className: '一班',
    });
    expect(mixed.status).toBe(409);
    expect(await s.deps.db.selectFrom('training_classes').select('id').where('project_id', '=', p).execute()).toEqual([]);
    // an institution the project does not list
    expect(
      (await c['demo-province']!.post(`/api/projects/${p}/assign`, { enrollmentIds: approved, institutionId: inst2, className: '一班' }))
        .body.message,
    ).toMatch(/不是本项目的承培机构/);
    const r = await c['demo-province']!.post(`/api/projects/${p}/assign`, {
      enrollmentIds: approved.slice(0, 2),
      institutionId: inst1,
      className: '=一班',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ assigned: 2, className: '=一班' });
    expect(
      (
        await c['demo-province']!.post(`/api/projects/${p}/assign`, {
          enrollmentIds: [approved[2]],
          institutionId: inst1,
          className: '=一班',
        })
      ).body.assigned,
    ).toBe(1);
    const e = await enrollment(approved[0]!);
    expect(e).toMatchObject({ status: 'assigned', class_id: r.body.classId });
    expect((await events(approved[0]!)).at(-1)).toMatchObject({
      action: 'assigned',
      level: 'province',
      reason: expect.stringContaining('=一班'),
    });
    const classes = await c['demo-county']!.get(`/api/projects/${p}/classes`);
    expect(classes.body.items).toEqual([expect.objectContaining({ name: '=一班', trainees: 3, institutionId: inst1 })]);
  });

  it('lists trainees with filters and per-stage figures, within scope', async () => {
    const all = await c['demo-county']!.get(`/api/projects/${p}/enrollments?pageSize=100`);
    expect(all.body.total).toBe(4);
    expect(all.body.items.every((x: { idNumber: string; phone: string }) => /\*{8}/.test(x.idNumber) && /\*{4}/.test(x.phone))).toBe(true);
    expect((await c['demo-county']!.get(`/api/projects/${p}/enrollments?status=assigned`)).body.total).toBe(3);
    expect((await c['demo-county']!.get(`/api/projects/${p}/enrollments?status=returned`)).body.items[0].id).toBe(ids[3]);
    expect(
      (await c['demo-county']!.get(`/api/projects/${p}/enrollments?q=${encodeURIComponent(chinese[0]!.name)}`)).body.total,
    ).toBeGreaterThanOrEqual(1);
    // the project is for the whole province: another county sees it, but none of these trainees
    expect((await c['demo-county2']!.get(`/api/projects/${p}/enrollments`)).body).toMatchObject({ total: 0, items: [] });
    const stats = await c['demo-city']!.get(`/api/projects/${p}/stats`);
    expect(stats.body.items.find((x: { holder: string }) => x.holder === n.county)).toMatchObject({
      quota: 10,
      enrolled: 4,
      returned: 1,
      approved: 3,
      assigned: 3,
      reviewing: 0,
    });
  });

  it('exports the list with masked numbers and formula-looking cells neutralised', async () => {
    await s.deps.db.updateTable('users').set({ name: '=HYPERLINK("http://evil")' }).where('id', '=', chinese[1]!.id).execute();
    const r = await c['demo-county']!.request('GET', `/api/projects/${p}/enrollments/export.xlsx`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('学员名单')!;
    expect(ws.getRow(2).values).toContain('证件号码');
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getRow(i + 3));
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(String(row.getCell(3).value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(String(row.getCell(4).value)).toMatch(/^\d{3}\*{4}\d{4}$/);
      for (let i = 1; i <= 18; i++) {
        const v = row.getCell(i).value;
        expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
        if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@]/);
      }
    }
    const names = rows.map((row) => row.getCell(2).value);
    expect(names).toContain('\'=HYPERLINK("http://evil")');
    expect(rows.map((row) => row.getCell(13).value)).toContain("'=一班");
    const audit = await s.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'project.trainees.export').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toMatch(/\d{17}/);
    const other = await c['demo-county2']!.request('GET', `/api/projects/${p}/enrollments/export.xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('学员名单')!.rowCount).toBe(2);
  });
});

describe(`我的专项培训 tabs (${TEST_DB})`, () => {
  it("sorts the teacher's enrolments into 进行中 · 未开始 · 已结束 · 审核中 · 未通过 with counts and filters", async () => {
    const t = c['t5']!;
    const me = chinese[5]!.id;
    const make = async (name: string, start: number, end: number) => {
      const id = await createProject(s, c['demo-school']!, {
        name,
        level: 'school',
        mode: 'school_based',
        quota: 5,
        startDate: day(start),
        endDate: day(end),
      });
      return (await select(c['demo-school']!, id, [me]))[0]!;
    };
    const ongoing = await make('正在进行的校本研修', -2, 3);
    await make('下月的校本研修', 20, 25);
    const ended = await make('已经结束的校本研修', -30, -20);
    await s.deps.db
      .updateTable('enrollments')
      .set({ onsite_score: 80, online_score: 90, total_score: 85, result: 'passed' })
      .where('id', '=', ended)
      .execute();
    const failed = await make('没有通过的校本研修', -40, -35);
    await s.deps.db.updateTable('enrollments').set({ total_score: 40, result: 'failed' }).where('id', '=', failed).execute();
    const rp = await createProject(s, c['demo-province']!, { name: '审核中的省级项目', targetRegionCodes: [n.county], ...openProject() });
    await t.post(`/api/projects/${rp}/apply`);
    const res = await t.get('/api/my/projects?tab=ongoing');
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ ongoing: 1, upcoming: 1, ended: 2, reviewing: 1 });
    expect(res.body.tabs.map((x: { label: string }) => x.label)).toEqual(['进行中', '未开始', '已结束', '审核中', '未通过']);
    const card = res.body.items[0];
    expect(card.enrollment).toMatchObject({ id: ongoing, tab: 'ongoing', checkins: 0 });
    expect(card.project).toMatchObject({
      name: '正在进行的校本研修',
      year: expect.any(Number),
      levelLabel: '校级',
      modeLabel: '校本研修',
      subjectArea: '不限',
      creditLabel: '公共必修: 20学分（60学时）',
    });
    expect(card.timeline.map((x: { action: string }) => x.action)).toEqual(['selected', 'approved']);
    const endedTab = await t.get('/api/my/projects?tab=ended');
    expect(endedTab.body.items.map((x: { enrollment: { id: number } }) => x.enrollment.id)).toEqual([ended, failed]);
    expect(endedTab.body.items[0].enrollment).toMatchObject({ result: 'passed', resultLabel: '合格', totalScore: 85 });
    expect(
      (await t.get('/api/my/projects?tab=ended&result=failed')).body.items.map((x: { enrollment: { id: number } }) => x.enrollment.id),
    ).toEqual([failed]);
    expect((await t.get(`/api/my/projects?tab=ended&q=${encodeURIComponent('已经结束')}`)).body.total).toBe(1);
    expect(
      (await t.get(`/api/my/projects?tab=ended&from=${day(-33)}&to=${day(-1)}`)).body.items.map(
        (x: { enrollment: { id: number } }) => x.enrollment.id,
      ),
    ).toEqual([ended]);
    expect((await t.get('/api/my/projects?tab=reviewing')).body.items[0].project.name).toBe('审核中的省级项目');
    expect((await t.get('/api/my/projects?tab=bogus')).status).toBe(400);
  });
});
