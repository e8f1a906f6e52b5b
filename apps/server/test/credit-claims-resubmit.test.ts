// 重新申报 of a returned 学分申报, on a real database: the reviewer's note shown with the new claim,
// the evidence reused (and more added, within the limit), once per returned claim, only by its teacher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, YEAR, claim, startClaimServer } from './credit-claims-fixtures.ts';
import { Client, TEST_DB, type TestServer } from './harness.ts';
import { claimForm } from './matrix/credit-claims.ts';

let s: TestServer;
let c: Record<string, Client>;
beforeAll(async () => {
  ({ s, c } = await startClaimServer());
});
afterAll(async () => {
  await s?.close();
});

const resubmit = (acc: string, id: number, fields: Record<string, string | number>, files: { name: string; data: Buffer }[] = []) => {
  const f = claimForm(fields, files);
  return c[acc]!.request('POST', `/api/credit-claims/${id}/resubmit`, f.body, f.headers);
};
const fields = { claimType: 'research', year: YEAR, title: '重新申报：课题结题', quantity: 1 };

describe(`学分申报: 重新申报 (${TEST_DB})`, () => {
  it('answers a returned claim with the reviewer’s note beside it and the same evidence', async () => {
    const first = await claim('demo-teacher', fields);
    const rejected = await c['demo-county']!.post(`/api/credit-claims/${first.id}/reject`, { reason: '缺少结题证书，请补充' });
    expect(rejected.status).toBe(200);
    const mine = (await c['demo-teacher']!.get('/api/credit-claims/mine')).body.items.find((x: { id: number }) => x.id === first.id);
    expect(mine).toMatchObject({ status: 'rejected', canResubmit: true, resubmittedAs: null, reviewReason: '缺少结题证书，请补充' });

    const r = await resubmit('demo-teacher', first.id, { ...fields, description: '已补充结题证书' }, [{ name: '结题证书.png', data: PNG }]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const next = r.body.claim;
    expect(next).toMatchObject({
      status: 'pending',
      canResubmit: false,
      resubmitOf: { id: first.id, reviewReason: '缺少结题证书，请补充' },
      description: '已补充结题证书',
    });
    expect(next.files.map((f: { name: string }) => f.name)).toEqual(['证明.pdf', '结题证书.png']);
    // the reused file is served under the new claim, to the teacher and the reviewer
    const reused = await c['demo-teacher']!.get(next.files[0].url);
    expect(reused.status).toBe(200);
    expect((await c['demo-county']!.get(next.files[0].url)).status).toBe(200);
    // the reviewer sees the earlier note in the detail
    const detail = (await c['demo-county']!.get(`/api/credit-claims/${next.id}`)).body.claim;
    expect(detail.resubmitOf).toMatchObject({ id: first.id, reviewReason: '缺少结题证书，请补充' });
    expect(detail.resubmitOf.reviewerName).toBeTruthy();
    // the returned one now points at its answer, and cannot be answered twice
    const after = (await c['demo-teacher']!.get('/api/credit-claims/mine')).body.items.find((x: { id: number }) => x.id === first.id);
    expect(after).toMatchObject({ canResubmit: false, resubmittedAs: next.id });
    const twice = await resubmit('demo-teacher', first.id, fields);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('该申报已经重新申报过，请在“我的申报”中查看新的申报');
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('object_type', '=', 'creditClaim')
      .where('object_id', '=', String(next.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['creditClaim.resubmit']);
  });

  it('needs no new file, keeps the limit, and refuses claims that are not returned or not mine', async () => {
    const paper = { ...fields, claimType: 'paper', title: '重新申报：无新文件' };
    const x = await claim('demo-teacher', paper);
    // pending: not returned
    const pending = await resubmit('demo-teacher', x.id, paper);
    expect(pending.status).toBe(409);
    expect(pending.body.message).toBe('只有被退回的申报可以重新申报');
    await c['demo-county']!.post(`/api/credit-claims/${x.id}/reject`, { reason: '材料不清晰' });
    // another teacher: it does not exist for them; admins may not resubmit
    expect((await resubmit('demo-teacher2', x.id, fields)).status).toBe(404);
    expect((await resubmit('demo-county', x.id, fields)).status).toBe(403);
    expect((await resubmit('demo-teacher', 999999, fields)).status).toBe(404);
    // more than five files in all: refused, nothing filed
    const six = Array.from({ length: 5 }, (_, i) => ({ name: `补充${i}.png`, data: PNG }));
    const tooMany = await resubmit('demo-teacher', x.id, fields, six);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe('证明材料合计最多 5 个（原申报的 1 个已沿用）');
    expect(await s.deps.db.selectFrom('credit_claims').select('id').where('resubmit_of', '=', x.id).execute()).toEqual([]);
    // bad input: nothing filed
    const bad = await resubmit('demo-teacher', x.id, { ...fields, title: '' });
    expect(bad.status).toBe(400);
    const ok = await resubmit('demo-teacher', x.id, paper);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.claim.files).toHaveLength(1);
  });

  it('two resubmissions at once: exactly one is filed', async () => {
    const degree = { ...fields, claimType: 'degree', title: '重新申报：并发' };
    const x = await claim('demo-teacher', degree);
    await c['demo-county']!.post(`/api/credit-claims/${x.id}/reject`, { reason: '请补充' });
    const [a, b] = await Promise.all([resubmit('demo-teacher', x.id, degree), resubmit('demo-teacher', x.id, degree)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await s.deps.db.selectFrom('credit_claims').select('id').where('resubmit_of', '=', x.id).execute()).toHaveLength(1);
  });
});
