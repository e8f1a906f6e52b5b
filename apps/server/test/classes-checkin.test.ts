// 签到: the rotating QR code, the trainee's scan with every refusal (expired, forged, another class,
// not a trainee, not yet assigned), the idempotent second scan, and manual marking — each change
// audited, and out of reach of another institution.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkinCode, STEP_MS } from '../src/modules/classes/checkin-code.ts';
import { at, enrol, institutionId, makeClass, makeInstitutionAdmin, makeProject, makeTeacher } from './classes-fixtures.ts';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
let inst: Client, inst2: Client, teacher: Client, teacher2: Client;
let classId: number, otherClassId: number, sessionId: number, otherSessionId: number, enrollmentId: number;
let mate: { id: number; login: string; enrollmentId: number }, mateClient: Client;
let waiting: Client, stranger: Client, strangerEnrollment: number;
let pastSessionId: number, futureSessionId: number;

const secretOf = async (sid: number) =>
  (await s.deps.db.selectFrom('class_sessions').select('checkin_secret').where('id', '=', sid).executeTakeFirstOrThrow()).checkin_secret;
const count = async (table: 'checkins' | 'enrollment_events', where: Record<string, number | string>) => {
  let q = s.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  for (const [k, v] of Object.entries(where)) q = q.where(k as never, '=', v as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

beforeAll(async () => {
  s = await startTestServer();
  const db = s.deps.db;
  inst = await loginAs(s, 'demo-institution');
  inst2 = await loginAs(s, await makeInstitutionAdmin(db));
  teacher = await loginAs(s, 'demo-teacher');
  teacher2 = await loginAs(s, 'demo-teacher2');
  const projectId = await makeProject(db, { name: '信息技术应用能力提升培训', startDay: -1, endDay: 2 });
  classId = await makeClass(db, projectId, await institutionId(db, 'INST-01'), '一班');
  otherClassId = await makeClass(db, projectId, await institutionId(db, 'INST-02'), '二班');
  enrollmentId = await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher' }), classId);
  await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher2' }), otherClassId);
  const m = await makeTeacher(db, '黄丽');
  mate = { ...m, enrollmentId: await enrol(db, projectId, m.id, classId) };
  mateClient = await loginAs(s, m.login);
  const w = await makeTeacher(db, '周敏');
  await enrol(db, projectId, w.id, null, 'approved');
  waiting = await loginAs(s, w.login);
  const st = await makeTeacher(db, '吴杰');
  stranger = await loginAs(s, st.login);
  // the stranger is a trainee of another project's class: its enrolment must not be markable here
  const otherProject = await makeProject(db, { name: '别的项目' });
  strangerEnrollment = await enrol(db, otherProject, st.id, await makeClass(db, otherProject, await institutionId(db, 'INST-01')));
  // a session under way now: scans are accepted only around the session's time (config checkinWindow)
  const hour = 3_600_000;
  const body = {
    startsAt: new Date(Date.now() - hour).toISOString(),
    endsAt: new Date(Date.now() + 2 * hour).toISOString(),
    place: '报告厅',
    topic: '开班仪式',
    lecturer: '王教授',
  };
  sessionId = (await inst.post(`/api/classes/${classId}/sessions`, body)).body.session.id;
  otherSessionId = (await inst2.post(`/api/classes/${otherClassId}/sessions`, { ...body, topic: '二班开班' })).body.session.id;
});
afterAll(async () => {
  await s?.close();
});

describe(`签到码 (${TEST_DB})`, () => {
  it("changes with the time step, and is shown as a QR to the class's institution only", async () => {
    const r = await inst.get(`/api/classes/${classId}/sessions/${sessionId}/checkin-code`);
    expect(r.status).toBe(200);
    expect(r.body.code).toMatch(new RegExp(`^${sessionId}\\.\\d+\\.[A-Za-z0-9_-]{12}$`));
    expect(r.body.url).toMatch(/\/space\/checkin\?c=/);
    expect(r.body.url).toContain(encodeURIComponent(r.body.code));
    expect(r.body.qr).toMatch(/^data:image\/png;base64,/);
    expect(r.body.expiresInMs).toBeGreaterThan(0);
    expect(r.body.expiresInMs).toBeLessThanOrEqual(STEP_MS);
    expect(r.raw.headers['cache-control']).toBe('no-store');
    const secret = await secretOf(sessionId);
    const now = Date.now();
    expect(checkinCode(sessionId, secret, now).code).not.toBe(checkinCode(sessionId, secret, now + STEP_MS).code);
    expect((await inst2.get(`/api/classes/${classId}/sessions/${sessionId}/checkin-code`)).status).toBe(404);
    expect((await inst.get(`/api/classes/${classId}/sessions/${otherSessionId}/checkin-code`)).status).toBe(404);
    expect((await teacher.get(`/api/classes/${classId}/sessions/${sessionId}/checkin-code`)).status).toBe(403);
    // the code never reaches the audit log
    const rows = await s.deps.db.selectFrom('audit_log').select('detail').execute();
    expect(JSON.stringify(rows)).not.toContain(r.body.code);
  });
});

describe(`扫码签到 (${TEST_DB})`, () => {
  it('checks a trainee in, once: a second scan answers 已签到过 and writes nothing', async () => {
    const { code } = (await inst.get(`/api/classes/${classId}/sessions/${sessionId}/checkin-code`)).body;
    const r = await teacher.post('/api/checkin', { code });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'checked_in',
      message: '签到成功',
      session: { topic: '开班仪式', className: '一班', projectName: '信息技术应用能力提升培训' },
    });
    expect(await count('checkins', { session_id: sessionId, enrollment_id: enrollmentId })).toBe(1);
    expect(await count('enrollment_events', { enrollment_id: enrollmentId, action: 'checked_in' })).toBe(1);
    const audit = await s.deps.db.selectFrom('audit_log').select(['detail', 'object_id']).where('action', '=', 'class.checkin').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toEqual({ enrollmentId, method: 'qr' });
    const again = await teacher.post('/api/checkin', { code });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'already', message: '已签到过' });
    expect(await count('checkins', { session_id: sessionId })).toBe(1);
    expect(await count('enrollment_events', { enrollment_id: enrollmentId, action: 'checked_in' })).toBe(1);
    const mine = (await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body;
    expect(mine.sessions[0]).toMatchObject({ id: sessionId, checkedIn: true, method: 'qr' });
    expect(mine.checkins).toEqual({ done: 1, total: 1 });
  });

  it("accepts the previous step's code and refuses an older one as expired", async () => {
    const secret = await secretOf(sessionId);
    const old = checkinCode(sessionId, secret, Date.now() - 2 * STEP_MS - 50).code;
    const expired = await mateClient.post('/api/checkin', { code: old });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('CHECKIN_EXPIRED');
    expect(expired.body.message).toContain('签到码已过期');
    const previous = checkinCode(sessionId, secret, Date.now() - STEP_MS).code;
    const ok = await mateClient.post('/api/checkin', { code: previous });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('checked_in');
  });

  it('refuses forged, unknown, future and garbled codes as invalid', async () => {
    const secret = await secretOf(sessionId);
    const good = checkinCode(sessionId, secret).code;
    const forged = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    const future = checkinCode(sessionId, secret, Date.now() + 3 * STEP_MS).code;
    const unknown = checkinCode(999999, secret).code;
    const wrongSecret = checkinCode(sessionId, 'not-the-secret').code;
    for (const code of [forged, future, unknown, wrongSecret, 'hello', `${sessionId}.1.short`]) {
      const r = await teacher2.post('/api/checkin', { code });
      expect(r.status, code).toBe(400);
      expect(r.body.code).toBe('CHECKIN_INVALID');
      expect(r.body.message).toContain('签到码无效');
    }
    expect((await teacher2.post('/api/checkin', {})).status).toBe(400);
  });

  it('refuses a trainee of another class, a teacher not in the project, and one not yet assigned — with the reason', async () => {
    const { code } = (await inst.get(`/api/classes/${classId}/sessions/${sessionId}/checkin-code`)).body;
    const wrongClass = await teacher2.post('/api/checkin', { code });
    expect(wrongClass.status).toBe(403);
    expect(wrongClass.body).toMatchObject({ code: 'WRONG_CLASS', message: '这是一班的签到码，您所在的班级是二班，请扫描本班的签到二维码' });
    const notIn = await stranger.post('/api/checkin', { code });
    expect(notIn.status).toBe(403);
    expect(notIn.body).toMatchObject({ code: 'NOT_IN_CLASS', message: '您不是「信息技术应用能力提升培训」一班的学员，不能签到' });
    const notYet = await waiting.post('/api/checkin', { code });
    expect(notYet.status).toBe(403);
    expect(notYet.body.code).toBe('NOT_ASSIGNED');
    expect(notYet.body.message).toContain('尚未分配到班级（当前状态：已通过审核、待分配班级）');
    expect(await count('checkins', { session_id: sessionId })).toBe(2);
    // an admin account has no trainee's scan at all
    expect((await inst.post('/api/checkin', { code })).status).toBe(403);
  });
});

