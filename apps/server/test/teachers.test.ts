import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe(`teacher search within scope (${TEST_DB})`, () => {
  it('shows a county admin only the teachers of that county, masked', async () => {
    const c = await loginAs(s, 'demo-county');
    const scope = (await c.get('/api/auth/me')).body.user.scope.regionCode;
    const r = await c.get('/api/teachers?pageSize=100');
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(10);
    const all = await s.deps.db.selectFrom('teachers').select('user_id').where('region_code', '=', scope).execute();
    expect(r.body.total).toBe(all.length);
    for (const t of r.body.items) {
      expect(t.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(t.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
  });

  it('narrows a school admin to one school and widens a city admin to the city', async () => {
    const school = await (await loginAs(s, 'demo-school')).get('/api/teachers?pageSize=100');
    const county = await (await loginAs(s, 'demo-county')).get('/api/teachers?pageSize=100');
    const city = await (await loginAs(s, 'demo-city')).get('/api/teachers?pageSize=100');
    const province = await (await loginAs(s, 'demo-province')).get('/api/teachers?pageSize=1');
    expect(new Set(school.body.items.map((t: { schoolName: string }) => t.schoolName)).size).toBe(1);
    expect(school.body.total).toBeLessThan(county.body.total);
    expect(county.body.total).toBeLessThan(city.body.total);
    expect(city.body.total).toBeLessThan(province.body.total);
  });

  it('finds by full ID number or phone, filters by subject, and pages', async () => {
    const c = await loginAs(s, 'demo-county');
    const byId = await c.get(`/api/teachers?q=${s.demo.teacherIdNumber}`);
    expect(byId.body.items.map((t: { name: string }) => t.name)).toEqual(['李秀英']);
    expect((await c.get('/api/teachers?q=13800000001')).body.total).toBe(1);
    expect((await c.get('/api/teachers?q=李秀')).body.items[0].name).toBe('李秀英');
    // someone from the other county is not found even by exact ID number
    expect((await c.get(`/api/teachers?q=${s.demo.teacher2IdNumber}`)).body.total).toBe(0);
    const math = await c.get('/api/teachers?subject=数学&pageSize=100');
    expect(math.body.items.every((t: { subject: string }) => t.subject === '数学')).toBe(true);
    const p1 = await c.get('/api/teachers?pageSize=5&page=1'),
      p2 = await c.get('/api/teachers?pageSize=5&page=2');
    expect(p1.body.items).toHaveLength(5);
    expect(p1.body.items[0].id).not.toBe(p2.body.items[0].id);
    expect((await c.get('/api/teachers?pageSize=500')).status).toBe(400);
  });

  it('reveals full numbers only to allowed roles, and records the read without the number', async () => {
    const id = await userIdOf(s, { login: 'demo-teacher' });
    const county = await loginAs(s, 'demo-county');
    const detail = await county.get(`/api/teachers/${id}`);
    expect(detail.body.profile.idNumber).toContain('*');
    expect(detail.body.abilities).toEqual({ editKeyFields: true, revealSensitive: true, resetPassword: true, setStatus: true });
    const city = await loginAs(s, 'demo-city');
    expect((await city.get(`/api/teachers/${id}`)).body.abilities.revealSensitive).toBe(false);
    const r = await county.post(`/api/teachers/${id}/reveal`);
    expect(r.body.idNumber).toBe(s.demo.teacherIdNumber);
    const rows = await s.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'teacher.reveal').execute();
    expect(rows).toHaveLength(1);
    const everything = JSON.stringify(await s.deps.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain(s.demo.teacherIdNumber);
    expect(everything).not.toContain('Shixun@2026');
  });
});

describe(`key fields and change requests (${TEST_DB})`, () => {
  it("refuses key fields in the teacher's own edit, saying to file a request", async () => {
    const t = await loginAs(s, 'demo-teacher');
    const r = await t.put('/api/profile', { name: '李改名' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/关键字段.*变更申请/);
    const bad = await t.put('/api/profile', { politicalStatus: '不存在的面貌' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/政治面貌/);
    const before = (await t.get('/api/profile')).body.profile;
    expect(before.politicalStatus).not.toBe('不存在的面貌');
    const ok = await t.put('/api/profile', { politicalStatus: '群众', graduateSchool: '广西师范大学', isHeadTeacher: true });
    expect(ok.status).toBe(200);
    expect(ok.body.profile.graduateSchool).toBe('广西师范大学');
  });

  it('does not let a teacher exempt themself: assessment dates are key fields and cannot lie ahead', async () => {
    const t = await loginAs(s, 'demo-teacher');
    const id = await userIdOf(s, { login: 'demo-teacher' });
    const before = await s.deps.db
      .selectFrom('teachers')
      .select(['hire_date', 'work_start_date'])
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    for (const field of ['hireDate', 'workStartDate']) {
      const r = await t.put('/api/profile', { [field]: '2099-01-01' });
      expect(r.status, field).toBe(400);
      expect(r.body.message).toMatch(/关键字段/);
    }
    const req = await t.post('/api/profile/changes', { changes: { hireDate: '2099-01-01' }, reason: '入职' });
    expect(req.status).toBe(400);
    expect(req.body.message).toBe('入职时间不能晚于今天');
    expect((await t.post('/api/profile/changes', { changes: { hireDate: '2023-02-30' }, reason: '入职' })).body.message).toMatch(
      /有效的日期/,
    );
    const county = await loginAs(s, 'demo-county');
    const edit = await county.put(`/api/teachers/${id}/key-fields`, { hireDate: '2099-01-01' });
    expect(edit.status).toBe(400);
    const early = await county.put(`/api/teachers/${id}/key-fields`, { hireDate: '1970-01-01' }); // before she was 16
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/出生日期/);
    const after = await s.deps.db
      .selectFrom('teachers')
      .select(['hire_date', 'work_start_date'])
      .where('user_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('lets a county admin edit key fields in scope, not move a teacher out of the county', async () => {
    const id = await userIdOf(s, { login: 'demo-teacher' });
    const c = await loginAs(s, 'demo-county');
    const r = await c.put(`/api/teachers/${id}/key-fields`, { qualificationNumber: '20104501234567' });
    expect(r.status).toBe(200);
    expect(r.body.profile.qualificationNumber).toBe('20104501234567');
    const other = await (await loginAs(s, 'demo-school2')).get('/api/auth/me');
    const move = await c.put(`/api/teachers/${id}/key-fields`, { schoolId: other.body.user.scope.schoolId });
    expect(move.status).toBe(400);
    expect(move.body.message).toMatch(/跨区县调动.*请联系/);
    expect((await c.put(`/api/teachers/${id}/key-fields`, { idNumber: '123' })).status).toBe(400);
  });

  it('keeps the credit standing in step when a key field decides who is assessed', async () => {
    const id = await userIdOf(s, { login: 'demo-teacher2' });
    const standing = () =>
      s.deps.db.selectFrom('credit_standings').select(['assessed', 'computed_at']).where('teacher_id', '=', id).executeTakeFirstOrThrow();
    expect((await standing()).assessed).toBe(true);
    const c = await loginAs(s, 'demo-county2');
    expect((await c.put(`/api/teachers/${id}/key-fields`, { personnelStatus: '退休' })).status).toBe(200);
    expect((await standing()).assessed).toBe(false);
    expect((await c.put(`/api/teachers/${id}/key-fields`, { personnelStatus: '在职' })).status).toBe(200);
    expect((await standing()).assessed).toBe(true);
  });

  it('runs a change request: teacher files, one of two racing admins wins, teacher sees the outcome', async () => {
    const t = await loginAs(s, 'demo-teacher');
    const filed = await t.post('/api/profile/changes', { changes: { name: '李秀颖' }, reason: '户籍更名' });
    expect(filed.status).toBe(201);
    expect(filed.body.change.changes.name).toEqual({ from: '李秀英', to: '李秀颖' });
    expect((await t.post('/api/profile/changes', { changes: { gender: '男' }, reason: '再来一条' })).status).toBe(409);
    const county = await loginAs(s, 'demo-county');
    const city = await loginAs(s, 'demo-city');
    const pending = await county.get('/api/profile-changes?status=pending');
    expect(pending.body.items.map((i: { id: number }) => i.id)).toContain(filed.body.change.id);
    const other = await loginAs(s, 'demo-county2');
    expect((await other.get('/api/profile-changes?status=pending')).body.items.map((i: { id: number }) => i.id)).not.toContain(
      filed.body.change.id,
    );
    const [a, b] = await Promise.all([
      county.post(`/api/profile-changes/${filed.body.change.id}/approve`),
      city.post(`/api/profile-changes/${filed.body.change.id}/reject`, { reason: '材料不全' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'approved' : 'rejected';
    const mine = await t.get('/api/profile/changes');
    expect(mine.body.items[0].status).toBe(winner);
    const profile = (await t.get('/api/profile')).body.profile;
    expect(profile.name).toBe(winner === 'approved' ? '李秀颖' : '李秀英');
    if (winner === 'rejected') expect(mine.body.items[0].reviewReason).toBe('材料不全');
  });
});

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201' +
    'a3d1ad4e0000000049454e44ae426082',
  'hex',
);

function multipart(filename: string, data: Buffer, type: string) {
  const boundary = '----sx' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe(`photos (${TEST_DB})`, () => {
  it('accepts a real PNG, refuses a disguised file, and serves it only to the teacher and admins in scope', async () => {
    const t = await loginAs(s, 'demo-teacher');
    const fake = multipart('photo.png', Buffer.from('<script>alert(1)</script>'), 'image/png');
    const refused = await t.request('POST', '/api/profile/photos/cert', fake.body, fake.headers);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/JPG 或 PNG/);
    const big = multipart('big.png', Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]), 'image/png');
    expect((await t.request('POST', '/api/profile/photos/avatar', big.body, big.headers)).status).toBe(413);
    const good = multipart('photo.png', PNG, 'image/png');
    expect((await t.request('POST', '/api/profile/photos/cert', good.body, good.headers)).status).toBe(200);
    const mine = await t.get('/api/profile/photos/cert');
    expect(mine.status).toBe(200);
    expect(mine.raw.headers['content-type']).toBe('image/png');
    const id = await userIdOf(s, { login: 'demo-teacher' });
    expect((await (await loginAs(s, 'demo-school')).get(`/api/teachers/${id}/photos/cert`)).status).toBe(200);
    expect((await (await loginAs(s, 'demo-school2')).get(`/api/teachers/${id}/photos/cert`)).status).toBe(404);
  });
});
