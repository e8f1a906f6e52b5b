// 自主选学 catalogue on a real database: an institution offers a course (bad input changes nothing), submits
// it to the organising level, which approves it (two approvers at once: one wins, 409 for the other) or
// returns it with a reason; scope (another institution, another city) and role are refused; the teacher's
// catalogue shows only what they may take, with filters, and a detail that says what it does for their credits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitutionAdmin } from './classes-fixtures.ts';
import { approvedElective, electiveBody } from './electives-fixtures.ts';
import { newTeacher } from './factories.ts';
import { type Client, loginAs, startTestServer, TEST_DB, type TestServer } from './harness.ts';

let s: TestServer;
const c: Record<string, Client> = {};
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  await makeInstitutionAdmin(s.deps.db);
  for (const acc of ['demo-institution', 'test-institution2', 'demo-province', 'demo-city', 'demo-city2', 'demo-county', 'demo-teacher'])
    c[acc] = await loginAs(s, acc);
});
afterAll(async () => {
  await s?.close();
});

const count = async (table: 'electives' | 'audit_log') =>
  Number(
    (
      await s.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`自主选学项目: offer and review (${TEST_DB})`, () => {
  it('refuses bad input with Chinese messages and writes nothing', async () => {
    const before = [await count('electives'), await count('audit_log')];
    const bad = [
      electiveBody({ name: '' }),
      electiveBody({ creditCategory: 'nonsense' }),
      electiveBody({ endDate: electiveBody().startDate, startDate: electiveBody().endDate }),
      electiveBody({ priceFen: -1 }),
      electiveBody({ capacity: 0 }),
      electiveBody({ organiserRegionCode: '9901' }),
      electiveBody({ learningUrl: 'javascript:alert(1)' }),
    ];
    for (const body of bad) {
      const r = await c['demo-institution']!.post('/api/electives', body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect([await count('electives'), await count('audit_log')]).toEqual(before);
  });

  it('an institution offers, submits; the province approves: published with a class, audited', async () => {
    const r = await c['demo-institution']!.post('/api/electives', electiveBody({ name: '班主任工作艺术', capacity: 30 }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const e = r.body.elective;
    expect(e).toMatchObject({
      reviewStatus: 'draft',
      providerName: expect.any(String),
      organiserRegionCode: '45',
      capacity: 30,
      priceLabel: '免费',
    });
    expect(r.body.abilities).toEqual({ edit: true, submit: true, review: false });
    // not in anyone's queue before it is submitted
    expect((await c['demo-province']!.get('/api/electives/pending')).body.items.map((x: { id: number }) => x.id)).not.toContain(e.id);
    const sub = await c['demo-institution']!.post(`/api/electives/${e.id}/submit`, { version: e.version });
    expect(sub.body.elective.reviewStatus).toBe('pending');
    // the city admin sees nothing organised by the province; the province's queue has it
    expect((await c['demo-city']!.get(`/api/electives/${e.id}`)).status).toBe(404);
    const queue = (await c['demo-province']!.get('/api/electives/pending')).body.items;
    expect(queue.find((x: { id: number }) => x.id === e.id)).toMatchObject({ name: '班主任工作艺术', reviewStatusLabel: '待审核' });
    const ok = await c['demo-province']!.post(`/api/electives/${e.id}/approve`, { version: sub.body.elective.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.elective).toMatchObject({ reviewStatus: 'published', reviewStatusLabel: '已上架', classId: expect.any(Number) });
    const quota = await s.deps.db.selectFrom('project_quotas').select(['holder', 'quota', 'used']).where('project_id', '=', e.id).execute();
    expect(quota).toEqual([{ holder: '45', quota: 30, used: 0 }]);
    const cls = await s.deps.db.selectFrom('training_classes').select(['institution_id', 'name']).where('project_id', '=', e.id).execute();
    expect(cls).toHaveLength(1);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'elective')
      .where('object_id', '=', String(e.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['elective.create', 'elective.submit', 'elective.approve']);
    // the institution's existing class pages list it
    expect((await c['demo-institution']!.get('/api/classes')).body.items.some((x: { projectId: number }) => x.projectId === e.id)).toBe(
      true,
    );
    // a published elective is no longer edited
    expect((await c['demo-institution']!.put(`/api/electives/${e.id}`, electiveBody())).status).toBe(409);
  });

  it('two approvers at once: exactly one wins, the other is told (409) and nothing is doubled', async () => {
    const r = await c['demo-institution']!.post('/api/electives', electiveBody({ capacity: 5 }));
    const sub = await c['demo-institution']!.post(`/api/electives/${r.body.elective.id}/submit`, { version: r.body.elective.version });
    const id = r.body.elective.id as number,
      version = sub.body.elective.version as number;
    const second = await loginAs(s, 'demo-province');
    const results = await Promise.all([
      c['demo-province']!.post(`/api/electives/${id}/approve`, { version }),
      second.post(`/api/electives/${id}/return`, { version, reason: '材料不全' }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    const classes = await s.deps.db.selectFrom('training_classes').select('id').where('project_id', '=', id).execute();
    const quotas = await s.deps.db.selectFrom('project_quotas').select('id').where('project_id', '=', id).execute();
    const approved = results.find((x) => x.status === 200)?.body.elective.reviewStatus === 'published';
    expect(classes).toHaveLength(approved ? 1 : 0);
    expect(quotas).toHaveLength(approved ? 1 : 0);
  });

  it('returned with a reason: the provider edits and submits again; a stale version is refused', async () => {
    const r = await c['demo-institution']!.post('/api/electives', electiveBody({ name: '退回测试' }));
    const id = r.body.elective.id as number;
    const sub = await c['demo-institution']!.post(`/api/electives/${id}/submit`, { version: r.body.elective.version });
    expect((await c['demo-province']!.post(`/api/electives/${id}/return`, { version: sub.body.elective.version, reason: '' })).status).toBe(
      400,
    );
    const ret = await c['demo-province']!.post(`/api/electives/${id}/return`, {
      version: sub.body.elective.version,
      reason: '请补充课程大纲',
    });
    expect(ret.body.elective).toMatchObject({
      reviewStatus: 'returned',
      returnReason: '请补充课程大纲',
      reviewedByName: expect.any(String),
    });
    const stale = await c['demo-institution']!.post(`/api/electives/${id}/submit`, { version: sub.body.elective.version });
    expect(stale.status).toBe(409);
    const edited = await c['demo-institution']!.put(
      `/api/electives/${id}`,
      electiveBody({ name: '退回测试（修改后）', syllabus: '完整大纲' }),
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const again = await c['demo-institution']!.post(`/api/electives/${id}/submit`, { version: edited.body.elective.version });
    expect(again.body.elective).toMatchObject({ reviewStatus: 'pending', name: '退回测试（修改后）', returnReason: null });
  });

  it('keeps scope and role: another institution 404, a city that does not organise it 404, the teacher 403', async () => {
    const { id } = await approvedElective(c, { name: '范围测试' });
    expect((await c['test-institution2']!.get(`/api/electives/${id}`)).status).toBe(404);
    expect((await c['test-institution2']!.put(`/api/electives/${id}`, electiveBody())).status).toBe(404);
    expect((await c['demo-city2']!.get(`/api/electives/${id}/learners`)).status).toBe(404);
    expect((await c['demo-teacher']!.get(`/api/electives/${id}`)).status).toBe(403);
    expect((await c['demo-institution']!.post(`/api/electives/${id}/approve`, { version: 1 })).status).toBe(403);
    // a city-organised course: only that city approves; the province reads it but may not decide
    const r = await c['demo-institution']!.post(
      '/api/electives',
      electiveBody({ organiserRegionCode: (await c['demo-city']!.get('/api/auth/me')).body.user.scope.regionCode }),
    );
    const sub = await c['demo-institution']!.post(`/api/electives/${r.body.elective.id}/submit`, { version: r.body.elective.version });
    const v = sub.body.elective.version;
    expect((await c['demo-province']!.post(`/api/electives/${r.body.elective.id}/approve`, { version: v })).status).toBe(403);
    expect((await c['demo-city2']!.post(`/api/electives/${r.body.elective.id}/approve`, { version: v })).status).toBe(404);
    expect((await c['demo-city']!.post(`/api/electives/${r.body.elective.id}/approve`, { version: v })).status).toBe(200);
  });
});

describe(`自主选学目录: the teacher's catalogue (${TEST_DB})`, () => {
  it('shows only what the teacher may take, filters and searches, free courses first', async () => {
    const t = await newTeacher(s, { profile: { stage: '小学', subject: '语文' } });
    const tc = await t.client();
    const tag = `目录${Date.now() % 100000}`;
    const { id: free } = await approvedElective(c, { name: `${tag} 免费小学`, targetStages: ['小学'], mode: 'online' });
    const { id: paid } = await approvedElective(c, { name: `${tag} 付费`, priceFen: 19900 });
    const { id: high } = await approvedElective(c, { name: `${tag} 高中`, targetStages: ['高中'] });
    const { id: closed } = await approvedElective(c, {
      name: `${tag} 已截止`,
      applyStart: electiveBody().applyStart,
      applyEnd: electiveBody().applyStart,
    });
    // organised by demo-city2: not the teacher's area
    const city2 = (await c['demo-city2']!.get('/api/auth/me')).body.user.scope.regionCode;
    const { id: away } = await approvedElective(c, { name: `${tag} 外市`, organiserRegionCode: city2 }, { approver: 'demo-city2' });
    const pending = await c['demo-institution']!.post('/api/electives', electiveBody({ name: `${tag} 草稿` }));
    const list = await tc.get(`/api/catalogue/electives?q=${encodeURIComponent(tag)}`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const ids = list.body.items.map((x: { id: number }) => x.id);
    expect(ids).toEqual([free, paid]);
    for (const hidden of [high, closed, away, pending.body.elective.id]) expect(ids).not.toContain(hidden);
    expect(list.body.items[1]).toMatchObject({ priceFen: 19900, priceLabel: '¥199（教师个人支付）' });
    const onlyPaid = await tc.get(`/api/catalogue/electives?q=${encodeURIComponent(tag)}&price=paid`);
    expect(onlyPaid.body.items.map((x: { id: number }) => x.id)).toEqual([paid]);
    const byStage = await tc.get(`/api/catalogue/electives?q=${encodeURIComponent(tag)}&stage=${encodeURIComponent('初中')}`);
    expect(byStage.body.items.map((x: { id: number }) => x.id)).toEqual([paid]);
    expect((await tc.get(`/api/catalogue/electives?q=${encodeURIComponent(tag)}&mode=onsite`)).body.items).toEqual([]);
    // a course not for the teacher does not exist for them
    expect((await tc.get(`/api/catalogue/electives/${away}`)).status).toBe(404);
    expect((await tc.get(`/api/catalogue/electives/${pending.body.elective.id}`)).status).toBe(404);
    expect((await tc.get('/api/catalogue/electives?sort=bogus')).status).toBe(400);
  });

  it('the detail says what the course does for the teacher’s credits, from the credit engine', async () => {
    const t = await newTeacher(s, { profile: { stage: '小学', subject: '语文' } });
    const { id } = await approvedElective(c, { name: '学分作用测试', creditAmount: 6 });
    const d = await (await t.client()).get(`/api/catalogue/electives/${id}`);
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.canEnrol).toBe(true);
    expect(d.body.creditEffect.counted).toBe(6);
    expect(d.body.creditEffect.statements.join('\n')).toMatch(/周期集中培训和远程培训 6 学分/);
    expect(d.body.elective.passRule).toBe('学习进度 ≥ 100% 且考核成绩 ≥ 60 分');
    expect(d.body.elective).not.toHaveProperty('learningUrl');
  });
});
