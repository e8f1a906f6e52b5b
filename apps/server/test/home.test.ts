// 我的主页 and 工作台 over HTTP on the seeded demo world: the teacher's home says what 我的学分 and
// 我的专项培训 say (same engine, same enrolments), and each admin's counts are exactly what their
// queues list — moving when an item is decided, never counting another area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';
import { submitClaim } from './matrix/credit-claims.ts';

let s: TestServer;
const clients: Record<string, Client> = {};
const ADMINS = ['demo-school', 'demo-school2', 'demo-county', 'demo-county2', 'demo-city', 'demo-city2', 'demo-province'];
const c = async (acc: string) => (clients[acc] ??= await loginAs(s, acc));

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

type Queue = { key: string; count: number };
/** What each queue's own page lists as waiting, asked as that admin (undefined when the role has no such queue). */
async function queueTotals(acc: string): Promise<Record<string, number | undefined>> {
  const cl = await c(acc);
  const total = async (url: string) => {
    const r = await cl.get(url);
    return r.status === 200 ? (r.body.total as number) : undefined;
  };
  return {
    registrations: await total('/api/registrations?status=pending&pageSize=1'),
    profileChanges: await total('/api/profile-changes?status=pending&pageSize=1'),
    projectReviews: await total('/api/enrollments/pending?pageSize=1'),
    creditClaims: await total('/api/credit-claims?status=pending&pageSize=1'),
  };
}
async function counts(acc: string): Promise<Record<string, number>> {
  const r = await (await c(acc)).get('/api/admin/queue-counts');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const byKey = Object.fromEntries((r.body.queues as Queue[]).map((q) => [q.key, q.count]));
  expect(r.body.total).toBe(Object.values(byKey).reduce((a, b) => a + b, 0));
  return byKey;
}
async function expectCountsMatchQueues(acc: string) {
  const [mine, real] = await Promise.all([counts(acc), queueTotals(acc)]);
  const expected = Object.fromEntries(Object.entries(real).filter(([, v]) => v !== undefined));
  expect(mine, acc).toEqual(expected);
  return mine;
}

