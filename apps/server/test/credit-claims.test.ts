// 学分申报 end to end over HTTP on a real database, the teacher's side: the conversion table, claiming
// with evidence, the per-year cap, withdrawing. The reviewer's side is in credit-claims-review.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAmountH, toH } from '../src/modules/credit-claims/claim-types.ts';
import { EXE, PNG, YEAR, claim, claimCount, entriesOf, startClaimServer, uploads } from './credit-claims-fixtures.ts';
import { Client, TEST_DB, type TestServer } from './harness.ts';
import { PDF, submitClaim, type EvidenceFile } from './matrix/credit-claims.ts';

let s: TestServer;
let c: Record<string, Client>;
let teacherId = 0;
beforeAll(async () => {
  ({ s, c, teacherId } = await startClaimServer());
});
afterAll(async () => {
  await s?.close();
});

describe(`学分申报: the conversion table (${TEST_DB})`, () => {
  it("shows the active policy's claim types to teachers and reviewers, and no one else", async () => {
    const r = await c['demo-teacher']!.get('/api/credit-claims/types');
    expect(r.status).toBe(200);
    expect(r.body.unitLabel).toBe('学分');
    expect(r.body.years[0]).toBe(YEAR);
    const paper = r.body.types.find((t: { id: string }) => t.id === 'paper');
    expect(paper).toMatchObject({
      name: '公开发表教育教学论文',
      categoryName: '自主选修',
      amount: 4,
      maxPerYear: 8,
      reviewLevel: 'county',
      reviewLevelLabel: '区县',
    });
    expect(paper.evidence).toContain('论文');
    for (const acc of ['demo-school', 'demo-county', 'demo-city', 'demo-province'])
      expect((await c[acc]!.get('/api/credit-claims/types')).status).toBe(200);
    for (const acc of ['demo-institution', 'demo-sys']) expect((await c[acc]!.get('/api/credit-claims/types')).status).toBe(403);
    expect((await new Client(s).get('/api/credit-claims/types')).status).toBe(401);
  });

  it('rounds quantity × amount to the hundredth', () => {
    expect(claimAmountH(toH(2), 4)).toBe(800);
    expect(claimAmountH(toH(0.33), 2.25)).toBe(74); // 0.7425
    expect(claimAmountH(toH(1.5), 0.35)).toBe(53); // 0.525
  });
});

