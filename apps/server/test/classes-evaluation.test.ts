// 训后评估: one anonymous submission per trainee (no teacher id stored, a second one refused), open
// after the training, answers checked against the project's questions; institutions see their
// class's aggregate, the organiser (and levels above) the project's — nothing below 3 responses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, institutionId, makeClass, makeInstitutionAdmin, makeProject, makeTeacher } from './classes-fixtures.ts';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
let inst: Client, inst2: Client, teacher: Client, teacher2: Client, province: Client, city: Client, county: Client, school: Client;
let projectId: number, classId: number, enrollmentId: number, upcomingEnrollment: number;
const mates: { client: Client; enrollmentId: number; name: string }[] = [];

const db = () => s.deps.db;
const submit = (c: Client, id: number, answers: Record<string, unknown>) => c.post(`/api/my/enrollments/${id}/evaluation`, { answers });

beforeAll(async () => {
  s = await startTestServer();
  inst = await loginAs(s, 'demo-institution');
  inst2 = await loginAs(s, await makeInstitutionAdmin(db()));
  teacher = await loginAs(s, 'demo-teacher');
  teacher2 = await loginAs(s, 'demo-teacher2');
  province = await loginAs(s, 'demo-province');
  city = await loginAs(s, 'demo-city');
  county = await loginAs(s, 'demo-county');
  school = await loginAs(s, 'demo-school');
  // ended yesterday: the evaluation is open without a result
  projectId = await makeProject(db(), { name: '幼儿园教师保教能力提升培训', startDay: -6, endDay: -1, organiserRegion: '45' });
  classId = await makeClass(db(), projectId, await institutionId(db(), 'INST-01'), '一班');
  enrollmentId = await enrol(db(), projectId, await userIdOf(s, { login: 'demo-teacher' }), classId);
  for (const name of ['黄丽', '周敏', '吴杰']) {
    const t = await makeTeacher(db(), name);
    mates.push({ client: await loginAs(s, t.login), enrollmentId: await enrol(db(), projectId, t.id, classId), name });
  }
  const upcoming = await makeProject(db(), { name: '未开始的项目', startDay: 5, endDay: 9 });
  upcomingEnrollment = await enrol(
    db(),
    upcoming,
    await userIdOf(s, { login: 'demo-teacher' }),
    await makeClass(db(), upcoming, await institutionId(db(), 'INST-01')),
  );
});
afterAll(async () => {
  await s?.close();
});

