// 注册日期 (POST /api/credit-reports/registrations): recorded by a region admin in scope, history kept,
// the teacher's 定期注册 window re-judged at once from it; wrong roles 403, other counties 404, bad
// dates a Chinese 400 that changes nothing. The 定期注册 list then shows the teacher's own window.
import { describe, expect, it } from 'vitest';
import { refreshStanding } from '../src/modules/credits/standing.ts';
import { TEST_DB, loginAs } from './harness.ts';
import { Y, expected, s, teachersOf, useReportWorld } from './credit-reports-world.ts';

useReportWorld();

const URL = '/api/credit-reports/registrations';

/** A county-1 teacher outside the world's named ones, with a known hire date. */
async function subject(index: number, hireDate: string) {
  const t = (await teachersOf('450102'))[index]!;
  const id = Number(t.user_id);
  await s.deps.db.updateTable('teachers').set({ hire_date: hireDate }).where('user_id', '=', id).execute();
  await s.deps.db.transaction().execute((trx) => refreshStanding(trx, id));
  return id;
}

async function stateOf(teacherId: number) {
  const regs = await s.deps.db
    .selectFrom('teacher_registrations')
    .select(['registered_on', 'note', 'recorded_by'])
    .where('teacher_id', '=', teacherId)
    .orderBy('registered_on')
    .execute();
  const standing = await s.deps.db
    .selectFrom('credit_standings')
    .select(['reg_status', 'reg_anchor', 'reg_start', 'reg_end', 'reg_hours_h'])
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  return { regs, standing };
}

describe(`recording a 注册日期 (${TEST_DB})`, () => {
  it('lets a county admin in scope record it; the window is re-judged at once and the 定期注册 list uses it', async () => {
    const id = await subject(8, '2012-09-01');
    const county = await loginAs(s, 'demo-county');
    const before = await stateOf(id);
    expect(before.regs).toEqual([]);
    // from the hire date while none is recorded: the window running now (2022-09-01 … 2027-08-31)
    expect(before.standing).toMatchObject({ reg_anchor: 'hire', reg_start: '2022-09-01', reg_end: '2027-08-31' });

    const on = `${Y - 1}-06-01`;
    const r = await county.post(URL, { teacherId: id, registeredOn: on, note: '县教育局 定期注册' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const mine = (await expected('450102')).find((t) => t.id === id)!;
    // the engine, run independently with the recorded date, agrees with what the route answers
    expect(mine.registration).toMatchObject({ anchor: 'registration', startDate: on, endDate: `${Y + 4}-05-31` });
    expect(r.body).toEqual({
      teacherId: id,
      added: true,
      history: [{ registeredOn: on, note: '县教育局 定期注册' }],
      window: {
        status: mine.registration.status,
        startDate: on,
        endDate: `${Y + 4}-05-31`,
        hours: mine.registration.hours,
        requiredHours: 360,
        missing: mine.registration.missing,
      },
    });
    const after = await stateOf(id);
    expect(after.regs).toHaveLength(1);
    expect(after.regs[0]!.recorded_by).not.toBeNull();
    expect(after.standing).toMatchObject({ reg_anchor: 'registration', reg_start: on, reg_end: `${Y + 4}-05-31` });

    // the list shows this teacher's own window, not the report's cycle nor anyone else's
    const status = mine.registration.status;
    const list = await county.get(`/api/credit-reports/eligibility?status=${status}&pageSize=100`);
    const item = list.body.items.find((t: { id: number }) => t.id === id);
    expect(item).toMatchObject({ anchor: 'registration', startDate: on, endDate: `${Y + 4}-05-31`, hours: mine.registration.hours });
    const others = list.body.items.filter((t: { id: number; startDate: string }) => t.id !== id && t.startDate === on);
    expect(others).toEqual([]);

    // the same date again adds nothing; an older one is kept as history, the latest still anchors
    expect((await county.post(URL, { teacherId: id, registeredOn: on })).body.added).toBe(false);
    const older = await county.post(URL, { teacherId: id, registeredOn: '2016-09-01' });
    expect(older.body).toMatchObject({ added: true, window: { startDate: on } });
    expect(older.body.history.map((h: { registeredOn: string }) => h.registeredOn)).toEqual([on, '2016-09-01']);

    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['object_id', 'detail'])
      .where('action', '=', 'teacher.registration')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.detail).toMatchObject({ registeredOn: on });
  });

  it('judges a window that ended short without a newer registration as 学时不足', async () => {
    const id = await subject(9, '2005-09-01');
    const province = await loginAs(s, 'demo-province'); // a region admin above the county: in scope too
    const r = await province.post(URL, { teacherId: id, registeredOn: '2015-03-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.window).toMatchObject({ status: 'ineligible', startDate: '2015-03-01', endDate: '2020-02-29' });
    expect(r.body.window.missing[0]).toMatch(/^注册周期（2015-03-01 至 2020-02-29）培训学时还差 [\d.]+ 学时$/);
    const county = await loginAs(s, 'demo-county');
    const list = await county.get('/api/credit-reports/eligibility?status=ineligible&pageSize=100');
    expect(list.body.items.map((t: { id: number }) => t.id)).toContain(id);
  });

  it('refuses other roles (403), teachers of another county (404) and anonymous callers, changing nothing', async () => {
    const id = await subject(10, '2010-09-01');
    const before = await stateOf(id);
    for (const acc of ['demo-school', 'demo-teacher', 'demo-institution', 'demo-sys']) {
      const c = await loginAs(s, acc);
      expect((await c.post(URL, { teacherId: id, registeredOn: '2021-09-01' })).status, acc).toBe(403);
    }
    const other = await loginAs(s, 'demo-county2');
    const r = await other.post(URL, { teacherId: id, registeredOn: '2021-09-01' });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).toMatch(/教师/);
    const county = await loginAs(s, 'demo-county');
    expect((await county.post(URL, { teacherId: 99_999_999, registeredOn: '2021-09-01' })).status).toBe(404);
    expect(await stateOf(id)).toEqual(before);
  });

  it('refuses bad dates with a Chinese message and changes nothing', async () => {
    const id = await subject(11, '2015-09-01');
    const county = await loginAs(s, 'demo-county');
    const before = await stateOf(id);
    const audits = async () =>
      (await s.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'teacher.registration').execute()).length;
    const auditsBefore = await audits();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: [unknown, RegExp][] = [
      [tomorrow, /不能晚于今天/],
      ['2015-08-31', /不能早于该教师的入职时间（2015-09-01）/],
      ['2023-02-30', /不是有效的日期/],
      ['2023/03/01', /YYYY-MM-DD/],
      ['', /YYYY-MM-DD/],
      [undefined, /请填写注册日期/],
      ['1990-01-01', /不能早于/],
    ];
    for (const [registeredOn, msg] of cases) {
      const r = await county.post(URL, { teacherId: id, registeredOn });
      expect(r.status, String(registeredOn)).toBe(400);
      expect(JSON.stringify(r.body), String(registeredOn)).toMatch(msg);
    }
    expect((await county.post(URL, { teacherId: id, registeredOn: '2021-09-01', note: '长'.repeat(201) })).status).toBe(400);
    expect(await stateOf(id)).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });
});