describe(`学分申报: claiming (${TEST_DB})`, () => {
  it('files a claim with evidence: amount from the table, pending at its review level, in my list', async () => {
    const before = uploads();
    const r = await submitClaim(
      c['demo-teacher']!,
      { claimType: 'enterprise_practice', year: YEAR, title: '南宁某电子厂企业实践', quantity: '1.5', description: '暑期' },
      [
        { name: '实践考核表.pdf', data: PDF },
        { name: '照片.png', data: PNG, type: 'image/png' },
      ],
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.claim).toMatchObject({
      claimTypeName: '职业学校教师企业实践（每满 1 个月）',
      quantity: 1.5,
      unitAmount: 4,
      amount: 6,
      status: 'pending',
      statusLabel: '待审核',
      reviewLevel: 'county',
      categoryName: '专业选修',
      entryId: null,
    });
    expect(r.body.claim.files.map((f: { name: string; mime: string }) => [f.name, f.mime])).toEqual([
      ['实践考核表.pdf', 'application/pdf'],
      ['照片.png', 'image/png'],
    ]);
    expect(uploads()).toBe(before + 2);
    const mine = await c['demo-teacher']!.get('/api/credit-claims/mine');
    expect(mine.body.items.find((x: { id: number }) => x.id === r.body.claim.id)).toMatchObject({
      status: 'pending',
      title: '南宁某电子厂企业实践',
    });
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_type', '=', 'creditClaim')
      .where('object_id', '=', String(r.body.claim.id))
      .execute();
    expect(audit).toEqual([{ action: 'creditClaim.submit', actor_id: teacherId }]);
    // nobody else's list shows it
    expect(
      (await c['demo-teacher2']!.get('/api/credit-claims/mine')).body.items.some((x: { id: number }) => x.id === r.body.claim.id),
    ).toBe(false);
  });

  it('refuses bad input with a Chinese sentence and changes nothing', async () => {
    const t = c['demo-teacher']!;
    const ok = { claimType: 'giving_training', year: YEAR, title: '授课', quantity: 1 };
    const [claims, files] = [await claimCount(), uploads()];
    const cases: Array<[Record<string, string | number>, EvidenceFile[] | undefined, number, RegExp]> = [
      [{ ...ok, title: ' ' }, undefined, 400, /请填写申报名称/],
      [{ ...ok, quantity: 'abc' }, undefined, 400, /数量必须是数字/],
      [{ ...ok, quantity: 0 }, undefined, 400, /数量必须大于 0/],
      [{ ...ok, quantity: '1.234' }, undefined, 400, /最多保留两位小数/],
      [{ ...ok, claimType: 'nope' }, undefined, 400, /折算表/],
      [{ ...ok, year: YEAR + 1 }, undefined, 400, /未来年度/],
      [{ ...ok, year: 1999 }, undefined, 400, /不在学分政策的培训周期内/],
      [{ ...ok, year: '' }, undefined, 400, /请选择年度/],
      [ok, [], 400, /至少 1 个证明材料/],
      [ok, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, data: PDF })), 400, /最多上传 5 个/],
      [ok, [{ name: '证书.pdf', data: EXE }], 400, /“证书.pdf”不是 PDF、JPG 或 PNG 文件/],
      [ok, [{ name: 'note.pdf', data: Buffer.from('just some text, not a pdf') }], 400, /不是 PDF、JPG 或 PNG/],
      [ok, [{ name: 'empty.pdf', data: Buffer.alloc(0) }], 400, /空文件/],
      [ok, [{ name: 'big.pdf', data: Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]) }], 413, /不能超过 5 MB/],
    ];
    for (const [fields, evidence, status, message] of cases) {
      const r = await submitClaim(t, fields, evidence);
      expect(r.status, `${JSON.stringify(fields)} → ${JSON.stringify(r.body)}`).toBe(status);
      expect(r.body.message).toMatch(message);
    }
    const json = await t.post('/api/credit-claims', ok);
    expect(json.status).toBe(400);
    expect(json.body.message).toMatch(/证明材料/);
    expect([await claimCount(), uploads()]).toEqual([claims, files]);
  });

  it('holds approved + pending claims of a type and year to maxPerYear, not rejected or withdrawn ones', async () => {
    const t = c['demo-teacher2']!;
    const year = YEAR - 1; // 论文: 4 学分 each, at most 8 a year
    const first = await claim('demo-teacher2', { claimType: 'paper', year, title: '论文一', quantity: 1 });
    const tooMuch = await submitClaim(t, { claimType: 'paper', year, title: '论文二、三', quantity: 2 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.message).toBe(
      `“公开发表教育教学论文”每年最多认定 8 学分，您 ${year} 年已申报 4 学分（含待审核），本次折算 8 学分，超出了上限；本年度最多还能申报 4 学分`,
    );
    const second = await claim('demo-teacher2', { claimType: 'paper', year, title: '论文二', quantity: 1 });
    const full = await submitClaim(t, { claimType: 'paper', year, title: '论文三', quantity: 1 });
    expect(full.body.message).toMatch(/本年度该类型已无可申报额度/);
    // another year, another type: their own allowances
    await claim('demo-teacher2', { claimType: 'paper', year: YEAR, title: '今年的论文', quantity: 1 });
    // approved still counts; withdrawn and rejected free the allowance again
    expect((await c['demo-county2']!.post(`/api/credit-claims/${first.id}/approve`)).status).toBe(200);
    expect((await submitClaim(t, { claimType: 'paper', year, title: '论文三', quantity: 1 })).status).toBe(400);
    expect((await t.post(`/api/credit-claims/${second.id}/withdraw`)).status).toBe(200);
    const third = await claim('demo-teacher2', { claimType: 'paper', year, title: '论文三', quantity: 1 });
    expect((await c['demo-county2']!.post(`/api/credit-claims/${third.id}/reject`, { reason: '刊物不在认定范围' })).status).toBe(200);
    await claim('demo-teacher2', { claimType: 'paper', year, title: '论文四', quantity: 1 });
  });

  it('lets only teachers claim', async () => {
    for (const acc of ['demo-county', 'demo-school', 'demo-sys']) {
      expect((await submitClaim(c[acc]!, { claimType: 'paper', year: YEAR, title: 'x', quantity: 1 })).status).toBe(403);
      expect((await c[acc]!.get('/api/credit-claims/mine')).status).toBe(403);
    }
    expect((await new Client(s).get('/api/credit-claims/mine')).status).toBe(401);
  });
});

describe(`学分申报: withdrawing (${TEST_DB})`, () => {
  it("withdraws my own pending claim once; not someone else's, not a decided one", async () => {
    const mine = await claim('demo-teacher', { claimType: 'degree', year: YEAR - 2, title: '教育硕士', quantity: 1 });
    expect((await c['demo-teacher2']!.post(`/api/credit-claims/${mine.id}/withdraw`)).status).toBe(404);
    expect((await c['demo-county']!.post(`/api/credit-claims/${mine.id}/withdraw`)).status).toBe(403);
    expect((await c['demo-teacher']!.post('/api/credit-claims/999999/withdraw')).status).toBe(404);
    const r = await c['demo-teacher']!.post(`/api/credit-claims/${mine.id}/withdraw`);
    expect(r.status).toBe(200);
    expect(r.body.claim).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回' });
    expect(r.body.claim.withdrawnAt).toBeTruthy();
    expect((await c['demo-teacher']!.post(`/api/credit-claims/${mine.id}/withdraw`)).body.message).toBe('该申报已经撤回');
    // a withdrawn claim cannot be approved or rejected
    const approve = await c['demo-county']!.post(`/api/credit-claims/${mine.id}/approve`);
    expect([approve.status, approve.body.message]).toEqual([409, '该申报已被教师撤回，无需审核']);
    expect((await c['demo-county']!.post(`/api/credit-claims/${mine.id}/reject`, { reason: 'x' })).status).toBe(409);
    expect(await entriesOf(mine.id)).toHaveLength(0);

    const decided = await claim('demo-teacher', { claimType: 'degree', year: YEAR - 2, title: '教育硕士（重新申报）', quantity: 1 });
    expect((await c['demo-county']!.post(`/api/credit-claims/${decided.id}/approve`)).status).toBe(200);
    const late = await c['demo-teacher']!.post(`/api/credit-claims/${decided.id}/withdraw`);
    expect([late.status, late.body.message]).toEqual([409, '该申报已审核，不能撤回']);
  });
});
