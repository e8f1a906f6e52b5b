// 成绩 and 结业: inline entry and spreadsheet import (row-level report, re-upload changes nothing),
// 总成绩 from the project's weights, 合格 from its pass mark, and completion in the same transaction —
// exactly one credit entry and one 结业证书 however often the scores are saved, reversed and revoked
// when a pass is corrected to a fail, posted afresh when it passes again.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, institutionId, makeClass, makeInstitutionAdmin, makeProject, makeTeacher, multipartFile } from './classes-fixtures.ts';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
let inst: Client, inst2: Client, teacher: Client, teacher2: Client;
let projectId: number, classId: number, enrollmentId: number, teacherId: number;
const trainees: { id: number; enrollmentId: number; name: string }[] = [];

const db = () => s.deps.db;
const n = (x: unknown) => Number(x);
/** The enrolment's project postings and their reversals, in ledger order. */
async function entriesOf(enrollment: number) {
  const posted = await db()
    .selectFrom('credit_entries')
    .select('id')
    .where('source', '=', 'project')
    .where('source_id', '=', String(enrollment))
    .execute();
  const ids = posted.map((p) => p.id);
  if (!ids.length) return [];
  return db()
    .selectFrom('credit_entries')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', ids), eb('reversal_of', 'in', ids)]))
    .orderBy('id')
    .execute();
}
/** This project's 结业证书 of a teacher (the demo data gives 李秀英 one of another project). */
const certsOf = (tid: number) =>
  db()
    .selectFrom('certificates')
    .selectAll()
    .where('teacher_id', '=', tid)
    .where('kind', '=', 'completion')
    .where('title', '=', '小学数学骨干教师培训结业证书')
    .orderBy('id')
    .execute();
const eventsOf = async (enrollment: number) =>
  await db().selectFrom('enrollment_events').select(['action', 'reason']).where('enrollment_id', '=', enrollment).orderBy('id').execute();
