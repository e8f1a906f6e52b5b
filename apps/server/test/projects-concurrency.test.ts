// No number of concurrent requests can oversell a quota: grants at three levels and selections fired
// all at once (one Promise.all), application approvals racing for a school's places, and two
// reviewers clicking the same application. Meaningful on PostgreSQL (a pool of connections, real
// row locks); on PGlite the same requests run one after the other and must give the same numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';
import { createProject, demoNodes, grant, loginAsUser, secondAdmin, teachersOf, type DemoNodes } from './projects-fixtures.ts';

let s: TestServer;
const c: Record<string, Client> = {};
let n: DemoNodes;
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  for (const acc of ['demo-province', 'demo-city', 'demo-county', 'demo-school']) c[acc] = await loginAs(s, acc);
  n = await demoNodes(async (acc) => c[acc] ?? (c[acc] = await loginAs(s, acc)));
});
afterAll(async () => {
  await s?.close();
});

const tally = (rs: { status: number }[]) => rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});

/** Every row: granted below = the sum of its children's quotas; granted + used ≤ quota; used = the places its enrolments hold. */
async function checkInvariants(projectId: number) {
  const db = s.deps.db;
  const rows = await db.selectFrom('project_quotas').selectAll().where('project_id', '=', projectId).execute();
  const held = await db
    .selectFrom('enrollments')
    .select(['quota_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('status', 'in', ['reviewing', 'approved', 'assigned'])
    .groupBy('quota_id')
    .execute();
  for (const r of rows) {
    const children = rows.filter((x) => x.parent_id === r.id).reduce((a, x) => a + x.quota, 0);
    expect(r.granted_below, `${r.holder} granted`).toBe(children);
    expect(r.granted_below + r.used, `${r.holder} within quota`).toBeLessThanOrEqual(r.quota);
    expect(r.used, `${r.holder} used`).toBe(Number(held.find((h) => h.quota_id === r.id)?.n ?? 0));
  }
  return rows;
}

describe(`quota under concurrent load (${TEST_DB})`, () => {
  it('grants at three levels and selections all at once: exactly what is free is given, never more', async () => {
    const p = await createProject(s, c['demo-province']!, { name: '并发名额项目', quota: 100 });
    await grant(c['demo-province']!, p, n.city, 30);
    await grant(c['demo-city']!, p, n.county, 12);
    const db = s.deps.db;
    const otherCities = (
      await db.selectFrom('regions').select('code').where('parent_code', '=', n.province).where('code', '<>', n.city).execute()
    ).map((r) => r.code);
    const otherCounties = (
      await db.selectFrom('regions').select('code').where('parent_code', '=', n.city).where('code', '<>', n.county).execute()
    ).map((r) => r.code);
    const schools = (await db.selectFrom('schools').select('id').where('region_code', '=', n.county).execute()).map((r) => r.id);
    const teachers = (
      await db
        .selectFrom('teachers as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select('t.user_id as id')
        .where('t.region_code', '=', n.county)
        .where('u.status', '=', 'active')
        .execute()
    )
      .map((t) => t.id)
      .slice(0, 25);
    expect(otherCities.length).toBeGreaterThanOrEqual(10);
    expect(otherCounties.length).toBeGreaterThanOrEqual(8);
    expect(teachers).toHaveLength(25);

    // root: 70 free, asked 10 × each other city; city: 18 free, asked 3 × each other county;
    // county: 12 free, asked 1 × each of its schools and 1 × 25 single-teacher selections
    const provinceGrants = otherCities.map(
      (code) => () => c['demo-province']!.post(`/api/projects/${p}/quotas`, { holder: code, quota: 10 }),
    );
    const cityGrants = otherCounties.map((code) => () => c['demo-city']!.post(`/api/projects/${p}/quotas`, { holder: code, quota: 3 }));
    const countyGrants = schools.map(
      (id) => () => c['demo-county']!.post(`/api/projects/${p}/quotas`, { holder: `school:${id}`, quota: 1 }),
    );
    const selections = teachers.map((id) => () => c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: [id] }));
    const all = [...provinceGrants, ...cityGrants, ...countyGrants, ...selections];
    expect(all.length).toBeGreaterThanOrEqual(50);
    // interleave the kinds so they really overlap, then fire everything in one go
    const order = all
      .map((f, i) => ({ f, k: (i * 7919) % all.length }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.f);
    const results = await Promise.all(order.map((f) => f()));
    const by = new Map(order.map((f, i) => [f, results[i]!]));
    const pick = (fs: (() => unknown)[]) => fs.map((f) => by.get(f as never)!);

    const P = pick(provinceGrants),
      C = pick(cityGrants),
      K = [...pick(countyGrants), ...pick(selections)];
    expect(tally(P)).toEqual({ 200: Math.floor(70 / 10), 409: otherCities.length - 7 });
    expect(tally(C)).toEqual({ 200: Math.floor(18 / 3), 409: otherCounties.length - 6 });
    // grants answer 200, selections 201: together exactly the county's 12 free places
    expect(K.filter((r) => r.status === 200 || r.status === 201)).toHaveLength(12);
    expect(K.filter((r) => r.status === 409)).toHaveLength(K.length - 12);
    for (const r of [...P, ...C, ...K].filter((x) => x.status === 409)) expect(r.body.code).toBe('QUOTA_EXCEEDED');

    const rows = await checkInvariants(p);
    const row = (h: string) => rows.find((r) => r.holder === h)!;
    expect(row(n.province)).toMatchObject({ quota: 100, granted_below: 100, used: 0 });
    expect(row(n.city)).toMatchObject({ quota: 30, granted_below: 30 });
    expect(row(n.county).granted_below + row(n.county).used).toBe(12);
  });

  it("application approvals race for a school's places (two reviewers on each): exactly the quota is approved", async () => {
    const QUOTA = 4;
    const p = await createProject(s, c['demo-school']!, {
      name: '并发审核校本项目',
      level: 'school',
      mode: 'school_based',
      quota: QUOTA,
      allowApplication: true,
      applyStart: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      applyEnd: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    });
    const staff = (await teachersOf(s, n.school)).filter((t) => !t.login_name).slice(0, 8);
    const applicants = await Promise.all(staff.map((t, i) => loginAsUser(s, t.id, `race-${i}`)));
    const applied = await Promise.all(applicants.map((t) => t.post(`/api/projects/${p}/apply`)));
    expect(applied.map((r) => r.status)).toEqual(staff.map(() => 201));
    const reviewers = [c['demo-school']!, await secondAdmin(s, 'demo-school', 'race-school-b')];
    const decisions = await Promise.all(
      applied.flatMap((r) => reviewers.map((rv) => rv.post(`/api/enrollments/${r.body.enrollmentId}/approve`, { version: 1 }))),
    );
    expect(decisions.filter((r) => r.status === 200)).toHaveLength(QUOTA);
    expect(decisions.filter((r) => r.status === 409)).toHaveLength(decisions.length - QUOTA);
    expect(decisions.some((r) => r.status >= 500)).toBe(false);
    const approved = await s.deps.db
      .selectFrom('enrollments')
      .select('id')
      .where('project_id', '=', p)
      .where('status', '=', 'approved')
      .execute();
    expect(approved).toHaveLength(QUOTA);
    // no enrolment was approved twice: one approval event each
    const ev = await s.deps.db
      .selectFrom('enrollment_events')
      .select(['enrollment_id'])
      .where('action', '=', 'approved')
      .where(
        'enrollment_id',
        'in',
        approved.map((a) => a.id),
      )
      .execute();
    expect(ev).toHaveLength(QUOTA);
    const rows = await checkInvariants(p);
    expect(rows[0]).toMatchObject({ quota: QUOTA, used: QUOTA });
  });

  it('two reviewers on one application at once: one wins, the other is told it was handled', async () => {
    const p = await createProject(s, c['demo-province']!, { name: '双人审核项目', quota: 5 });
    await grant(c['demo-province']!, p, n.city, 5);
    await grant(c['demo-city']!, p, n.county, 5);
    const [t] = (await teachersOf(s, n.school)).filter((x) => !x.login_name);
    const sel = await c['demo-county']!.post(`/api/projects/${p}/selections`, { teacherIds: [t!.id] });
    const id = sel.body.enrollmentIds[0] as number;
    const cityB = await secondAdmin(s, 'demo-city', 'race-city-b');
    for (const [a, b] of [[c['demo-city']!, cityB]]) {
      const rs = await Promise.all([
        a!.post(`/api/enrollments/${id}/approve`, { version: 1 }),
        b!.post(`/api/enrollments/${id}/return`, { version: 1, reason: '同时退回' }),
      ]);
      expect(rs.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(rs.find((r) => r.status === 409)!.body.message).toBe('该申请已被其他管理员处理，请刷新');
    }
    const e = await s.deps.db
      .selectFrom('enrollments')
      .select(['status', 'version', 'stage'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(e.version).toBe(2);
    const ev = await s.deps.db
      .selectFrom('enrollment_events')
      .select('action')
      .where('enrollment_id', '=', id)
      .where('level', '=', 'city')
      .execute();
    expect(ev).toHaveLength(1);
    await checkInvariants(p);
  });
});
