// 校本研修认定 by the school admin: one entry, the school's list, the template, and the spreadsheet
// import with its row-level report, one transaction, and re-runs that post nothing twice.
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@shixun/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, loginAs, startTestServer, type Client, type TestServer } from './harness.ts';
import { HEADER, ledgerCounts, sheet, teacherOf, upload } from './credits-helpers.ts';

let s: TestServer;
let school: Client, school2: Client, teacher: Client;
let li: Awaited<ReturnType<typeof teacherOf>>, wang: Awaited<ReturnType<typeof teacherOf>>;
beforeAll(async () => {
  s = await startTestServer();
  school = await loginAs(s, 'demo-school');
  school2 = await loginAs(s, 'demo-school2');
  teacher = await loginAs(s, 'demo-teacher');
  li = await teacherOf(s, 'demo-teacher');
  wang = await teacherOf(s, 'demo-teacher2');
});
afterAll(async () => {
  await s?.close();
});

const URL = '/api/credits/school-based';
const yearCell = async (year: number) => {
  const ev = (await teacher.get('/api/credits/me')).body.evaluation;
  for (const c of ev.cycles)
    for (const y of c.years) if (y.year === year) return y.groups.school_based_training?.earned ?? y.categories.school_based.earned;
  throw new Error(`no year ${year}`);
};

