// 学分申报 end to end over HTTP on a real database, the reviewer's side: the review queue by level and
// scope, approval posting exactly one ledger entry (also when two reviewers click at once), rejection
// with a reason, the evidence files, and the demo claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { PNG, YEAR, claim, entriesOf, standing, startClaimServer } from './credit-claims-fixtures.ts';
import { Client, DEMO_PASSWORD, TEST_DB, loginAs, type TestServer } from './harness.ts';

let s: TestServer;
let c: Record<string, Client>;
let teacherId = 0;
beforeAll(async () => {
  ({ s, c, teacherId } = await startClaimServer());
});
afterAll(async () => {
  await s?.close();
});

describe(`学分申报: the review queue (${TEST_DB})`, () => {
  it('shows each admin the claims of their level and scope, with masked ID numbers', async () => {
    const county = await claim('demo-teacher', { claimType: 'research', year: YEAR, title: '队列：课题结题', quantity: 1 });
    const school = await claim('demo-teacher', { claimType: 'public_lesson', year: YEAR, title: '队列：县级公开课', quantity: 1 });
    const ids = async (acc: string, q = '') =>
      ((await c[acc]!.get(`/api/credit-claims?pageSize=100${q}`)).body.items as Array<{ id: number }>).map((x) => x.id);
    expect(await ids('demo-county')).toContain(county.id);
    expect(await ids('demo-county')).not.toContain(school.id);
    expect(await ids('demo-school')).toContain(school.id);
    expect(await ids('demo-school')).not.toContain(county.id);
    for (const acc of ['demo-county2', 'demo-school2', 'demo-city', 'demo-province']) {
      const seen = await ids(acc);
      expect(seen, acc).not.toContain(county.id);
      expect(seen, acc).not.toContain(school.id);
    }
    const r = await c['demo-county']!.get('/api/credit-claims?q=队列');
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0].teacher.name).toBe('李秀英');
    expect(r.body.items[0].teacher.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(r.body)).not.toContain(s.demo.teacherIdNumber);
    expect(r.body.counts).toMatchObject({ pending: 1, approved: 0, rejected: 0 }); // the tabs count what the search finds
    expect((await c['demo-county']!.get('/api/credit-claims')).body.counts.pending).toBeGreaterThanOrEqual(2);
    // by full ID number, by status, by page
    expect(await ids('demo-county', `&q=${s.demo.teacherIdNumber}&status=pending`)).toContain(county.id);
    expect(await ids('demo-county', '&status=approved')).not.toContain(county.id);
    const page = await c['demo-county']!.get('/api/credit-claims?pageSize=1&page=2');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    for (const acc of ['demo-teacher', 'demo-institution', 'demo-sys']) expect((await c[acc]!.get('/api/credit-claims')).status).toBe(403);
  });

  it('shows the detail to the right reviewer only: 404 out of scope, 403 for another level', async () => {
    const x = await claim('demo-teacher', { claimType: 'research', year: YEAR, title: '详情：课题', quantity: 1 });
    const d = await c['demo-county']!.get(`/api/credit-claims/${x.id}`);
    expect(d.status).toBe(200);
    expect(d.body.claim).toMatchObject({ id: x.id, amount: 6, teacher: { name: '李秀英' }, typeInfo: { maxPerYear: 12 } });
    expect(d.body.claim.typeInfo.claimedThisYear).toBeGreaterThanOrEqual(6);
    expect(d.body.claim.files).toHaveLength(1);
    for (const acc of ['demo-county2', 'demo-school2']) expect((await c[acc]!.get(`/api/credit-claims/${x.id}`)).status, acc).toBe(404);
    for (const acc of ['demo-school', 'demo-city', 'demo-province']) {
      const r = await c[acc]!.get(`/api/credit-claims/${x.id}`);
      expect([r.status, r.body.message], acc).toEqual([403, '该申报由区县管理员审核，您无权查看或处理']);
    }
    expect((await c['demo-teacher']!.get(`/api/credit-claims/${x.id}`)).status).toBe(403);
    expect((await c['demo-county']!.get('/api/credit-claims/999999')).status).toBe(404);
  });
});