const totals = async () => ({
  events: n(
    (
      await db()
        .selectFrom('enrollment_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  credits: n(
    (
      await db()
        .selectFrom('credit_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  certs: n(
    (
      await db()
        .selectFrom('certificates')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  // refused requests are audited too (access.denied); business changes are what must stay put
  audits: n(
    (
      await db()
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '!=', 'access.denied')
        .executeTakeFirstOrThrow()
    ).n,
  ),
});
const save = (items: { enrollmentId: number; onsiteScore?: number | null; onlineScore?: number | null }[], c = inst, id = classId) =>
  c.put(`/api/classes/${id}/scores`, { items });

async function sheet(rows: (string | number | null)[][], header = ['学员编号', '姓名', '证件号码', '单位', '集中学习', '网络学习']) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (data: Buffer, c = inst, id = classId) => {
  const f = multipartFile('成绩.xlsx', data);
  return c.request('POST', `/api/classes/${id}/scores/import`, f.body, f.headers);
};

beforeAll(async () => {
  s = await startTestServer();
  inst = await loginAs(s, 'demo-institution');
  inst2 = await loginAs(s, await makeInstitutionAdmin(db()));
  teacher = await loginAs(s, 'demo-teacher');
  teacher2 = await loginAs(s, 'demo-teacher2');
  projectId = await makeProject(db(), {
    name: '小学数学骨干教师培训',
    onsiteWeight: 40,
    passMark: 60,
    creditH: 200,
    hoursH: 2400,
    category: 'public_required',
    mode: 'blended',
  });
  classId = await makeClass(db(), projectId, await institutionId(db(), 'INST-01'), '一班');
  teacherId = await userIdOf(s, { login: 'demo-teacher' });
  enrollmentId = await enrol(db(), projectId, teacherId, classId);
  trainees.push({ id: teacherId, enrollmentId, name: '李秀英' });
  for (const name of ['黄丽', '周敏', '吴杰']) {
    const t = await makeTeacher(db(), name);
    trainees.push({ id: t.id, enrollmentId: await enrol(db(), projectId, t.id, classId), name });
  }
});
afterAll(async () => {
  await s?.close();
});

describe(`成绩录入 (${TEST_DB})`, () => {
  it('refuses scores outside 0–100, with more than two decimals, or of someone not in the class — changing nothing', async () => {
    const before = await totals();
    for (const [item, msg] of [
      [{ enrollmentId, onsiteScore: 101, onlineScore: 80 }, `学员编号 ${enrollmentId}：集中学习应在 0–100 之间`],
      [{ enrollmentId, onsiteScore: 80, onlineScore: 88.123 }, `学员编号 ${enrollmentId}：网络学习最多保留两位小数`],
      [{ enrollmentId: 999999, onsiteScore: 80, onlineScore: 80 }, '学员编号 999999 不是本班学员，成绩未保存'],
    ] as const) {
      const r = await save([item]);
      expect(r.status).toBe(400);
      expect(r.body.message).toBe(msg);
    }
    const dup = await save([
      { enrollmentId, onsiteScore: 80 },
      { enrollmentId, onsiteScore: 81 },
    ]);
    expect(dup.body.message).toBe(`学员编号 ${enrollmentId} 重复出现`);
    expect((await save([])).body.message).toBe('请至少填写一名学员的成绩');
    expect(await totals()).toEqual(before);
  });

  it('computes 总成绩 from the weights in exact hundredths, and 合格 from the pass mark', async () => {
    const [, a, b] = trainees;
    const r = await save([
      { enrollmentId: a!.enrollmentId, onsiteScore: 88.25, onlineScore: 90 },
      { enrollmentId: b!.enrollmentId, onsiteScore: 70, onlineScore: null },
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // 88.25 × 40% + 90 × 60% = 89.30; a missing part that counts leaves the total open
    expect(r.body.items).toEqual([
      { enrollmentId: a!.enrollmentId, status: 'updated', totalScore: 89.3, result: 'passed', completion: 'passed' },
      { enrollmentId: b!.enrollmentId, status: 'updated', totalScore: null, result: null, completion: null },
    ]);
    const failing = await save([{ enrollmentId: b!.enrollmentId, onlineScore: 55 }]);
    // 70 × 40% + 55 × 60% = 61 → 合格; 59.97 × 40% + 60 × 60% = 59.988 → 59.99, just below the line
    expect(failing.body.items[0]).toMatchObject({ totalScore: 61, result: 'passed' });
    const below = await save([{ enrollmentId: b!.enrollmentId, onsiteScore: 59.97, onlineScore: 60 }]);
    expect(below.body.items[0]).toMatchObject({ totalScore: 59.99, result: 'failed', completion: 'reversed' });
    const cleared = await save([{ enrollmentId: b!.enrollmentId, onsiteScore: null }]);
    expect(cleared.status).toBe(400);
    expect(cleared.body.message).toBe('周敏已评定为不合格，成绩不能清空，请直接修改分数');
  });
});

describe(`结业：学分与证书 (${TEST_DB})`, () => {
  it('a pass posts exactly one credit entry and issues one certificate, even when saved twice or twice at once', async () => {
    const [first, second] = await Promise.all([
      save([{ enrollmentId, onsiteScore: 80, onlineScore: 90 }]),
      save([{ enrollmentId, onsiteScore: 80, onlineScore: 90 }]),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.items[0].status, second.body.items[0].status].sort()).toEqual(['unchanged', 'updated']);
    const before = await totals();
    const again = await save([{ enrollmentId, onsiteScore: 80, onlineScore: 90 }]);
    expect(again.body).toMatchObject({ updated: 0, unchanged: 1, passed: 0 });
    expect(await totals()).toEqual(before);

    const entries = await entriesOf(enrollmentId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      teacher_id: teacherId,
      source: 'project',
      source_id: String(enrollmentId),
      source_key: `project:${projectId}:teacher:${teacherId}`,
      amount_h: 200,
      hours_h: 2400,
      category: 'public_required',
      form: 'onsite',
      level: 'province',
      certifier_name: '广西壮族自治区教育厅',
      title: '小学数学骨干教师培训',
    });
    const certs = await certsOf(teacherId);
    expect(certs).toHaveLength(1);
    expect(certs[0]).toMatchObject({ title: '小学数学骨干教师培训结业证书', revoked_at: null });
    const payload = certs[0]!.payload as Record<string, unknown> & { teacher: { name: string; idNumberMasked: string } };
    expect(payload).toMatchObject({ subject: '小学数学骨干教师培训', result: '合格', totalScore: 86, credits: 2, hours: 24 });
    expect(payload.teacher.name).toBe('李秀英');
    expect(payload.teacher.idNumberMasked).toMatch(/\*{8}/);
    expect(JSON.stringify(payload)).not.toContain(s.demo.teacherIdNumber);
    const e = await db().selectFrom('enrollments').selectAll().where('id', '=', enrollmentId).executeTakeFirstOrThrow();
    expect(e).toMatchObject({ result: 'passed', total_score: 86, credit_entry_id: entries[0]!.id, certificate_id: certs[0]!.id });
    expect((await eventsOf(enrollmentId)).map((x) => x.action)).toEqual(['scored', 'passed', 'certified']);
  });

  it('lets the trainee print the certificate, and nobody else through this route', async () => {
    const r = await teacher.get(`/api/my/enrollments/${enrollmentId}/certificate.pdf`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toBe('application/pdf');
    expect(r.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await teacher2.get(`/api/my/enrollments/${enrollmentId}/certificate.pdf`)).status).toBe(404);
    expect((await inst.get(`/api/my/enrollments/${enrollmentId}/certificate.pdf`)).status).toBe(403);
    const mine = (await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body;
    expect(mine.enrollment).toMatchObject({ onsiteScore: 80, onlineScore: 90, totalScore: 86, result: 'passed', resultLabel: '合格' });
    expect(mine.certificate.status).toBe('valid');
    expect(mine.credit).toEqual({ posted: true, reversed: false });
    const verified = await new Client(s).get(`/api/public/certificates/${mine.certificate.code}`);
    expect(verified.body).toMatchObject({
      valid: true,
      kindLabel: '结业证书',
      subject: '小学数学骨干教师培训',
      result: '合格',
      name: '李*英',
    });
    // a trainee without a certificate has nothing to print
    const other = await loginAs(
      s,
      (await db().selectFrom('users').select('login_name').where('id', '=', trainees[3]!.id).executeTakeFirstOrThrow()).login_name!,
    );
    expect((await other.get(`/api/my/enrollments/${trainees[3]!.enrollmentId}/certificate.pdf`)).status).toBe(404);
  });

  it('a pass changed to a fail reverses the credits and revokes the certificate; passing again posts afresh', async () => {
    const r = await save([{ enrollmentId, onsiteScore: 50, onlineScore: 50 }]);
    expect(r.body.items[0]).toMatchObject({ result: 'failed', completion: 'reversed' });
    let entries = await entriesOf(enrollmentId);
    expect(entries.map((x) => [x.source, x.amount_h])).toEqual([
      ['project', 200],
      ['reversal', -200],
    ]);
    expect(entries[1]).toMatchObject({ reversal_of: entries[0]!.id });
    expect(entries[1]!.reason).toContain('成绩更正为不合格（总成绩 50）');
    const certs = await certsOf(teacherId);
    expect(certs).toHaveLength(1);
    expect(certs[0]!.revoked_at).not.toBeNull();
    const last = (await eventsOf(enrollmentId)).at(-1)!;
    expect(last).toMatchObject({ action: 'failed', reason: '成绩更正为不合格（总成绩 50）：已记入的学分已冲销，结业证书已撤销' });
    const mine = (await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body;
    expect(mine.enrollment.result).toBe('failed');
    expect(mine.certificate.status).toBe('revoked');
    expect(mine.credit).toEqual({ posted: false, reversed: true });
    expect((await new Client(s).get(`/api/public/certificates/${mine.certificate.code}`)).body).toMatchObject({
      valid: false,
      revoked: true,
    });
    const summary = await db()
      .selectFrom('credit_summaries')
      .select((eb) => eb.fn.sum<number>('amount_h').as('h'))
      .where('teacher_id', '=', teacherId)
      .where('category', '=', 'public_required')
      .where('level', '=', 'province')
      .where('form', '=', 'onsite')
      .executeTakeFirstOrThrow();
    expect(n(summary.h)).toBe(0);
    const detail = (await inst.get(`/api/classes/${classId}`)).body.trainees.find(
      (t: { enrollmentId: number }) => t.enrollmentId === enrollmentId,
    );
    expect(detail).toMatchObject({ result: 'failed', certificate: { status: 'revoked' }, creditsPosted: false });

    const again = await save([{ enrollmentId, onsiteScore: 75, onlineScore: 80 }]);
    expect(again.body.items[0]).toMatchObject({ totalScore: 78, result: 'passed', completion: 'passed' });
    entries = await entriesOf(enrollmentId);
    expect(entries.map((x) => [x.source, x.amount_h, x.source_key])).toEqual([
      ['project', 200, `project:${projectId}:teacher:${teacherId}`],
      ['reversal', -200, null],
      ['project', 200, `project:${projectId}:teacher:${teacherId}:2`],
    ]);
    const certs2 = await certsOf(teacherId);
    expect(certs2.map((c) => c.revoked_at === null)).toEqual([false, true]);
    expect(await db().selectFrom('enrollments').select('certificate_id').where('id', '=', enrollmentId).executeTakeFirstOrThrow()).toEqual({
      certificate_id: certs2[1]!.id,
    });
  });

  it('a changed score that still passes replaces the certificate and leaves the credits alone', async () => {
    const r = await save([{ enrollmentId, onsiteScore: 95, onlineScore: 95 }]);
    expect(r.body.items[0]).toMatchObject({ totalScore: 95, result: 'passed', completion: 'reissued' });
    expect((await entriesOf(enrollmentId)).filter((x) => x.source === 'project')).toHaveLength(2);
    const certs = await certsOf(teacherId);
    expect(certs.map((c) => c.revoked_at === null)).toEqual([false, false, true]);
    expect((certs[2]!.payload as { totalScore: number }).totalScore).toBe(95);
  });

  it('is out of reach of another institution and of other roles', async () => {
    const before = await totals();
    expect((await save([{ enrollmentId, onsiteScore: 10, onlineScore: 10 }], inst2)).status).toBe(404);
    expect((await save([{ enrollmentId, onsiteScore: 10, onlineScore: 10 }], teacher)).status).toBe(403);
    expect((await inst2.get(`/api/classes/${classId}/scores/template`)).status).toBe(404);
    expect((await upload(await sheet([[enrollmentId, '李秀英', '', '', 10, 10]]), inst2)).status).toBe(404);
    expect(await totals()).toEqual(before);
  });
});

describe(`成绩导入 (${TEST_DB})`, () => {
  it("offers a template with the class's trainees, masked ID numbers and current scores", async () => {
    const r = await inst.get(`/api/classes/${classId}/scores/template`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '学员编号', '姓名', '证件号码', '单位', '集中学习', '网络学习']);
    const rows = [2, 3, 4, 5].map((i) => ws.getRow(i).values as unknown[]);
    expect(rows.map((v) => [v[1], v[2]])).toEqual(trainees.map((t) => [t.enrollmentId, t.name]));
    expect(rows[0]![3]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect([rows[0]![5], rows[0]![6]]).toEqual([95, 95]);
  });

  it('reports row by row, saves the good rows, and a re-upload of the same file changes nothing', async () => {
    const [li, huang, zhou, wu] = trainees;
    const file = await sheet([
      [wu!.enrollmentId, '吴杰', '', '', 92, 85.5],
      [zhou!.enrollmentId, '周某', '', '', 80, 80],
      [999999, '张三', '', '', 80, 80],
      [huang!.enrollmentId, '黄丽', '', '', 120, 80],
      [wu!.enrollmentId, '吴杰', '', '', 90, 90],
      [li!.enrollmentId, '李秀英', '', '', null, null],
      [huang!.enrollmentId, '黄丽', '', '', 'abc', 70],
    ]);
    const r = await upload(file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ total: 7, updated: 1, unchanged: 0, skipped: 1, errors: 5, passed: 1 });
    expect(
      r.body.rows.map((x: { row: number; status: string; error?: string; note?: string }) => [x.row, x.status, x.error ?? x.note]),
    ).toEqual([
      [2, 'updated', '合格：已记入学分并颁发结业证书'],
      [3, 'error', '姓名与学员编号不符（平台中为“周敏”）'],
      [4, 'error', '学员编号 999999 不是本班学员'],
      [5, 'error', '集中学习应在 0–100 之间'],
      [6, 'error', '与第 2 行的学员重复'],
      [7, 'skipped', '未填写成绩，已跳过'],
      [8, 'error', '与第 5 行的学员重复；集中学习应为 0–100 的数字'],
    ]);
    expect(r.body.rows[0]).toMatchObject({ totalScore: 88.1, resultLabel: '合格' });
    expect(await certsOf(wu!.id)).toHaveLength(1);

    const before = await totals();
    const again = await upload(file);
    expect(again.body).toMatchObject({ updated: 0, unchanged: 1, skipped: 1, errors: 5, passed: 0 });
    expect(again.body.rows[0].note).toBe('成绩与平台一致，未修改');
    expect(await totals()).toEqual(before);
    expect(await entriesOf(wu!.enrollmentId)).toHaveLength(1);
    expect(await certsOf(wu!.id)).toHaveLength(1);
  });

  it("refuses a file that is not an xlsx or lacks the template's headers", async () => {
    const notXlsx = await upload(Buffer.from('学员编号,姓名\n1,张三\n'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.message).toBe('只能上传 xlsx 格式的 Excel 文件，请使用下载的成绩模板');
    const noHeader = await upload(await sheet([[1, '张三']], ['编号', '姓名']));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toBe('表头缺少：学员编号、集中学习、网络学习。请下载成绩模板，按模板的表头填写');
    expect((await inst.post(`/api/classes/${classId}/scores/import`, {})).status).toBe(400);
  });
});
