// Institutions' classes (开班通知, 课程安排, 签到, 成绩, 训后评估) and the trainee's side. The matrix
// has no second institution or second teacher account for these routes' own checks, so the
// other-side refusals (another institution's class, a teacher of another class) are tested in
// classes*.test.ts; here side 1 is demo-institution's class with demo-teacher in it, side 2 a class
// of INST-02 with demo-teacher2. The evaluation summary's projects are organised by demo-school
// and demo-school2, so every region admin on side 1 is the organiser or above it.
import { expect } from 'vitest';
import { at, enrol, institutionId, makeClass, makeProject, multipartFile, TINY_PDF } from '../classes-fixtures.ts';
import { userIdOf } from '../harness.ts';
import { ADMINS_OF_TEACHERS, type Entry, type MatrixPart } from './types.ts';

const INST = ['institution_admin' as const];
const session: Entry = { allow: INST, obj: 'trainingClass', params: { sid: '0' } };
const sessionBody = { startsAt: at(0, '09:00'), endsAt: at(0, '11:30'), place: '报告厅', topic: '矩阵课程', lecturer: '张老师' };
const entries: Record<string, Entry> = {
  'GET /api/classes': { allow: INST },
  'GET /api/classes/:id': { allow: INST, obj: 'trainingClass' },
  'PUT /api/classes/:id/notice': { allow: INST, obj: 'trainingClass', body: { title: '开班通知', body: '请按时报到。' } },
  'POST /api/classes/:id/notice/publish': { allow: INST, obj: 'trainingClass' },
  'POST /api/classes/:id/notice/files': { allow: INST, obj: 'trainingClass' },
  'GET /api/classes/:id/notice/files/:fileId': { allow: ['teacher', 'institution_admin'], obj: 'trainingClass', params: { fileId: '0' } },
  'DELETE /api/classes/:id/notice/files/:fileId': { allow: INST, obj: 'trainingClass', params: { fileId: '0' } },
  'GET /api/classes/:id/notice.pdf': { allow: ['teacher', 'institution_admin'], obj: 'trainingClass' },
  'GET /api/classes/:id/sessions': { allow: INST, obj: 'trainingClass' },
  'POST /api/classes/:id/sessions': { allow: INST, obj: 'trainingClass', body: sessionBody },
  'PUT /api/classes/:id/sessions/:sid': { ...session, body: sessionBody },
  'GET /api/classes/:id/sessions/:sid/checkin-code': session,
  'GET /api/classes/:id/sessions/:sid/checkins': session,
  'POST /api/classes/:id/sessions/:sid/checkins': { ...session, body: { enrollmentIds: [1], present: true } },
  'DELETE /api/classes/:id/sessions/:sid': { allow: INST, obj: 'trainingClass', params: { sid: '0' } },
  'POST /api/checkin': { allow: ['teacher'], body: { code: '1.1.AAAAAAAAAAAA' } },
  'PUT /api/classes/:id/scores': { allow: INST, obj: 'trainingClass', body: { items: [] } },
  'GET /api/classes/:id/scores/template': { allow: INST, obj: 'trainingClass' },
  'POST /api/classes/:id/scores/import': { allow: INST, obj: 'trainingClass' },
  'GET /api/classes/:id/evaluation': { allow: INST, obj: 'trainingClass' },
  'GET /api/my/enrollments/:id/class': { allow: ['teacher'], obj: 'classEnrollment' },
  'GET /api/my/enrollments/:id/certificate.pdf': { allow: ['teacher'], obj: 'classEnrollment' },
  'POST /api/my/enrollments/:id/evaluation': {
    allow: ['teacher'],
    obj: 'classEnrollment',
    body: { answers: { q1: 5, q2: 4, q3: '很好' } },
  },
  'GET /api/projects/:id/evaluation-summary': { allow: ADMINS_OF_TEACHERS, obj: 'classProject' },
};

export const part: MatrixPart = {
  entries,
  async setup({ s, client }) {
    const db = s.deps.db;
    const inst = await client('demo-institution');
    const school = async (acc: string) => (await (await client(acc)).get('/api/auth/me')).body.user.scope.schoolId as number;
    const projects: number[] = [],
      classes: number[] = [],
      enrollments: number[] = [];
    for (const [i, [schoolAcc, teacherAcc, instCode]] of (
      [
        ['demo-school', 'demo-teacher', 'INST-01'],
        ['demo-school2', 'demo-teacher2', 'INST-02'],
      ] as const
    ).entries()) {
      const p = await makeProject(db, { name: `矩阵项目${i + 1}`, level: 'school', organiserSchoolId: await school(schoolAcc) });
      const c = await makeClass(db, p, await institutionId(db, instCode), `矩阵${i + 1}班`);
      projects.push(p);
      classes.push(c);
      enrollments.push(await enrol(db, p, await userIdOf(s, { login: teacherAcc }), c));
    }
    const classUrl = `/api/classes/${classes[0]}`;
    expect((await inst.put(`${classUrl}/notice`, { title: '矩阵开班通知', body: '请按时报到。' })).status).toBe(200);
    expect((await inst.post(`${classUrl}/notice/publish`)).status).toBe(200);
    const files: number[] = [];
    for (const name of ['报到须知.pdf', '作废.pdf']) {
      const f = multipartFile(name, TINY_PDF, 'application/pdf');
      const r = await inst.request('POST', `${classUrl}/notice/files`, f.body, f.headers);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      files.push(r.body.file.id);
    }
    const sessions: number[] = [];
    for (const topic of ['矩阵课程', '待删除课程']) {
      const r = await inst.post(`${classUrl}/sessions`, { ...sessionBody, topic });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      sessions.push(r.body.session.id);
    }
    // a passed trainee, so the certificate and the evaluation exist / are open on side 1
    const scored = await inst.put(`${classUrl}/scores`, { items: [{ enrollmentId: enrollments[0], onsiteScore: 80, onlineScore: 90 }] });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    entries['GET /api/classes/:id/notice/files/:fileId']!.params!.fileId = String(files[0]);
    entries['DELETE /api/classes/:id/notice/files/:fileId']!.params!.fileId = String(files[1]);
    for (const k of [
      'PUT /api/classes/:id/sessions/:sid',
      'GET /api/classes/:id/sessions/:sid/checkin-code',
      'GET /api/classes/:id/sessions/:sid/checkins',
      'POST /api/classes/:id/sessions/:sid/checkins',
    ]) {
      entries[k]!.params = { sid: String(sessions[0]) };
    }
    entries['DELETE /api/classes/:id/sessions/:sid']!.params!.sid = String(sessions[1]);
    (entries['POST /api/classes/:id/sessions/:sid/checkins']!.body as { enrollmentIds: number[] }).enrollmentIds = [enrollments[0]!];
    entries['PUT /api/classes/:id/scores']!.body = { items: [{ enrollmentId: enrollments[0], onsiteScore: 85, onlineScore: 90 }] };
    return {
      trainingClass: [classes[0]!, classes[1]!],
      classEnrollment: [enrollments[0]!, enrollments[1]!],
      classProject: [projects[0]!, projects[1]!],
    };
  },
};