describe(`我的主页 (${TEST_DB})`, () => {
  it('shows the credit progress of the engine, with what is still missing', async () => {
    const t = await c('demo-teacher');
    const home = await t.get('/api/me/home');
    expect(home.status, JSON.stringify(home.body)).toBe(200);
    const { evaluation, policy } = (await t.get('/api/credits/me')).body;
    const cycle = evaluation.cycles.find((x: { id: string }) => x.id === evaluation.currentCycleId);
    const h = home.body.credits;
    expect(h.policyName).toBe(policy.name);
    expect(h.cycle).toMatchObject({ id: cycle.id, name: cycle.name, counted: cycle.total.counted, required: cycle.total.required });
    expect(h.missing).toEqual(evaluation.missing);
    expect(h.compliant).toBe(evaluation.compliant);
    const year = new Date(`${evaluation.asOf}T00:00:00Z`).getUTCFullYear();
    const y = cycle.years.find((r: { year: number }) => r.year === year);
    if (y) expect(h.year).toMatchObject({ year, total: { counted: y.total.counted, required: y.total.required } });
    else expect(h.year).toBeNull();
    // the demo teacher has not met this cycle yet: the page says what is missing, in the engine's words
    expect(h.missing.length).toBeGreaterThan(0);
    expect(h.missing.join('')).toContain('还差');
  });

  it('lists ongoing and upcoming training with the class notice and the next session', async () => {
    const t = await c('demo-teacher');
    const home = (await t.get('/api/me/home')).body;
    const ids = async (tab: string) =>
      ((await t.get(`/api/my/projects?tab=${tab}&pageSize=5`)).body.items as Array<{ enrollment: { id: number } }>).map(
        (x) => x.enrollment.id,
      );
    const expected = [...(await ids('ongoing')), ...(await ids('upcoming'))];
    expect(expected.length).toBeGreaterThan(0);
    expect(home.training.map((x: { enrollmentId: number }) => x.enrollmentId)).toEqual(expected);
    const counts = (await t.get('/api/my/projects')).body.counts;
    expect(home.projectCounts).toEqual(counts);
    // a class with a published 开班通知 shows its title; the next session is the class's first one not yet over
    const withClass = home.training.filter((x: { notice: unknown }) => x.notice);
    expect(withClass.length).toBeGreaterThan(0);
    for (const item of withClass) {
      const cls = (await t.get(`/api/my/enrollments/${item.enrollmentId}/class`)).body;
      expect(item.notice.title).toBe(cls.notice.title);
      const upcoming = cls.sessions
        .filter((x: { endsAt: string }) => new Date(x.endsAt).getTime() >= Date.now())
        .sort((a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt));
      expect(item.nextSession?.when ?? null).toBe(upcoming[0]?.when ?? null);
      expect(item.checkins).toEqual(cls.checkins);
    }
  });

  it('lists what waits for the teacher: returned applications, the open 训后评估, rejected claims, the profile', async () => {
    const t = await c('demo-teacher');
    let todos = (await t.get('/api/me/home')).body.todos as Array<{ kind: string; targetId: number | null; detail: string }>;
    const returned = (await t.get('/api/my/projects?tab=returned')).body.items as Array<{ enrollment: { id: number } }>;
    expect(returned.length).toBeGreaterThan(0);
    expect(todos.filter((x) => x.kind === 'returnedEnrollment').map((x) => x.targetId)).toEqual(returned.map((r) => r.enrollment.id));
    expect(todos.find((x) => x.kind === 'returnedEnrollment')!.detail).toMatch(/退回理由|已被退回/);
    // the demo leaves 李秀英's 训后评估 of the ended class open
    const evaluation = todos.find((x) => x.kind === 'evaluation');
    expect(evaluation).toBeDefined();
    const cls = (await t.get(`/api/my/enrollments/${evaluation!.targetId}/class`)).body;
    expect(cls.evaluation).toMatchObject({ open: true, done: false });

    // a claim rejected by the reviewer appears, with the reason; a resubmission of it makes it go away
    const year = new Date().getUTCFullYear();
    const fields = { claimType: 'research', year, title: '主页：课题结题', quantity: 1 };
    const filed = await submitClaim(t, fields);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(
      (await (await c('demo-county')).post(`/api/credit-claims/${filed.body.claim.id}/reject`, { reason: '缺少结题证书' })).status,
    ).toBe(200);
    todos = (await t.get('/api/me/home')).body.todos;
    const rejected = todos.find((x) => x.kind === 'rejectedClaim' && x.targetId === filed.body.claim.id);
    expect(rejected?.detail).toContain('缺少结题证书');
    expect((await submitClaim(t, fields)).status).toBe(201);
    todos = (await t.get('/api/me/home')).body.todos;
    expect(todos.some((x) => x.kind === 'rejectedClaim' && x.targetId === filed.body.claim.id)).toBe(false);
  });

  it('shows each teacher only their own training, and refuses admins', async () => {
    const a = (await (await c('demo-teacher')).get('/api/me/home')).body.training.map((x: { enrollmentId: number }) => x.enrollmentId);
    const b = (await (await c('demo-teacher2')).get('/api/me/home')).body.training.map((x: { enrollmentId: number }) => x.enrollmentId);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id: number) => b.includes(id))).toEqual([]);
    for (const acc of ['demo-school', 'demo-county', 'demo-institution', 'demo-sys']) {
      expect((await (await c(acc)).get('/api/me/home')).status, acc).toBe(403);
    }
    expect((await new Client(s).get('/api/me/home')).status).toBe(401);
  });
});

