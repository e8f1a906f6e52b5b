// 培训项目 plan and quotas over HTTP on a real database: creating at one's own level with every
// field, validation in Chinese, drafts only editable, publishing checks completeness and opens the
// organiser's quota, closing, who sees what (organised in or aimed at one's area), the audit trail,
// and splitting quotas down the tree with its limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';
import {
  YEAR,
  createProject,
  day,
  demoNodes,
  grant,
  institutionIds,
  projectBody,
  select,
  teachersOf,
  typeIds,
  type DemoNodes,
} from './projects-fixtures.ts';

let s: TestServer;
const c: Record<string, Client> = {};
let n: DemoNodes;
const client = async (acc: string) => (c[acc] ??= await loginAs(s, acc));
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  for (const acc of [
    'demo-province',
    'demo-city',
    'demo-city2',
    'demo-county',
    'demo-county2',
    'demo-school',
    'demo-school2',
    'demo-teacher',
    'demo-institution',
    'demo-sys',
  ])
    await client(acc);
  n = await demoNodes(client);
});
afterAll(async () => {
  await s?.close();
});

const audits = (objectId: number, type = 'project') =>
  s.deps.db
    .selectFrom('audit_log')
    .select(['action', 'detail'])
    .where('object_type', '=', type)
    .where('object_id', '=', String(objectId))
    .orderBy('id')
    .execute();
