// 我的班级 (institution admin): list and detail, 开班通知 (text, attachments checked by content, the
// printable PDF) and 课程安排 — and who may reach them: only the class's institution (another
// institution: 404), trainees of the class for the notice once published (a teacher of another
// class: 404), every other role 403.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  enrol,
  institutionId,
  makeClass,
  makeInstitutionAdmin,
  makeProject,
  makeTeacher,
  multipartFile,
  TINY_DOCX,
  TINY_PDF,
  TINY_PNG,
} from './classes-fixtures.ts';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
let inst: Client, inst2: Client, teacher: Client, teacher2: Client, county: Client;
let projectId: number, classId: number, otherClassId: number, enrollmentId: number;

const audits = async (action: string) =>
  Number(
    (
      await s.deps.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );
const upload = (c: Client, id: number, name: string, data: Buffer, type?: string) => {
  const f = multipartFile(name, data, type);
  return c.request('POST', `/api/classes/${id}/notice/files`, f.body, f.headers);
};

beforeAll(async () => {
  s = await startTestServer();
  const db = s.deps.db;
  inst = await loginAs(s, 'demo-institution');
  inst2 = await loginAs(s, await makeInstitutionAdmin(db));
  teacher = await loginAs(s, 'demo-teacher');
  teacher2 = await loginAs(s, 'demo-teacher2');
  county = await loginAs(s, 'demo-county');
  projectId = await makeProject(db, { name: '2026年国培计划—小学语文骨干教师培训', startDay: -2, endDay: 5 });
  classId = await makeClass(db, projectId, await institutionId(db, 'INST-01'), '一班');
  otherClassId = await makeClass(db, projectId, await institutionId(db, 'INST-02'), '二班');
  enrollmentId = await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher' }), classId);
  await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher2' }), otherClassId);
  const extra = await makeTeacher(db, '欧阳晓梅');
  await enrol(db, projectId, extra.id, classId);
});
afterAll(async () => {
  await s?.close();
});

describe(`我的班级 (${TEST_DB})`, () => {
  it("lists only the institution's own classes, with project, dates and trainee count", async () => {
    const r = await inst.get('/api/classes');
    expect(r.status).toBe(200);
    const mine = r.body.items.find((c: { id: number }) => c.id === classId);
    expect(mine).toMatchObject({
      name: '一班',
      projectName: '2026年国培计划—小学语文骨干教师培训',
      trainees: 2,
      levelLabel: '省级',
      noticePublished: false,
    });
    expect(r.body.items.some((c: { id: number }) => c.id === otherClassId)).toBe(false);
    const r2 = await inst2.get('/api/classes');
    expect(r2.body.items.map((c: { id: number }) => c.id)).toContain(otherClassId);
    expect(r2.body.items.map((c: { id: number }) => c.id)).not.toContain(classId);
  });

  it("shows the detail with trainees' ID numbers masked, and 404 for another institution's class", async () => {
    const r = await inst.get(`/api/classes/${classId}`);
    expect(r.status).toBe(200);
    expect(r.body.trainees).toHaveLength(2);
    const li = r.body.trainees.find((t: { name: string }) => t.name === '李秀英');
    expect(li).toMatchObject({ enrollmentId, checkins: 0, onsiteScore: null, result: null, certificate: null });
    expect(li.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(r.body)).not.toContain(s.demo.teacherIdNumber);
    expect(r.body.project).toMatchObject({
      id: projectId,
      onsiteWeight: 40,
      onlineWeight: 60,
      passMark: 60,
      credits: 2,
      hours: 24,
      creditCategoryName: '公共必修',
    });
    expect((await inst.get(`/api/classes/${otherClassId}`)).status).toBe(404);
    expect((await inst2.get(`/api/classes/${classId}`)).status).toBe(404);
    expect((await inst.get('/api/classes/999999')).status).toBe(404);
    expect((await county.get(`/api/classes/${classId}`)).status).toBe(403);
    expect((await teacher.get(`/api/classes/${classId}`)).status).toBe(403);
  });
});

describe(`开班通知 (${TEST_DB})`, () => {
  it('is saved, refused while empty, published, and audited', async () => {
    expect((await inst.post(`/api/classes/${classId}/notice/publish`)).body.message).toContain('请先填写');
    const empty = await inst.put(`/api/classes/${classId}/notice`, { title: '  ', body: '请报到' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('请填写通知标题');
    const body =
      '各位学员：\n\n请于开班当日 8:30 前到南宁市民族大道 100 号报到，携带身份证和一寸照片两张。\n住宿统一安排，费用由项目承担。';
    const saved = await inst.put(`/api/classes/${classId}/notice`, { title: '关于小学语文骨干教师培训开班的通知', body });
    expect(saved.status).toBe(200);
    expect(saved.body.notice).toMatchObject({ title: '关于小学语文骨干教师培训开班的通知', publishedAt: null });
    // a draft is not the trainee's to see
    expect((await teacher.get(`/api/classes/${classId}/notice.pdf`)).status).toBe(404);
    expect((await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body.notice).toBeNull();
    const before = await audits('class.notice.publish');
    const pub = await inst.post(`/api/classes/${classId}/notice/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.notice.publishedAt).not.toBeNull();
    expect(await audits('class.notice.publish')).toBe(before + 1);
    expect((await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body.notice.body).toBe(body);
    // another institution cannot touch it
    expect((await inst2.put(`/api/classes/${classId}/notice`, { title: 'x', body: 'y' })).status).toBe(404);
    expect((await inst2.post(`/api/classes/${classId}/notice/publish`)).status).toBe(404);
  });

  it('accepts PDF, PNG, docx and xlsx attachments by their content and refuses anything else', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('回执').addRow(['姓名', '单位']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [name, data] of [
      ['报到须知.pdf', TINY_PDF],
      ['路线图.png', TINY_PNG],
      ['日程.docx', TINY_DOCX],
      ['回执表.xlsx', xlsx],
    ] as const) {
      const r = await upload(inst, classId, name, data);
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body.file.fileName).toBe(name);
    }
    // a script renamed to .pdf, and a PNG claiming to be a PDF (kept, with its true extension)
    const fake = await upload(inst, classId, '通知.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'application/pdf');
    expect(fake.status).toBe(400);
    expect(fake.body.message).toContain('不是 PDF、JPG、PNG、Word（docx）或 Excel（xlsx）文件');
    const renamed = await upload(inst, classId, '照片.pdf', TINY_PNG, 'application/pdf');
    expect(renamed.status).toBe(201);
    expect(renamed.body.file).toMatchObject({ fileName: '照片.png', mime: 'image/png' });
    expect((await inst.post(`/api/classes/${classId}/notice/files`, {})).status).toBe(400);
    expect((await upload(inst2, classId, 'a.pdf', TINY_PDF)).status).toBe(404);
    // the uploads live outside the web root under random names
    const stored = readdirSync(s.config.uploadDir).filter((f) => f.startsWith(`notice-${classId}-`));
    expect(stored).toHaveLength(5);
  });

  it("serves attachments to the institution and the class's trainees only, and deletes them", async () => {
    const files = (await inst.get(`/api/classes/${classId}`)).body.class.files as { id: number; fileName: string }[];
    const pdf = files.find((f) => f.fileName === '报到须知.pdf')!;
    const url = `/api/classes/${classId}/notice/files/${pdf.id}`;
    for (const c of [inst, teacher]) {
      const r = await c.get(url);
      expect(r.status).toBe(200);
      expect(r.raw.headers['content-type']).toBe('application/pdf');
      expect(r.raw.rawPayload.equals(TINY_PDF)).toBe(true);
    }
    expect((await teacher2.get(url)).status).toBe(404);
    expect((await inst2.get(url)).status).toBe(404);
    expect((await county.get(url)).status).toBe(403);
    const png = files.find((f) => f.fileName === '照片.png')!;
    expect((await inst2.request('DELETE', `/api/classes/${classId}/notice/files/${png.id}`)).status).toBe(404);
    expect((await inst.request('DELETE', `/api/classes/${classId}/notice/files/${png.id}`)).status).toBe(200);
    expect((await inst.get(`/api/classes/${classId}/notice/files/${png.id}`)).status).toBe(404);
    expect(readdirSync(s.config.uploadDir).filter((f) => f.startsWith(`notice-${classId}-`))).toHaveLength(4);
  });

  it("prints as a PDF with the Chinese font, for the institution and the class's trainees", async () => {
    await inst.post(`/api/classes/${classId}/sessions`, {
      startsAt: at(0, '08:30'),
      endsAt: at(0, '11:30'),
      place: '报告厅',
      topic: '开班仪式与新课标解读',
      lecturer: '王教授',
    });
    const r = await teacher.get(`/api/classes/${classId}/notice.pdf`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toBe('application/pdf');
    const pdf = r.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansCJK');
    // rendered, the first page is not blank (text extraction passes on broken PDFs; pixels do not)
    const dir = mkdtempSync(path.join(tmpdir(), 'notice-'));
    try {
      writeFileSync(path.join(dir, 'n.pdf'), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', path.join(dir, 'n.pdf'), path.join(dir, 'p')]);
      expect(readdirSync(dir).some((f) => f.startsWith('p') && f.endsWith('.png'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await inst.get(`/api/classes/${classId}/notice.pdf`)).status).toBe(200);
    expect((await teacher2.get(`/api/classes/${classId}/notice.pdf`)).status).toBe(404);
    expect((await inst2.get(`/api/classes/${classId}/notice.pdf`)).status).toBe(404);
    expect((await county.get(`/api/classes/${classId}/notice.pdf`)).status).toBe(403);
  });
});

describe(`课程安排 (${TEST_DB})`, () => {
  const base = () => `/api/classes/${classId}/sessions`;
  it("refuses a session that ends before it starts or lies outside the project's dates, saying why", async () => {
    const backwards = await inst.post(base(), { startsAt: at(1, '10:00'), endsAt: at(1, '09:00'), topic: '倒序' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toBe('结束时间必须晚于开始时间');
    const early = await inst.post(base(), { startsAt: at(-3, '09:00'), endsAt: at(-3, '10:00'), topic: '太早' });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/早于项目开始日期 \d{4}-\d{2}-\d{2}，课程须安排在项目的培训时间内/);
    const late = await inst.post(base(), { startsAt: at(5, '20:00'), endsAt: at(6, '09:00'), topic: '太晚' });
    expect(late.status).toBe(400);
    expect(late.body.message).toContain('晚于项目结束日期');
    const noTopic = await inst.post(base(), { startsAt: at(1, '09:00'), endsAt: at(1, '10:00'), topic: '' });
    expect(noTopic.body.message).toBe('请填写课程主题');
    const badTime = await inst.post(base(), { startsAt: '明天上午', endsAt: at(1, '10:00'), topic: 'x' });
    expect(badTime.status).toBe(400);
    expect(badTime.body.message).toBe('开始时间格式不正确');
  });

  it('creates, lists, updates and deletes sessions; one with check-ins stays', async () => {
    const created = await inst.post(base(), {
      startsAt: at(1, '14:00'),
      endsAt: at(1, '17:00'),
      place: '302 教室',
      topic: '整本书阅读教学',
      lecturer: '李老师',
    });
    expect(created.status).toBe(201);
    const sid = created.body.session.id;
    expect(created.body.session).toMatchObject({ topic: '整本书阅读教学', place: '302 教室', lecturer: '李老师', checkedIn: 0 });
    expect(created.body.session.when).toMatch(/^\d{4}-\d{2}-\d{2} 14:00–17:00$/);
    const upd = await inst.put(`${base()}/${sid}`, {
      startsAt: at(1, '14:30'),
      endsAt: at(1, '17:00'),
      place: '303 教室',
      topic: '整本书阅读教学设计',
      lecturer: '李老师',
    });
    expect(upd.status).toBe(200);
    expect(upd.body.session).toMatchObject({ place: '303 教室', topic: '整本书阅读教学设计' });
    const list = await inst.get(base());
    expect(list.body.items.map((x: { topic: string }) => x.topic)).toEqual(['开班仪式与新课标解读', '整本书阅读教学设计']);
    expect(list.body.trainees).toBe(2);
    expect((await inst2.put(`${base()}/${sid}`, { startsAt: at(1, '14:30'), endsAt: at(1, '17:00'), topic: 'x' })).status).toBe(404);
    expect((await inst2.get(base())).status).toBe(404);
    expect((await inst2.request('DELETE', `${base()}/${sid}`)).status).toBe(404);
    // a session of the other class is not found through this one
    const other = await inst2.post(`/api/classes/${otherClassId}/sessions`, {
      startsAt: at(1, '09:00'),
      endsAt: at(1, '10:00'),
      topic: '二班课程',
    });
    expect(other.status).toBe(201);
    expect((await inst.request('DELETE', `${base()}/${other.body.session.id}`)).status).toBe(404);

    await inst.post(`${base()}/${sid}/checkins`, { enrollmentIds: [enrollmentId], present: true });
    const refused = await inst.request('DELETE', `${base()}/${sid}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('已有 1 人签到');
    await inst.post(`${base()}/${sid}/checkins`, { enrollmentIds: [enrollmentId], present: false });
    const before = await audits('class.session.delete');
    expect((await inst.request('DELETE', `${base()}/${sid}`)).status).toBe(200);
    expect(await audits('class.session.delete')).toBe(before + 1);
    expect((await inst.get(base())).body.items).toHaveLength(1);
  });
});

describe(`demo data (${TEST_DB})`, () => {
  it("furnishes demo-institution's classes with a notice and a schedule, and the ended one with attendance and evaluations", async () => {
    const classes = (await inst.get('/api/classes')).body.items as {
      id: number;
      trainees: number;
      sessions: number;
      noticePublished: boolean;
      name: string;
    }[];
    // the training projects' classes; an elective's one class (demo/electives.ts: «…学习班») has no schedule or notice
    const demo = classes.filter((c) => c.id !== classId && !c.name.endsWith('学习班'));
    expect(demo.length).toBeGreaterThanOrEqual(1);
    expect(demo.every((c) => c.sessions >= 2 && c.noticePublished)).toBe(true);
    const ended = (await teacher.get('/api/my/projects?tab=ended')).body.items.find(
      (x: { enrollment: { classId: number | null } }) => x.enrollment.classId !== null,
    );
    const mine = (await teacher.get(`/api/my/enrollments/${ended.enrollment.id}/class`)).body;
    expect(mine.enrollment).toMatchObject({ phase: 'ended', result: 'passed' });
    expect(mine.certificate.status).toBe('valid');
    expect(mine.notice.title).toContain('开班的通知');
    expect(mine.checkins.done).toBe(mine.checkins.total);
    expect(mine.checkins.total).toBeGreaterThan(0);
    expect(mine.evaluation).toMatchObject({ done: false, open: true });
    const summary = (await inst.get(`/api/classes/${mine.class.id}/evaluation`)).body;
    expect(summary.count).toBe(Math.min(3, summary.trainees - 1));
    // seeding is no admin's act: no class audit rows
    expect(await audits('class.checkin')).toBe(0);
  });
});