describe(`训后评估：提交 (${TEST_DB})`, () => {
  it('opens only after the training, and checks the answers against the questions', async () => {
    const early = await submit(teacher, upcomingEnrollment, { q1: 5, q2: 5 });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/^训后评估在培训结束（\d{4}-\d{2}-\d{2}）后开放$/);
    const view = (await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body.evaluation;
    expect(view).toMatchObject({
      done: false,
      open: true,
      questions: [
        { id: 'q1', kind: 'rating' },
        { id: 'q2', kind: 'rating' },
        { id: 'q3', kind: 'text' },
      ],
    });
    for (const [answers, msg] of [
      [{ q1: 6, q2: 4 }, '请为“培训内容的实用性”打分（1–5 分）'],
      [{ q1: 4 }, '请为“授课教师的水平”打分（1–5 分）'],
      [{ q1: 4, q2: 3.5 }, '请为“授课教师的水平”打分（1–5 分）'],
      [{ q1: 4, q2: 4, q9: '多余' }, '评估内容与项目的问题不一致，请刷新页面后重新填写'],
      [{ q1: 4, q2: 4, q3: 'x'.repeat(501) }, '“意见和建议”不能超过 500 个字'],
    ] as const) {
      const r = await submit(teacher, enrollmentId, answers);
      expect(r.status).toBe(400);
      expect(r.body.message).toBe(msg);
    }
    expect(await db().selectFrom('project_evaluations').select('id').where('project_id', '=', projectId).execute()).toHaveLength(0);
  });

  it('stores the answers without the teacher, marks the enrolment, and refuses a second submission', async () => {
    const r = await submit(teacher, enrollmentId, { q1: 5, q2: 4, q3: '  案例很实用，希望增加实操  ' });
    expect(r.status).toBe(201);
    expect(r.body.message).toBe('训后评估已提交，感谢您的反馈');
    const rows = await db().selectFrom('project_evaluations').selectAll().where('project_id', '=', projectId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual({ q1: 5, q2: 4, q3: '案例很实用，希望增加实操' });
    // the table has no column that could name the teacher, and the row holds no trace of them
    const cols = (await db()
      .selectFrom('information_schema.columns' as never)
      .select('column_name' as never)
      .where('table_name' as never, '=', 'project_evaluations' as never)
      .execute()) as { column_name: string }[];
    expect(cols.map((c) => c.column_name).sort()).toEqual(['answers', 'class_id', 'id', 'project_id', 'submitted_at']);
    const teacherId = await userIdOf(s, { login: 'demo-teacher' });
    expect(JSON.stringify(rows[0])).not.toContain('李秀英');
    expect(rows[0]!.submitted_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      (await db().selectFrom('enrollments').select('evaluated').where('id', '=', enrollmentId).executeTakeFirstOrThrow()).evaluated,
    ).toBe(true);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['actor_id', 'object_type', 'object_id', 'detail'])
      .where('action', '=', 'project.evaluation.submit')
      .execute();
    expect(audit).toEqual([{ actor_id: teacherId, object_type: 'project', object_id: String(projectId), detail: { classId } }]);

    const twice = await submit(teacher, enrollmentId, { q1: 1, q2: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('您已提交过训后评估，每人只能提交一次');
    expect(await db().selectFrom('project_evaluations').select('id').where('project_id', '=', projectId).execute()).toHaveLength(1);
    expect((await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body.evaluation).toMatchObject({ done: true, open: false });
  });

  it('lets one of two simultaneous submissions win', async () => {
    const m = mates[0]!;
    const [a, b] = await Promise.all([
      submit(m.client, m.enrollmentId, { q1: 3, q2: 3 }),
      submit(m.client, m.enrollmentId, { q1: 3, q2: 3 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await db().selectFrom('project_evaluations').select('id').where('project_id', '=', projectId).execute()).toHaveLength(2);
  });

  it("is the owner's only: another teacher's enrolment is not found, other roles are refused", async () => {
    expect((await submit(teacher2, mates[1]!.enrollmentId, { q1: 5, q2: 5 })).status).toBe(404);
    expect((await submit(inst, mates[1]!.enrollmentId, { q1: 5, q2: 5 })).status).toBe(403);
    expect((await teacher2.get(`/api/my/enrollments/${enrollmentId}/class`)).status).toBe(404);
  });
});

describe(`训后评估：统计 (${TEST_DB})`, () => {
  it('hides the aggregate under 3 responses, then shows averages and anonymous text answers', async () => {
    const hidden = await inst.get(`/api/classes/${classId}/evaluation`);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      count: 2,
      hidden: true,
      trainees: 4,
      message: '已收到 2 份评估。为保护学员匿名，少于 3 份时不显示统计结果',
    });
    expect(JSON.stringify(hidden.body)).not.toContain('案例很实用');
    expect(hidden.body.questions.every((q: Record<string, unknown>) => q.average === undefined && q.answers === undefined)).toBe(true);

    expect((await submit(mates[2]!.client, mates[2]!.enrollmentId, { q1: 4, q2: 5, q3: '安排紧凑' })).status).toBe(201);
    const shown = (await inst.get(`/api/classes/${classId}/evaluation`)).body;
    expect(shown).toMatchObject({ count: 3, hidden: false });
    // (5 + 3 + 4) / 3 = 4; (4 + 3 + 5) / 3 = 4
    expect(shown.questions[0]).toMatchObject({ id: 'q1', average: 4, answered: 3, distribution: [0, 0, 1, 1, 1] });
    expect(shown.questions[1]).toMatchObject({ id: 'q2', average: 4, distribution: [0, 0, 1, 1, 1] });
    expect(shown.questions[2]).toMatchObject({ id: 'q3', answered: 2 });
    expect([...shown.questions[2].answers].sort()).toEqual(['安排紧凑', '案例很实用，希望增加实操'].sort());
    const text = JSON.stringify(shown);
    for (const name of ['李秀英', '黄丽', '吴杰']) expect(text).not.toContain(name);
    expect(text).not.toMatch(/enrollment|teacher/i);
  });

  it("shows the project's summary to the organiser and the levels above it, 404 to others, 403 to other roles", async () => {
    const r = await province.get(`/api/projects/${projectId}/evaluation-summary`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      project: { id: projectId },
      count: 3,
      hidden: false,
      classes: [{ id: classId, name: '一班', responses: 3, trainees: 4 }],
    });
    expect(r.body.questions[0].average).toBe(4);
    // a province project is not the city's or the county's to read
    expect((await city.get(`/api/projects/${projectId}/evaluation-summary`)).status).toBe(404);
    expect((await county.get(`/api/projects/${projectId}/evaluation-summary`)).status).toBe(404);
    // the project page offers the 训后评估 tab by the same rule
    expect((await province.get(`/api/projects/${projectId}`)).body.abilities.evaluation).toBe(true);
    for (const lower of [city, county]) {
      const d = await lower.get(`/api/projects/${projectId}`);
      if (d.status === 200) expect(d.body.abilities.evaluation).toBe(false);
    }
    expect((await province.get('/api/projects/999999/evaluation-summary')).status).toBe(404);
    expect((await inst.get(`/api/projects/${projectId}/evaluation-summary`)).status).toBe(403);
    expect((await teacher.get(`/api/projects/${projectId}/evaluation-summary`)).status).toBe(403);
    // a school's own project: the school, its county, city and the province read it; another school does not
    const schoolId = (await school.get('/api/auth/me')).body.user.scope.schoolId;
    const own = await makeProject(db(), { level: 'school', organiserSchoolId: schoolId });
    for (const c of [school, county, city, province]) expect((await c.get(`/api/projects/${own}/evaluation-summary`)).status).toBe(200);
    const school2 = await loginAs(s, 'demo-school2');
    expect((await school2.get(`/api/projects/${own}/evaluation-summary`)).status).toBe(404);
    expect((await (await loginAs(s, 'demo-county2')).get(`/api/projects/${own}/evaluation-summary`)).status).toBe(404);
    expect((await inst2.get(`/api/classes/${classId}/evaluation`)).status).toBe(404);
  });
});