const countProjects = async () =>
  Number(
    (
      await s.deps.db
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`培训项目: the plan (${TEST_DB})`, () => {
  it('creates a province project as a draft with every field, names and labels resolved, audited', async () => {
    const body = await projectBody(s, {
      targetStages: ['小学'],
      targetSubjects: ['语文'],
      targetRegionCodes: [n.city],
      allowApplication: true,
      applyStart: day(0),
      applyEnd: day(5),
    });
    const r = await c['demo-province']!.post('/api/projects', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const p = r.body.project;
    expect(p).toMatchObject({
      name: body.name,
      year: YEAR,
      level: 'province',
      levelLabel: '省级',
      status: 'draft',
      statusLabel: '草稿',
      organiserHolder: n.province,
      typeLabel: '能力提升 / (中小学)中小学教师信息技术应用能力培训',
      mode: 'blended',
      modeLabel: '混合式培训',
      funding: '省级财政',
      creditCategory: 'public_required',
      creditCategoryName: '公共必修',
      creditAmount: 20,
      hours: 60,
      creditLabel: '公共必修: 20学分（60学时）',
      targetStages: ['小学'],
      targetSubjects: ['语文'],
      quota: 100,
      place: body.place,
      startDate: body.startDate,
      endDate: body.endDate,
      allowApplication: true,
      applyStart: day(0),
      applyEnd: day(5),
      onsiteWeight: 40,
      onlineWeight: 60,
      passMark: 60,
      learningUrl: body.learningUrl,
    });
    expect(p.targetRegions).toEqual([{ code: n.city, name: '南宁市' }]);
    expect(p.institutions).toHaveLength(1);
    expect(p.evaluationQuestions).toEqual([
      { id: 'q1', text: '培训内容是否实用？', kind: 'rating' },
      { id: 'q2', text: '意见与建议', kind: 'text' },
    ]);
    expect(r.body.abilities).toMatchObject({ edit: true, publish: true, close: false, grant: false });
    expect(await audits(p.id)).toEqual([{ action: 'project.create', detail: { name: body.name, level: 'province' } }]);
  });

  it('lets each admin plan only at their own level (国家级 and 省级 by the province)', async () => {
    const cases: [string, string, number][] = [
      ['demo-province', 'national', 201],
      ['demo-province', 'city', 400],
      ['demo-city', 'city', 201],
      ['demo-city', 'province', 400],
      ['demo-county', 'county', 201],
      ['demo-county', 'school', 400],
      ['demo-school', 'school', 201],
      ['demo-school', 'county', 400],
    ];
    for (const [acc, level, status] of cases) {
      const r = await c[acc]!.post('/api/projects', await projectBody(s, { level, name: `${acc} ${level}` }));
      expect(r.status, `${acc} ${level}: ${JSON.stringify(r.body)}`).toBe(status);
      if (status === 201) expect(r.body.project.organiserName).toBeTruthy();
      else expect(r.body.message).toMatch(/只能创建/);
    }
    const school = await c['demo-school']!.get('/api/projects?level=school');
    expect(school.body.items.every((x: { mine: boolean }) => x.mine)).toBe(true);
    for (const acc of ['demo-teacher', 'demo-institution', 'demo-sys'])
      expect((await c[acc]!.post('/api/projects', await projectBody(s))).status).toBe(403);
    expect((await new Client(s).post('/api/projects', await projectBody(s))).status).toBe(401);
  });

  it('refuses bad input with a Chinese sentence and creates nothing', async () => {
    const { otherTypeId, subTypeId } = await typeIds(s);
    const before = await countProjects();
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ name: ' ' }, /请填写项目名称/],
      [{ endDate: day(1), startDate: day(5) }, /结束日期不能早于开始日期/],
      [{ onsiteWeight: 50, onlineWeight: 40 }, /权重之和必须为 100/],
      [{ creditAmount: 1.234 }, /最多保留两位小数/],
      [{ quota: -1 }, /名额不能为负数/],
      [{ mode: 'remote' }, /培训方式/],
      [{ targetStages: ['大学'] }, /面向学段不正确/],
      [{ learningUrl: 'javascript:alert(1)' }, /学习网址/],
      [{ startDate: '2026-13-01' }, /开始日期格式/],
      [{ applyStart: day(5), applyEnd: day(1) }, /申报截止日期不能早于申报开始日期/],
      [{ creditCategory: 'sports' }, /学分类型不在当前学分政策中/],
      [{ typeId: 99999 }, /项目类型不存在/],
      [{ typeId: otherTypeId, subTypeId }, /子类型不属于所选项目类型/],
      [{ institutionIds: [99999] }, /承培机构不存在/],
      [{ targetRegionCodes: ['469001'] }, /不在范围内/],
      [{ targetRegionCodes: ['459999'] }, /面向地区不存在/],
    ];
    for (const [over, msg] of bad) {
      const r = await c['demo-province']!.post('/api/projects', await projectBody(s, over));
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.body.message, JSON.stringify(over)).toMatch(msg);
    }
    // a city may not aim at another city; a school project names no regions
    expect(
      (await c['demo-city']!.post('/api/projects', await projectBody(s, { level: 'city', targetRegionCodes: [n.county2] }))).body.message,
    ).toMatch(/管辖范围/);
    expect(
      (await c['demo-school']!.post('/api/projects', await projectBody(s, { level: 'school', targetRegionCodes: [n.county] }))).body
        .message,
    ).toMatch(/校级项目/);
    expect(await countProjects()).toBe(before);
  });

  it('edits only drafts, only by the organiser; publishing checks completeness and opens the quota', async () => {
    const province = c['demo-province']!;
    const id = await createProject(s, province, { name: '待完善项目', quota: 0, place: '', learningUrl: null }, false);
    // incomplete: nothing changes
    const bad = await province.post(`/api/projects/${id}/publish`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('项目信息不完整，不能发布：名额须大于 0；集中培训须填写培训地点；远程培训须填写学习网址');
    expect((await province.get(`/api/projects/${id}`)).body.project.status).toBe('draft');
    // another admin who can see it is not the organiser
    expect((await c['demo-city']!.put(`/api/projects/${id}`, await projectBody(s, { level: 'city' }))).status).toBe(404);
    const fixed = await province.put(`/api/projects/${id}`, await projectBody(s, { name: '已完善项目', quota: 30 }));
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.project).toMatchObject({ name: '已完善项目', quota: 30, status: 'draft' });
    const pub = await province.post(`/api/projects/${id}/publish`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.project.status).toBe('published');
    expect(pub.body.myQuota).toEqual({ id: expect.any(Number), quota: 30, grantedBelow: 0, used: 0, free: 30 });
    expect(pub.body.abilities).toMatchObject({ edit: false, publish: false, close: true, grant: true, assign: true });
    // published: no more edits, no second publish
    const edit = await province.put(`/api/projects/${id}`, await projectBody(s, { name: '偷改' }));
    expect(edit.status).toBe(409);
    expect(edit.body.message).toMatch(/只有草稿可以修改/);
    expect((await province.post(`/api/projects/${id}/publish`)).status).toBe(409);
    // the city sees it now (the whole province is the target) but may not change it
    const cityView = await c['demo-city']!.get(`/api/projects/${id}`);
    expect(cityView.status).toBe(200);
    expect(cityView.body.abilities).toMatchObject({ edit: false, close: false, assign: false, grant: false });
    expect((await c['demo-city']!.post(`/api/projects/${id}/close`)).status).toBe(403);
    const closed = await province.post(`/api/projects/${id}/close`);
    expect(closed.body.project.status).toBe('closed');
    expect((await province.post(`/api/projects/${id}/close`)).status).toBe(409);
    expect((await audits(id)).map((a) => a.action)).toEqual(['project.create', 'project.update', 'project.publish', 'project.close']);
  });

  it("shows each admin the projects organised in or aimed at their area, drafts only to the organiser's area", async () => {
    const province = c['demo-province']!;
    const draft = await createProject(s, c['demo-city']!, { name: '南宁市草稿', level: 'city' }, false);
    const toCounty2 = await createProject(s, province, { name: '面向城中区', targetRegionCodes: [n.county2] });
    const cityOwn = await createProject(s, c['demo-city']!, { name: '南宁市项目', level: 'city', targetRegionCodes: [n.county] });
    const schoolOwn = await createProject(s, c['demo-school']!, { name: '本校校本研修', level: 'school', mode: 'school_based' });
    const sees = async (acc: string, id: number) => (await c[acc]!.get(`/api/projects/${id}`)).status;
    expect([
      await sees('demo-province', draft),
      await sees('demo-city', draft),
      await sees('demo-county', draft),
      await sees('demo-city2', draft),
    ]).toEqual([200, 200, 404, 404]);
    expect([
      await sees('demo-county2', toCounty2),
      await sees('demo-school2', toCounty2),
      await sees('demo-city2', toCounty2),
      await sees('demo-county', toCounty2),
      await sees('demo-city', toCounty2),
    ]).toEqual([200, 200, 200, 404, 404]);
    expect([
      await sees('demo-county', cityOwn),
      await sees('demo-school', cityOwn),
      await sees('demo-province', cityOwn),
      await sees('demo-county2', cityOwn),
    ]).toEqual([200, 200, 200, 404]);
    expect([
      await sees('demo-school', schoolOwn),
      await sees('demo-county', schoolOwn),
      await sees('demo-city', schoolOwn),
      await sees('demo-school2', schoolOwn),
      await sees('demo-county2', schoolOwn),
    ]).toEqual([200, 200, 200, 404, 404]);
    // the list applies the same rule, with its filters and pages
    const list = await c['demo-county']!.get('/api/projects?pageSize=100');
    const ids = list.body.items.map((x: { id: number }) => x.id);
    expect(ids).toContain(cityOwn);
    expect(ids).toContain(schoolOwn);
    expect(ids).not.toContain(toCounty2);
    expect(ids).not.toContain(draft);
    const filtered = await province.get(`/api/projects?status=draft&level=city&year=${YEAR}&q=${encodeURIComponent('南宁市草稿')}`);
    expect(filtered.body.items.map((x: { id: number }) => x.id)).toEqual([draft]);
    const paged = await province.get('/api/projects?pageSize=2&page=2');
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThan(4);
    expect((await c['demo-teacher']!.get('/api/projects')).status).toBe(403);
  });
});

