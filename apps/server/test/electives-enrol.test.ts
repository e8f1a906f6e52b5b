// 自主选学 enrolment on a real database: a free course is taken at once into its class; a paid one goes through
// 报名并支付 (orders-electives.test.ts); N teachers racing for the last places take exactly the capacity
// (the rest hear «名额已满»); 取消报名 gives the place back and is refused once learning started; the
// provider records progress and a score on its class page and a pass posts the credit (source 'elective',
// organiser as certifier, once) and issues the certificate shown under 自主选学 in 我的证书.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday } from './classes-fixtures.ts';
import { approvedElective, placesOf } from './electives-fixtures.ts';
import { newTeacher } from './factories.ts';
import { type Client, loginAs, startTestServer, TEST_DB, type TestServer } from './harness.ts';

let s: TestServer;
const c: Record<string, Client> = {};
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  for (const acc of ['demo-institution', 'demo-province']) c[acc] = await loginAs(s, acc);
});
afterAll(async () => {
  await s?.close();
});

const teacher = async () => (await newTeacher(s, { profile: { stage: '小学', subject: '语文' } })).client();
const enrolmentsOf = (id: number) =>
  s.deps.db.selectFrom('enrollments').select(['id', 'status', 'origin', 'class_id', 'quota_id']).where('project_id', '=', id).execute();