describe(`签到时间窗口 (${TEST_DB})`, () => {
  beforeAll(async () => {
    const body = { place: '报告厅', lecturer: '王教授' };
    const yesterday = { ...body, startsAt: at(-1, '08:30'), endsAt: at(-1, '11:30'), topic: '昨天的课程' };
    pastSessionId = (await inst.post(`/api/classes/${classId}/sessions`, yesterday)).body.session.id;
    const later = { ...body, startsAt: at(2, '08:30'), endsAt: at(2, '11:30'), topic: '后天的课程' };
    futureSessionId = (await inst.post(`/api/classes/${classId}/sessions`, later)).body.session.id;
  });

  it('refuses a valid code outside the window around the session, in Chinese, and writes nothing', async () => {
    const past = checkinCode(pastSessionId, await secretOf(pastSessionId)).code;
    const late = await teacher.post('/api/checkin', { code: past });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('CHECKIN_CLOSED');
    expect(late.body.message).toMatch(
      /^签到已结束：本次课程（\d{4}-\d{2}-\d{2} 08:30–11:30）的扫码签到已于 \d{4}-\d{2}-\d{2} 11:30 截止；如确实到场，请联系承培机构补签$/,
    );
    const future = checkinCode(futureSessionId, await secretOf(futureSessionId)).code;
    const early = await teacher.post('/api/checkin', { code: future });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('CHECKIN_NOT_OPEN');
    expect(early.body.message).toMatch(/^签到尚未开始：本次课程 \d{4}-\d{2}-\d{2} 08:30 开始，\d{4}-\d{2}-\d{2} 08:00 起可以扫码签到$/);
    expect(await count('checkins', { session_id: pastSessionId })).toBe(0);
    expect(await count('checkins', { session_id: futureSessionId })).toBe(0);
    // the institution's screen says so too; the session under way is open
    const screen = (await inst.get(`/api/classes/${classId}/sessions/${pastSessionId}/checkin-code`)).body.window;
    expect(screen).toMatchObject({ open: false, message: late.body.message });
    expect((await inst.get(`/api/classes/${classId}/sessions/${sessionId}/checkin-code`)).body.window).toMatchObject({
      open: true,
      message: null,
    });
  });

  it('takes its bounds from the configuration', async () => {
    const { outsideWindow } = await import('../src/modules/classes/checkin-window.ts');
    const session = { starts_at: new Date('2026-11-28T01:00:00Z'), ends_at: new Date('2026-11-28T03:00:00Z') };
    const w = { minutesBefore: 30, minutesAfter: 0 };
    expect(outsideWindow(session, w, new Date('2026-11-28T00:29:00Z'))?.code).toBe('CHECKIN_NOT_OPEN');
    expect(outsideWindow(session, w, new Date('2026-11-28T00:31:00Z'))).toBeNull();
    expect(outsideWindow(session, w, new Date('2026-11-28T03:00:00Z'))).toBeNull();
    expect(outsideWindow(session, w, new Date('2026-11-28T03:01:00Z'))?.code).toBe('CHECKIN_CLOSED');
    expect(outsideWindow(session, { minutesBefore: 0, minutesAfter: 60 }, new Date('2026-11-28T03:59:00Z'))).toBeNull();
    // the reported case: a session of 11-28 scanned on 11-29
    expect(outsideWindow(session, w, new Date('2026-11-29T02:00:00Z'))?.message).toContain('2026-11-28 11:00');
  });
});