describe(`校本研修: one entry (${TEST_DB})`, () => {
  const good = () => ({
    teacherId: li.id,
    year: 2024,
    date: '2024-12-20',
    title: '2024年秋季学期校本研修：跨学科主题学习',
    amount: 2,
    hours: 6,
  });

  it('certifies for a teacher of the own school, certified by the school admin, and the teacher sees it counted', async () => {
    const before = await yearCell(2024);
    const r = await school.post(URL, good());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await yearCell(2024)).toBeCloseTo(before + 2, 2);
    const row = await s.deps.db.selectFrom('credit_entries').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'school_based',
      form: 'school_based',
      category: 'school_based',
      level: 'school',
      certifier_unit: '兴宁区第一小学',
      amount_h: 200,
      hours_h: 600,
    });
    expect(row.certifier_name).toBe('兴宁区第一小学管理员');
    const mine = (await teacher.get('/api/credits/me/entries?year=2024&category=school_based')).body.items;
    expect(mine.find((e: { id: number }) => e.id === r.body.id)).toMatchObject({
      title: good().title,
      certifierName: '兴宁区第一小学管理员',
      hours: 6,
    });
  });

  it("refuses the same entry twice, bad values, other schools' teachers and other roles — changing nothing", async () => {
    const pending = await s.deps.db.selectFrom('users').select('id').where('status', '=', 'pending').executeTakeFirstOrThrow();
    const county = await loginAs(s, 'demo-county');
    const before = await ledgerCounts(s);
    const cases: Array<[Client, unknown, number, string?]> = [
      [school, good(), 409, '已经认定过'],
      [school, { ...good(), date: '2024-02-30' }, 400, '认定日期不正确'],
      [school, { ...good(), date: '20241220' }, 400, 'YYYY-MM-DD'],
      [school, { ...good(), date: '2023-12-20' }, 400, '早于所属年度'],
      [school, { ...good(), date: '2099-01-01' }, 400, '晚于今天'],
      [school, { ...good(), year: 2099, date: '2024-12-20' }, 400, '晚于今年'],
      [school, { ...good(), year: 2015, date: '2015-12-20' }, 400, '培训周期'],
      [school, { ...good(), amount: 0 }, 400, '大于 0'],
      [school, { ...good(), amount: -2 }, 400, '大于 0'],
      [school, { ...good(), amount: 1.005 }, 400, '两位小数'],
      [school, { ...good(), amount: 51 }, 400, '不能超过 50'],
      [school, { ...good(), amount: '2' }, 400, '学分'],
      [school, { ...good(), hours: -1 }, 400, '学时'],
      [school, { ...good(), title: '   ' }, 400, '研修内容'],
      [school, { ...good(), category: 'nope' }, 400, '学分类型'],
      [school, { ...good(), teacherId: undefined }, 400, '请选择教师'],
      [school, { ...good(), teacherId: pending.id }, 400, '注册审核'],
      [school, { ...good(), teacherId: wang.id }, 404],
      [school2, good(), 404],
      [school, { ...good(), teacherId: 99999999 }, 404],
      [county, good(), 403],
      [teacher, good(), 403],
    ];
    for (const [c, body, status, msg] of cases) {
      const r = await c.post(URL, body);
      expect(r.status, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`).toBe(status);
      if (msg) expect(r.body.message).toContain(msg);
    }
    expect(await ledgerCounts(s)).toEqual(before);
  });

  it("lists the school's own 校本研修, newest first, masked, paginated; other schools and roles see none of it", async () => {
    const r = await school.get(`${URL}?pageSize=5`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(5);
    expect(r.body.total).toBeGreaterThan(5);
    const all = (await school.get(`${URL}?pageSize=100`)).body.items as Array<{ id: number; idNumber: string; teacherName: string }>;
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    for (const e of all) expect(e.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(new Set(all.map((e) => e.teacherName))).toContain('李秀英');
    const other = (await school2.get(`${URL}?pageSize=100`)).body.items as Array<{ id: number; teacherName: string }>;
    expect(other.some((e) => all.some((a) => a.id === e.id))).toBe(false);
    expect(other.map((e) => e.teacherName)).toContain('王伟');
    expect(
      (await school.get(`${URL}?q=李秀英&year=2024`)).body.items.every(
        (e: { teacherName: string; year: number }) => e.teacherName === '李秀英' && e.year === 2024,
      ),
    ).toBe(true);
    expect((await school.get(`${URL}?pageSize=500`)).status).toBe(400);
    for (const acc of ['demo-county', 'demo-province', 'demo-teacher']) expect((await (await loginAs(s, acc)).get(URL)).status).toBe(403);
  });
});

describe(`校本研修: spreadsheet import (${TEST_DB})`, () => {
  it('offers a template with the columns the import reads', async () => {
    const r = await school.get(`${URL}/template`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toContain('spreadsheetml');
    expect(r.raw.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect((await teacher.get(`${URL}/template`)).status).toBe(403);
    expect((await (await loginAs(s, 'demo-county')).get(`${URL}/template`)).status).toBe(403);
  });

  it('reports every row, posts the valid ones in one go, and a second upload of the same file posts nothing', async () => {
    const colleague = await s.deps.db
      .selectFrom('users as u')
      .innerJoin('teachers as t', 't.user_id', 'u.id')
      .select(['u.id', 'u.name', 'u.id_number'])
      .where('t.school_id', '=', li.school_id)
      .where('u.status', '=', 'active')
      .where('u.id', '<>', li.id)
      .orderBy('u.id', 'desc')
      .executeTakeFirstOrThrow();
    const nobody = makeIdNumber('450102', '1980-01-01', 999);
    const title = '2025年秋季学期校本研修：作业设计';
    const file = await sheet(HEADER, [
      [li.id_number, '李秀英', 2025, '2025-12-10', title, 3, 9],
      [colleague.id_number, colleague.name, '2025', new Date(Date.UTC(2025, 11, 12)), title, 2.5, null],
      [nobody, '查无此人', 2025, '2025-12-10', title, 1, null],
      [wang.id_number, '王伟', 2025, '2025-12-10', title, 1, null],
      [li.id_number, '李秀', 2025, '2025-12-10', title, 1, null],
      [li.id_number, '李秀英', '二〇二五', '2025-12-10', title, 1, null],
      [li.id_number, '李秀英', 2025, '2099-01-01', title, 1, null],
      [li.id_number, '李秀英', 2025, '2025-12-10', title, -1, null],
      [li.id_number, '李秀英', 2025, '2025-12-10', '', 1, null],
      [li.id_number, '李秀英', 2025, '2025-12-10', title, 3, 9],
      ['450102198604120118', '李秀英', 2025, '2025-12-10', title, 1, null],
      [null, null, null, null, null, null, null],
      [li.id_number, '李秀英', 2025, '2025/12/11', `${title}（二）`, 1, null],
      [Number(li.id_number), '李秀英', 2025, '2025-12-10', title, 1, null],
    ]);
    const before = await ledgerCounts(s);
    const liBefore = await yearCell(2025);
    const r = await upload(school, `${URL}/import`, file);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ total: 13, posted: 3, duplicates: 0, errors: 10 });
    const byRow = Object.fromEntries(r.body.rows.map((x: { row: number }) => [x.row, x]));
    expect(byRow[2]).toMatchObject({ ok: true, status: 'posted' });
    expect(byRow[3]).toMatchObject({ ok: true, status: 'posted' });
    expect(byRow[4].error).toContain('不存在');
    expect(byRow[5].error).toContain('不是本校教师');
    expect(byRow[6].error).toContain('姓名与证件号码不符');
    expect(byRow[7].error).toContain('年度应为四位数字');
    expect(byRow[8].error).toContain('晚于今天');
    expect(byRow[9].error).toContain('学分应为大于 0 的数字');
    expect(byRow[10].error).toContain('研修内容');
    expect(byRow[11].error).toBe('与第 2 行重复');
    expect(byRow[12].error).toContain('校验位');
    expect(byRow[13]).toBeUndefined(); // the blank line
    expect(byRow[14]).toMatchObject({ ok: true, status: 'posted' });
    expect(byRow[15].error).toContain('存成了数字');
    for (const x of r.body.rows) expect(x.ok).toBe(x.status !== 'error');
    expect(JSON.stringify(r.body)).not.toContain(li.id_number);
    const after = await ledgerCounts(s);
    expect(after.entries).toBe(before.entries + 3);
    expect(after.summed).toBe(before.summed + 300 + 250 + 100);
    expect(await yearCell(2025)).toBeCloseTo(liBefore + 4, 2);

    const again = await upload(school, `${URL}/import`, file);
    expect(again.body).toMatchObject({ total: 13, posted: 0, duplicates: 3, errors: 10 });
    expect(again.body.rows.find((x: { row: number }) => x.row === 2)).toMatchObject({
      ok: true,
      status: 'duplicate',
      note: '已导入过，未重复记入',
    });
    const afterAgain = await ledgerCounts(s);
    expect({ entries: afterAgain.entries, summed: afterAgain.summed }).toEqual({ entries: after.entries, summed: after.summed });
    // what one entry posted by hand matches the same row in a file
    const single = await school.post(URL, { teacherId: li.id, year: 2025, date: '2025-12-10', title, amount: 3 });
    expect(single.status).toBe(409);
    const audits = await s.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'credit.schoolBased.import').execute();
    expect(audits.at(-1)!.detail).toMatchObject({ rows: 13, posted: 0, duplicates: 3, errors: 10 });
  });

  it('refuses files that are not the template, other roles, and a school admin uploading rows of another school', async () => {
    const before = await ledgerCounts(s);
    const bad: Array<[Buffer, string, string]> = [
      [Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.xlsx', 'xlsx'],
      [Buffer.from('证件号码,姓名\n1,2\n'), 'x.csv', 'xlsx'],
      [await sheet(['证件号码', '姓名', '学分'], [[li.id_number, '李秀英', 1]]), 'x.xlsx', '表头缺少：年度、认定日期、研修内容'],
      [await sheet(HEADER, []), 'x.xlsx', '没有数据行'],
      [Buffer.alloc(0), 'x.xlsx', '请选择'],
    ];
    for (const [data, name, msg] of bad) {
      const r = await upload(school, `${URL}/import`, data, name);
      expect(r.status, msg).toBe(400);
      expect(r.body.message).toContain(msg);
    }
    expect((await school.post(`${URL}/import`, {})).status).toBe(400);
    const file = await sheet(HEADER, [[li.id_number, '李秀英', 2025, '2025-11-11', '跨校导入', 1, null]]);
    const other = await upload(school2, `${URL}/import`, file);
    expect(other.body).toMatchObject({ posted: 0, errors: 1 });
    expect(other.body.rows[0].error).toContain('不是本校教师');
    for (const acc of ['demo-teacher', 'demo-county', 'demo-city', 'demo-sys']) {
      expect((await upload(await loginAs(s, acc), `${URL}/import`, file)).status, acc).toBe(403);
    }
    const after = await ledgerCounts(s);
    expect({ entries: after.entries, summed: after.summed }).toEqual({ entries: before.entries, summed: before.summed });
  });
});