describe(`工作台 (${TEST_DB})`, () => {
  it('counts exactly what each queue lists, per role', async () => {
    for (const acc of ADMINS) await expectCountsMatchQueues(acc);
    // the demo's one registration waits at demo-school; only the school admin has that queue
    expect((await counts('demo-school')).registrations).toBeGreaterThanOrEqual(1);
    expect((await counts('demo-county')).registrations).toBeUndefined();
    expect((await counts('demo-school')).profileChanges).toBeUndefined();
  });

  it('moves when an item is decided, and never counts another area', async () => {
    const before = Object.fromEntries(await Promise.all(ADMINS.map(async (a) => [a, await counts(a)] as const)));
    // a key-field change request of 李秀英 (demo-county, demo-city, the province)
    const filed = await (await c('demo-teacher')).post('/api/profile/changes', { changes: { gender: '男' }, reason: '登记有误' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const after = Object.fromEntries(await Promise.all(ADMINS.map(async (a) => [a, await counts(a)] as const)));
    for (const a of ['demo-county', 'demo-city', 'demo-province']) expect(after[a]!.profileChanges, a).toBe(before[a]!.profileChanges! + 1);
    for (const a of ['demo-county2', 'demo-city2']) expect(after[a], a).toEqual(before[a]);
    for (const a of ADMINS) await expectCountsMatchQueues(a);
    const approved = await (await c('demo-county')).post(`/api/profile-changes/${filed.body.change.id}/approve`);
    expect(approved.status).toBe(200);
    expect((await counts('demo-county')).profileChanges).toBe(before['demo-county']!.profileChanges);
    expect((await counts('demo-province')).profileChanges).toBe(before['demo-province']!.profileChanges);

    // the pending registration: approving it empties that item from demo-school's count only
    const regs = (await (await c('demo-school')).get('/api/registrations?status=pending')).body.items as Array<{ id: number }>;
    expect((await (await c('demo-school')).post(`/api/registrations/${regs[0]!.id}/approve`)).status).toBe(200);
    expect((await counts('demo-school')).registrations).toBe(before['demo-school']!.registrations! - 1);
    expect((await counts('demo-school2')).registrations).toBe(before['demo-school2']!.registrations);

    // a project application waiting at the county: approving it takes it off demo-county's count
    const pending = (await (await c('demo-county')).get('/api/enrollments/pending?pageSize=100')).body.items as Array<{
      id: number;
      version: number;
    }>;
    expect(pending.length).toBe(before['demo-county']!.projectReviews);
    expect(pending.length).toBeGreaterThan(0);
    const county2Before = (await counts('demo-county2')).projectReviews;
    const r = await (await c('demo-county')).post(`/api/enrollments/${pending[0]!.id}/approve`, { version: pending[0]!.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await counts('demo-county')).projectReviews).toBe(pending.length - 1);
    expect((await counts('demo-county2')).projectReviews).toBe(county2Before);
    for (const a of ADMINS) await expectCountsMatchQueues(a);
  });

  it('gives the key figures of the admin’s own area', async () => {
    const county = (await (await c('demo-county')).get('/api/admin/workbench')).body;
    expect(county.node.level).toBe('county');
    expect(county.figures.teachers).toBe((await (await c('demo-county')).get('/api/teachers?pageSize=1')).body.total);
    expect(county.queues).toEqual((await (await c('demo-county')).get('/api/admin/queue-counts')).body.queues);
    const province = (await (await c('demo-province')).get('/api/admin/workbench')).body;
    const county2 = (await (await c('demo-county2')).get('/api/admin/workbench')).body;
    expect(province.figures.teachers).toBeGreaterThan(county.figures.teachers + county2.figures.teachers - 1);
    expect(province.figures.schools).toBeGreaterThan(county.figures.schools);
    const school = (await (await c('demo-school')).get('/api/admin/workbench')).body;
    expect(school.figures.schools).toBe(1);
    expect(county.figures.runningProjects).toBeLessThanOrEqual(county.figures.publishedProjects);
    expect(county.figures.publishedProjects).toBe(
      (await (await c('demo-county')).get('/api/projects?status=published&pageSize=1')).body.total,
    );
    const report = (await (await c('demo-county')).get('/api/credit-reports/compliance')).body;
    expect(county.compliance).toMatchObject({
      cycleName: report.cycle.name,
      assessed: report.totals.assessed,
      compliant: report.totals.compliant,
    });
  });

  it('refuses the roles without queues of teachers', async () => {
    for (const acc of ['demo-teacher', 'demo-institution', 'demo-sys', 'demo-security', 'demo-audit']) {
      for (const url of ['/api/admin/workbench', '/api/admin/queue-counts'])
        expect((await (await c(acc)).get(url)).status, `${acc} ${url}`).toBe(403);
    }
    expect((await new Client(s).get('/api/admin/workbench')).status).toBe(401);
  });
});