describe(`手工签到 (${TEST_DB})`, () => {
  it("lists a session's attendance and marks or unmarks trainees of the class only, audited", async () => {
    const url = `/api/classes/${classId}/sessions/${sessionId}/checkins`;
    const list = await inst.get(url);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { name: string; checkedIn: boolean }) => [i.name, i.checkedIn])).toEqual([
      ['李秀英', true],
      ['黄丽', true],
    ]);
    const second = (
      await inst.post(`/api/classes/${classId}/sessions`, { startsAt: at(1, '08:30'), endsAt: at(1, '11:30'), topic: '第二天' })
    ).body.session.id;
    const url2 = `/api/classes/${classId}/sessions/${second}/checkins`;
    const bad = await inst.post(url2, { enrollmentIds: [enrollmentId, strangerEnrollment], present: true });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe(`学员编号 ${strangerEnrollment} 不是本班学员，未作任何修改`);
    expect(await count('checkins', { session_id: second })).toBe(0);
    const before = await count('enrollment_events', { enrollment_id: enrollmentId, action: 'checked_in' });
    const marked = await inst.post(url2, { enrollmentIds: [enrollmentId, mate.enrollmentId], present: true });
    expect(marked.body).toEqual({ changed: 2, unchanged: 0 });
    expect((await inst.post(url2, { enrollmentIds: [enrollmentId], present: true })).body).toEqual({ changed: 0, unchanged: 1 });
    expect(await count('enrollment_events', { enrollment_id: enrollmentId, action: 'checked_in' })).toBe(before + 1);
    const rows = (await inst.get(url2)).body.items;
    expect(rows.every((r: { checkedIn: boolean; method: string }) => r.checkedIn && r.method === 'manual')).toBe(true);
    expect((await inst.post(url2, { enrollmentIds: [mate.enrollmentId], present: false })).body).toEqual({ changed: 1, unchanged: 0 });
    expect(await count('checkins', { session_id: second })).toBe(1);
    const audits = await s.deps.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['class.checkin.mark', 'class.checkin.unmark'])
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['class.checkin.mark', 'class.checkin.unmark']);
    // the detail page counts each trainee's check-ins
    const detail = (await inst.get(`/api/classes/${classId}`)).body.trainees;
    expect(detail.map((t: { name: string; checkins: number }) => [t.name, t.checkins])).toEqual([
      ['李秀英', 2],
      ['黄丽', 1],
    ]);
  });

  it('is out of reach of another institution and of other roles', async () => {
    const url = `/api/classes/${classId}/sessions/${sessionId}/checkins`;
    expect((await inst2.get(url)).status).toBe(404);
    expect((await inst2.post(url, { enrollmentIds: [enrollmentId], present: false })).status).toBe(404);
    expect(
      (await inst.post(`/api/classes/${classId}/sessions/${otherSessionId}/checkins`, { enrollmentIds: [enrollmentId], present: true }))
        .status,
    ).toBe(404);
    expect((await teacher.post(url, { enrollmentIds: [enrollmentId], present: true })).status).toBe(403);
    expect(await count('checkins', { session_id: sessionId, enrollment_id: enrollmentId })).toBe(1);
  });
});