describe(`学分申报: approval and rejection (${TEST_DB})`, () => {
  it('approval posts exactly one ledger entry, certified by the reviewer at the review level, and the standing grows', async () => {
    const x = await claim('demo-teacher', { claimType: 'degree', year: YEAR, title: '审核：教育硕士', quantity: 1 });
    const before = await standing(teacherId);
    for (const [acc, status] of [
      ['demo-county2', 404],
      ['demo-school2', 404],
      ['demo-school', 403],
      ['demo-city', 403],
      ['demo-province', 403],
      ['demo-teacher', 403],
      ['demo-sys', 403],
    ] as const) {
      expect((await c[acc]!.post(`/api/credit-claims/${x.id}/approve`)).status, acc).toBe(status);
      expect((await c[acc]!.post(`/api/credit-claims/${x.id}/reject`, { reason: '不行' })).status, acc).toBe(status);
    }
    expect(await entriesOf(x.id)).toHaveLength(0);
    const r = await c['demo-county']!.post(`/api/credit-claims/${x.id}/approve`);
    expect(r.status).toBe(200);
    expect(r.body.claim).toMatchObject({ status: 'approved', statusLabel: '已通过', reviewerName: '兴宁区管理员' });
    const entries = await entriesOf(x.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      teacher_id: teacherId,
      source: 'claim',
      source_id: String(x.id),
      level: 'county',
      category: 'professional_elective',
      form: 'other',
      amount_h: 1000,
      year: YEAR,
      certifier_name: '兴宁区管理员',
      certifier_unit: '南宁市兴宁区',
      title: '学历提升（取得高一层次学历，当年）：审核：教育硕士',
    });
    expect(r.body.claim.entryId).toBe(entries[0]!.id);
    expect(await standing(teacherId)).toBe(before + 1000);
    const mine = (await c['demo-teacher']!.get('/api/credit-claims/mine')).body.items.find((m: { id: number }) => m.id === x.id);
    expect(mine).toMatchObject({ status: 'approved', reviewerName: '兴宁区管理员', entryId: entries[0]!.id });
    expect(mine.reviewedAt).toBeTruthy();
    // decided: a second approval or a rejection is refused, and nothing is posted twice
    const again = await c['demo-county']!.post(`/api/credit-claims/${x.id}/approve`);
    expect([again.status, again.body.message]).toEqual([409, '该申报已被其他管理员处理']);
    expect((await c['demo-county']!.post(`/api/credit-claims/${x.id}/reject`, { reason: '晚了' })).status).toBe(409);
    expect(await entriesOf(x.id)).toHaveLength(1);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'creditClaim')
      .where('object_id', '=', String(x.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['creditClaim.submit', 'creditClaim.approve']);
  });

  it('lets exactly one of two reviewers approving at once win; the other gets 409 and one entry is posted', async () => {
    // a second county admin of 兴宁区, so two different people click 通过 at the same moment
    const other = await s.deps.db
      .insertInto('users')
      .values({
        login_name: 'cc-county-b',
        name: '兴宁区管理员乙',
        password_hash: await hashPassword(DEMO_PASSWORD),
        source: 'admin',
        id_number: null,
        phone: null,
        email: null,
        reject_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const region = (await c['demo-county']!.get('/api/auth/me')).body.user.scope.regionCode;
    await s.deps.db
      .insertInto('user_roles')
      .values({ user_id: other.id, role: 'county_admin', region_code: region, school_id: null, institution_id: null })
      .execute();
    const b = await loginAs(s, 'cc-county-b');
    for (let round = 0; round < 3; round++) {
      const x = await claim('demo-teacher', { claimType: 'giving_training', year: YEAR - 1, title: `并发审核 ${round}`, quantity: 1 });
      const results = await Promise.all([
        c['demo-county']!.post(`/api/credit-claims/${x.id}/approve`),
        b.post(`/api/credit-claims/${x.id}/approve`),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.message).toBe('该申报已被其他管理员处理');
      expect(await entriesOf(x.id)).toHaveLength(1);
    }
    // approve against reject at once: one outcome, and a ledger entry exactly when approval won
    const y = await claim('demo-teacher', { claimType: 'giving_training', year: YEAR - 1, title: '并发：通过与驳回', quantity: 1 });
    const [a, r] = await Promise.all([
      c['demo-county']!.post(`/api/credit-claims/${y.id}/approve`),
      b.post(`/api/credit-claims/${y.id}/reject`, { reason: '材料不清晰' }),
    ]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    expect(await entriesOf(y.id)).toHaveLength(a.status === 200 ? 1 : 0);
  });

  it('rejects with a required reason the teacher then reads; no entry is posted', async () => {
    const x = await claim('demo-teacher', { claimType: 'research', year: YEAR - 1, title: '驳回：课题', quantity: 1 });
    const empty = await c['demo-county']!.post(`/api/credit-claims/${x.id}/reject`, { reason: '  ' });
    expect([empty.status, empty.body.message]).toEqual([400, '请填写驳回理由']);
    const r = await c['demo-county']!.post(`/api/credit-claims/${x.id}/reject`, { reason: '请上传加盖公章的结题证书' });
    expect(r.status).toBe(200);
    const mine = (await c['demo-teacher']!.get('/api/credit-claims/mine')).body.items.find((m: { id: number }) => m.id === x.id);
    expect(mine).toMatchObject({
      status: 'rejected',
      statusLabel: '未通过',
      reviewReason: '请上传加盖公章的结题证书',
      reviewerName: '兴宁区管理员',
      entryId: null,
    });
    expect(await entriesOf(x.id)).toHaveLength(0);
    expect((await c['demo-county']!.post(`/api/credit-claims/${x.id}/approve`)).status).toBe(409);
  });

  it("school-level claims are decided by the school admin, certified with the school's name", async () => {
    const x = await claim('demo-teacher', { claimType: 'public_lesson', year: YEAR, title: '校级：示范课', quantity: 1 });
    expect((await c['demo-county']!.post(`/api/credit-claims/${x.id}/approve`)).status).toBe(403);
    expect((await c['demo-school2']!.post(`/api/credit-claims/${x.id}/approve`)).status).toBe(404);
    expect((await c['demo-school']!.post(`/api/credit-claims/${x.id}/approve`)).status).toBe(200);
    const [e] = await entriesOf(x.id);
    expect(e).toMatchObject({ level: 'school', certifier_unit: '兴宁区第一小学', amount_h: 200 });
  });
});

describe(`学分申报: evidence files (${TEST_DB})`, () => {
  it('serves the bytes to the owner and the right reviewer; 404 out of scope, 403 for other roles and levels', async () => {
    const x = await claim('demo-teacher', { claimType: 'research', year: YEAR - 3, title: '文件：课题', quantity: 1 }, [
      { name: '结题证书.png', data: PNG, type: 'image/png' },
    ]);
    const url = x.files[0]!.url;
    for (const acc of ['demo-teacher', 'demo-county']) {
      const r = await c[acc]!.get(url);
      expect(r.status, acc).toBe(200);
      expect(r.raw.headers['content-type']).toBe('image/png');
      expect(r.raw.rawPayload.equals(PNG)).toBe(true);
    }
    const dl = await c['demo-teacher']!.get(`${url}?download=1`);
    expect(dl.raw.headers['content-disposition']).toBe(
      `attachment; filename="evidence.png"; filename*=UTF-8''${encodeURIComponent('结题证书.png')}`,
    );
    for (const [acc, status] of [
      ['demo-teacher2', 404],
      ['demo-county2', 404],
      ['demo-school2', 404],
      ['demo-school', 403],
      ['demo-city', 403],
      ['demo-institution', 403],
      ['demo-sys', 403],
    ] as const) {
      expect((await c[acc]!.get(url)).status, acc).toBe(status);
    }
    // a file id that belongs to another claim is not found through this one
    const other = await claim('demo-teacher', { claimType: 'research', year: YEAR - 3, title: '文件：另一个', quantity: 1 });
    expect((await c['demo-teacher']!.get(`/api/credit-claims/${other.id}/files/${x.files[0]!.id}`)).status).toBe(404);
    expect((await new Client(s).get(url)).status).toBe(401);
  });
});

describe(`学分申报: demo data (${TEST_DB})`, () => {
  it('gives demo-county a pending claim to review, and demo-teacher an approved and a rejected one with readable evidence', async () => {
    const queue = await c['demo-county']!.get('/api/credit-claims?status=pending&q=广西教育');
    expect(queue.body.items).toHaveLength(1);
    const demo = (await c['demo-teacher']!.get('/api/credit-claims/mine')).body.items;
    const approved = demo.find((m: { title: string }) => m.title.startsWith('兴宁区小学语文骨干教师培训授课'));
    const rejected = demo.find((m: { title: string }) => m.title.startsWith('市级课题《农村小学阅读习惯培养研究》'));
    expect(approved).toMatchObject({ status: 'approved', amount: 4 });
    expect(await entriesOf(approved.id)).toHaveLength(1);
    expect(rejected.status).toBe('rejected');
    expect(rejected.reviewReason).toMatch(/公章/);
    const file = await c['demo-county']!.get(queue.body.items[0].files[0].url);
    expect(file.status).toBe(200);
    expect(file.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