describe(`名额: splitting the quota down the tree (${TEST_DB})`, () => {
  let p = 0;
  beforeAll(async () => {
    p = await createProject(s, c['demo-province']!, { name: '名额测试项目', quota: 50 });
  });

  it('splits province → city → county → school, each from its own free part', async () => {
    await grant(c['demo-province']!, p, n.city, 20);
    const county = await grant(c['demo-city']!, p, n.county, 12);
    expect(county.mine).toMatchObject({ holder: n.city, quota: 20, grantedBelow: 12, free: 8 });
    expect(county.children.find((x: { holder: string }) => x.holder === n.county)).toMatchObject({ quota: 12, holderName: '兴宁区' });
    const school = await grant(c['demo-county']!, p, `school:${n.school}`, 5);
    expect(school.mine).toMatchObject({ quota: 12, grantedBelow: 5, free: 7 });
    const rows = await s.deps.db
      .selectFrom('project_quotas')
      .select(['holder', 'quota', 'granted_below', 'used'])
      .where('project_id', '=', p)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { holder: n.province, quota: 50, granted_below: 20, used: 0 },
      { holder: n.city, quota: 20, granted_below: 12, used: 0 },
      { holder: n.county, quota: 12, granted_below: 5, used: 0 },
      { holder: `school:${n.school}`, quota: 5, granted_below: 0, used: 0 },
    ]);
    expect((await audits(p)).filter((a) => a.action === 'project.quota.grant').map((a) => a.detail)).toEqual([
      { holder: n.city, from: 0, to: 20 },
      { holder: n.county, from: 0, to: 12 },
      { holder: `school:${n.school}`, from: 0, to: 5 },
    ]);
  });

  it('never grants more than is free, nor skips a level, nor lowers below what is already granted or used', async () => {
    const over = await c['demo-province']!.post(`/api/projects/${p}/quotas`, { holder: n.city2, quota: 31 });
    expect(over.status).toBe(409);
    expect(over.body.message).toBe('名额不足：本单位剩余 30 个，无法再分配 31 个');
    expect((await c['demo-province']!.post(`/api/projects/${p}/quotas`, { holder: n.county, quota: 1 })).body.message).toMatch(/下一级/);
    expect((await c['demo-city']!.post(`/api/projects/${p}/quotas`, { holder: n.county2, quota: 1 })).body.message).toMatch(/下一级/);
    expect((await c['demo-county']!.post(`/api/projects/${p}/quotas`, { holder: 'school:999999', quota: 1 })).body.message).toMatch(
      /本区县的学校/,
    );
    const schoolTry = await c['demo-school']!.post(`/api/projects/${p}/quotas`, { holder: `school:${n.school}`, quota: 1 });
    expect(schoolTry.status).toBe(403);
    // the county selects 3 teachers from its own 7 free places; the city may then lower the county only to 5 + 3
    const teachers = (await teachersOf(s, n.school)).slice(0, 3).map((t) => t.id);
    await select(c['demo-county']!, p, teachers);
    const low = await c['demo-city']!.post(`/api/projects/${p}/quotas`, { holder: n.county, quota: 7 });
    expect(low.status).toBe(409);
    expect(low.body.message).toBe('不能少于该单位已分配和已使用的 8 个名额');
    const lowered = await grant(c['demo-city']!, p, n.county, 8);
    expect(lowered.mine).toMatchObject({ quota: 20, grantedBelow: 8, free: 12 });
    // the county's row is full now: selecting one more fails whole, nothing changes
    const more = await c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: [(await teachersOf(s, n.school))[4]!.id] });
    expect(more.status).toBe(409);
    expect(more.body.message).toBe('名额不足：本单位剩余 0 个，本次遴选 1 人');
    // a city project's quota cannot be split by a city that does not hold it
    expect((await c['demo-city2']!.post(`/api/projects/${p}/quotas`, { holder: n.county2, quota: 1 })).status).toBe(409);
  });

  it('shows each admin their row and their children, and answers 404 outside the area', async () => {
    const city = await c['demo-city']!.get(`/api/projects/${p}/quotas`);
    expect(city.body.mine).toMatchObject({ holder: n.city, quota: 20 });
    expect(city.body.children.some((x: { holder: string; quota: number }) => x.holder === n.county && x.quota === 8)).toBe(true);
    expect(city.body.children.every((x: { holder: string }) => x.holder.startsWith(n.city))).toBe(true);
    const county = await c['demo-county']!.get(`/api/projects/${p}/quotas`);
    expect(county.body.children.some((x: { holder: string }) => x.holder === `school:${n.school}`)).toBe(true);
    const draft = await createProject(s, c['demo-city']!, { name: '南宁草稿2', level: 'city' }, false);
    expect((await c['demo-city2']!.get(`/api/projects/${draft}/quotas`)).status).toBe(404);
    expect((await c['demo-city']!.post(`/api/projects/${draft}/quotas`, { holder: n.county, quota: 1 })).body.message).toMatch(/尚未发布/);
  });

  it("reports figures per stage broken down by the next level, within the viewer's scope", async () => {
    const prov = await c['demo-province']!.get(`/api/projects/${p}/stats`);
    expect(prov.status).toBe(200);
    expect(prov.body.groupLabel).toBe('市');
    expect(prov.body.items.find((x: { holder: string }) => x.holder === n.city)).toMatchObject({
      name: '南宁市',
      quota: 20,
      enrolled: 3,
      reviewing: 3,
    });
    expect(prov.body.total).toMatchObject({ quota: 50, enrolled: 3, reviewing: 3, approved: 0, passed: 0 });
    const county = await c['demo-county']!.get(`/api/projects/${p}/stats`);
    expect(county.body.items.find((x: { holder: string }) => x.holder === `school:${n.school}`)).toMatchObject({ quota: 5, enrolled: 3 });
    const city2 = await c['demo-city2']!.get(`/api/projects/${p}/stats`);
    expect(city2.body.total.enrolled).toBe(0);
    // the list's 报名 column counts the viewer's own area too
    const enrolledIn = async (acc: string) =>
      (await c[acc]!.get('/api/projects?pageSize=100')).body.items.find((x: { id: number }) => x.id === p).enrolled;
    expect([await enrolledIn('demo-province'), await enrolledIn('demo-county'), await enrolledIn('demo-city2')]).toEqual([3, 3, 0]);
  });
});

describe(`reference data (${TEST_DB})`, () => {
  it('lists project types with sub-types, institutions and the form options', async () => {
    const types = await c['demo-county']!.get('/api/project-types');
    expect(types.body.items.find((t: { name: string }) => t.name === '能力提升').children.map((x: { name: string }) => x.name)).toEqual([
      '(中小学)中小学教师信息技术应用能力培训',
      '培训团队信息技术应用指导能力提升培训',
    ]);
    const inst = await c['demo-school']!.get('/api/institutions');
    expect(inst.body.items.map((x: { id: number }) => x.id)).toEqual(await institutionIds(s));
    const opts = await c['demo-province']!.get('/api/projects/form-options');
    expect(opts.body.levels.map((l: { label: string }) => l.label)).toEqual(['国家级', '省级']);
    expect(opts.body.categories.map((x: { name: string }) => x.name)).toContain('校本研修课程');
    expect(opts.body.stages).toContain('小学');
    expect((await c['demo-teacher']!.get('/api/project-types')).status).toBe(403);
    expect((await c['demo-institution']!.get('/api/institutions')).status).toBe(403);
  });
});