describe(`自主选学 enrolment (${TEST_DB})`, () => {
  it('enrols in a free course at once (学习中), shows it in 我的自主选学, and refuses a second enrolment', async () => {
    const { id, classId } = await approvedElective(c, { name: '免费课程报名' });
    const t = await teacher();
    const r = await t.post(`/api/catalogue/electives/${id}/enrol`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ tab: 'learning', statusLabel: '未开始', canCancel: true, canLearn: false, learningUrl: null });
    expect(await enrolmentsOf(id)).toEqual([expect.objectContaining({ status: 'assigned', origin: 'self', class_id: classId })]);
    const again = await t.post(`/api/catalogue/electives/${id}/enrol`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('您已报名该课程');
    expect(await enrolmentsOf(id)).toHaveLength(1);
    const mine = await t.get('/api/my/electives?tab=learning');
    expect(mine.body.counts).toEqual({ learning: 1, passed: 0, failed: 0 });
    expect(mine.body.items[0].elective).toMatchObject({ id, name: '免费课程报名' });
    // no longer offered in the catalogue; the detail shows the enrolment instead
    expect((await t.get('/api/catalogue/electives?q=免费课程报名')).body.items).toEqual([]);
    expect((await t.get(`/api/catalogue/electives/${id}`)).body).toMatchObject({
      canEnrol: false,
      mine: { enrollmentId: r.body.enrollmentId },
    });
    // the provider's class page lists the learner; 我的专项培训 does not
    const cls = await c['demo-institution']!.get(`/api/classes/${classId}`);
    expect(cls.body.trainees.map((x: { enrollmentId: number }) => x.enrollmentId)).toContain(r.body.enrollmentId);
    const projects = await t.get('/api/my/projects?tab=upcoming');
    expect(JSON.stringify(projects.body)).not.toContain('免费课程报名');
  });

  it('a paid course (the teacher pays) is not taken by 报名: it goes through 报名并支付 (orders-electives.test.ts)', async () => {
    const { id } = await approvedElective(c, { priceFen: 9900, capacity: 5 });
    const t = await teacher();
    const d = await t.get(`/api/catalogue/electives/${id}`);
    expect(d.body).toMatchObject({ canEnrol: true, refusal: null });
    const r = await t.post(`/api/catalogue/electives/${id}/enrol`);
    expect(r.status).toBe(409);
    expect(r.body.message).toContain('报名并支付');
    expect(await enrolmentsOf(id)).toEqual([]);
    expect(await placesOf(s, id)).toEqual({ quota: 5, used: 0 });
  });

  it('N teachers racing for the last places: taken == capacity exactly, the rest «名额已满»', async () => {
    const capacity = 3;
    const { id } = await approvedElective(c, { capacity });
    const clients = await Promise.all(Array.from({ length: 8 }, () => teacher()));
    const results = await Promise.all(clients.map((t) => t.post(`/api/catalogue/electives/${id}/enrol`)));
    const ok = results.filter((r) => r.status === 201);
    const full = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(capacity);
    expect(full).toHaveLength(8 - capacity);
    for (const r of full) expect(r.body.message).toBe('名额已满');
    expect(await placesOf(s, id)).toEqual({ quota: capacity, used: capacity });
    expect((await enrolmentsOf(id)).filter((e) => e.status === 'assigned')).toHaveLength(capacity);
  });

  it('取消报名 gives the place back (another teacher takes it); refused with a stale version or once learning started', async () => {
    const { id } = await approvedElective(c, { capacity: 1 });
    const [a, b] = [await teacher(), await teacher()];
    const mine = (await a.post(`/api/catalogue/electives/${id}/enrol`)).body;
    expect((await b.post(`/api/catalogue/electives/${id}/enrol`)).body.message).toBe('名额已满');
    expect((await a.post(`/api/my/electives/${mine.enrollmentId}/cancel`, { version: mine.version + 1 })).status).toBe(409);
    expect((await b.post(`/api/my/electives/${mine.enrollmentId}/cancel`, { version: mine.version })).status).toBe(404);
    const r = await a.post(`/api/my/electives/${mine.enrollmentId}/cancel`, { version: mine.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await placesOf(s, id)).toEqual({ quota: 1, used: 0 });
    expect((await a.get('/api/my/electives')).body.counts.learning).toBe(0);
    expect((await b.post(`/api/catalogue/electives/${id}/enrol`)).status).toBe(201);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', String(mine.enrollmentId))
      .where('object_type', '=', 'enrollment')
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['elective.enrol', 'elective.cancel']);
    // learning under way: 去学习 is offered, 取消报名 is not
    const { id: running } = await approvedElective(c, { startDate: dayFromToday(-1) });
    const e = (await a.post(`/api/catalogue/electives/${running}/enrol`)).body;
    expect(e).toMatchObject({ statusLabel: '学习中', canLearn: true, learningUrl: 'https://learn.example.org/course/1', canCancel: false });
    const refused = await a.post(`/api/my/electives/${e.enrollmentId}/cancel`, { version: e.version });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('课程学习已经开始，不能取消报名');
  });

  it('progress 100 and a passing score: 已通过, the credit (source elective) once, the certificate under 自主选学', async () => {
    const { id, classId } = await approvedElective(c, {
      name: '通过测试课程',
      creditAmount: 3,
      startDate: dayFromToday(-1),
      minProgress: 80,
    });
    const t = await teacher();
    const e = (await t.post(`/api/catalogue/electives/${id}/enrol`)).body;
    const save = (item: Record<string, unknown>) =>
      c['demo-institution']!.put(`/api/classes/${classId}/scores`, { items: [{ enrollmentId: e.enrollmentId, ...item }] });
    // a passing score with too little progress is not a pass yet
    const low = await save({ onlineScore: 90, progress: 50 });
    expect(low.status, JSON.stringify(low.body)).toBe(200);
    expect(low.body.items[0]).toMatchObject({ result: null, completion: null });
    expect((await t.get('/api/my/electives?tab=learning')).body.items[0]).toMatchObject({ progress: 50, score: 90, canCancel: false });
    const pass = await save({ progress: 100 });
    expect(pass.body.items[0]).toMatchObject({ result: 'passed', completion: 'passed' });
    // saving the same again changes nothing (no second credit)
    expect((await save({ progress: 100, onlineScore: 90 })).body.items[0].status).toBe('unchanged');
    const credits = await s.deps.db
      .selectFrom('credit_entries')
      .select(['source', 'amount_h', 'category', 'certifier_name', 'title'])
      .where('source_id', '=', String(e.enrollmentId))
      .execute();
    expect(credits).toEqual([
      {
        source: 'elective',
        amount_h: 300,
        category: 'self_elective',
        certifier_name: expect.stringContaining('广西'),
        title: '通过测试课程',
      },
    ]);
    const my = (await t.get('/api/my/electives?tab=passed')).body;
    expect(my.counts).toMatchObject({ learning: 0, passed: 1 });
    expect(my.items[0]).toMatchObject({ statusLabel: '已通过', result: 'passed', certificateId: expect.any(Number) });
    const certs = (await t.get('/api/certificates/mine')).body.items;
    expect(certs.find((x: { id: number }) => x.id === my.items[0].certificateId)).toMatchObject({
      kind: 'completion',
      source: 'elective',
      title: '通过测试课程结业证书',
      status: 'valid',
    });
    const pdf = await t.get(`/api/certificates/${my.items[0].certificateId}/pdf`);
    expect(pdf.status).toBe(200);
    // learners and figures for the provider and the organiser
    const learners = (await c['demo-institution']!.get(`/api/electives/${id}/learners`)).body;
    expect(learners.items).toEqual([expect.objectContaining({ progress: 100, score: 90, resultLabel: '已通过' })]);
    const stats = (await c['demo-province']!.get('/api/electives/stats')).body.items.find((x: { id: number }) => x.id === id);
    expect(stats).toMatchObject({ enrolled: 1, passed: 1, failed: 0, passRate: 100 });
  });

  it('a failing score is 未通过; progress out of range is refused and changes nothing', async () => {
    const { id, classId } = await approvedElective(c, { startDate: dayFromToday(-1) });
    const t = await teacher();
    const e = (await t.post(`/api/catalogue/electives/${id}/enrol`)).body;
    const bad = await c['demo-institution']!.put(`/api/classes/${classId}/scores`, {
      items: [{ enrollmentId: e.enrollmentId, progress: 101 }],
    });
    expect(bad.status).toBe(400);
    expect((await t.get('/api/my/electives')).body.items[0].progress).toBeNull();
    const r = await c['demo-institution']!.put(`/api/classes/${classId}/scores`, {
      items: [{ enrollmentId: e.enrollmentId, progress: 100, onlineScore: 40 }],
    });
    expect(r.body.items[0].result).toBe('failed');
    const my = (await t.get('/api/my/electives?tab=failed')).body;
    expect(my.counts).toEqual({ learning: 0, passed: 0, failed: 1 });
    expect(my.items[0]).toMatchObject({ statusLabel: '未通过', certificateId: null });
  });
});
