// Fixtures for the training-project tests and the scope matrix: a valid project form, the demo
// accounts' nodes, and a published project with its quota split down to a school — all through
// the API, as an admin would do it.
import { expect } from 'vitest';
import { chinaDay as day } from '../src/modules/projects/dates.ts';
import type { Client, TestServer } from './harness.ts';

export const YEAR = new Date().getUTCFullYear();
export const TODAY = day(0);
export { day };

export async function typeIds(s: TestServer) {
  const rows = await s.deps.db.selectFrom('project_types').select(['id', 'name', 'parent_id']).orderBy('sort').orderBy('id').execute();
  const top = rows.find((r) => r.name === '能力提升' && r.parent_id === null)!;
  const sub = rows.find((r) => r.parent_id === top.id)!;
  const other = rows.find((r) => r.name === '国培' && r.parent_id === null)!;
  return { typeId: top.id, subTypeId: sub.id, otherTypeId: other.id };
}

export async function institutionIds(s: TestServer) {
  return (await s.deps.db.selectFrom('institutions').select('id').orderBy('code').execute()).map((r) => r.id);
}

/** A complete, publishable project form; override what a test is about. */
export async function projectBody(s: TestServer, over: Record<string, unknown> = {}) {
  const { typeId, subTypeId } = await typeIds(s);
  const [inst] = await institutionIds(s);
  return {
    name: '中小学教师信息技术应用能力提升培训',
    year: YEAR,
    level: 'province',
    typeId,
    subTypeId,
    mode: 'blended',
    funding: '省级财政',
    creditCategory: 'public_required',
    creditAmount: 20,
    hours: 60,
    targetStages: [],
    targetSubjects: [],
    targetRegionCodes: [],
    quota: 100,
    institutionIds: [inst],
    place: '南宁市青秀区民族大道 1 号',
    startDate: day(10),
    endDate: day(20),
    allowApplication: false,
    applyStart: null,
    applyEnd: null,
    onsiteWeight: 40,
    onlineWeight: 60,
    passMark: 60,
    learningUrl: 'https://learn.example.cn/course/1',
    evaluationQuestions: [
      { text: '培训内容是否实用？', kind: 'rating' },
      { text: '意见与建议', kind: 'text' },
    ],
    ...over,
  };
}

export interface DemoNodes {
  province: string;
  city: string;
  city2: string;
  county: string;
  county2: string;
  school: number;
  school2: number;
}

export async function demoNodes(client: (acc: string) => Promise<Client>): Promise<DemoNodes> {
  const scope = async (acc: string) =>
    (await (await client(acc)).get('/api/auth/me')).body.user.scope as { regionCode?: string; schoolId?: number };
  return {
    province: (await scope('demo-province')).regionCode!,
    city: (await scope('demo-city')).regionCode!,
    city2: (await scope('demo-city2')).regionCode!,
    county: (await scope('demo-county')).regionCode!,
    county2: (await scope('demo-county2')).regionCode!,
    school: (await scope('demo-school')).schoolId!,
    school2: (await scope('demo-school2')).schoolId!,
  };
}

export async function createProject(s: TestServer, c: Client, over: Record<string, unknown> = {}, publish = true): Promise<number> {
  const r = await c.post('/api/projects', await projectBody(s, over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  if (publish) {
    const p = await c.post(`/api/projects/${r.body.project.id}/publish`);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  }
  return r.body.project.id;
}

export async function grant(c: Client, projectId: number, holder: string, quota: number) {
  const r = await c.post(`/api/projects/${projectId}/quotas`, { holder, quota });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Teachers of a school, demo teachers first. */
export async function teachersOf(s: TestServer, schoolId: number) {
  return await s.deps.db
    .selectFrom('teachers as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id as id', 'u.login_name', 'u.name'])
    .where('t.school_id', '=', schoolId)
    .where('u.status', '=', 'active')
    .orderBy('u.login_name')
    .orderBy('t.user_id')
    .execute();
}

export async function select(c: Client, projectId: number, teacherIds: number[]) {
  const r = await c.post(`/api/projects/${projectId}/selections`, { teacherIds });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.enrollmentIds as number[];
}

/** Gives an imported teacher (or a new school admin) a login, so tests can act as them. */
export async function loginAsUser(s: TestServer, userId: number, login: string) {
  const { hashPassword } = await import('../src/modules/auth/passwords.ts');
  const { DEMO_PASSWORD, loginAs } = await import('./harness.ts');
  await s.deps.db
    .updateTable('users')
    .set({ login_name: login, password_hash: await hashPassword(DEMO_PASSWORD), must_change_password: false })
    .where('id', '=', userId)
    .execute();
  return loginAs(s, login);
}

/** A second admin of the same node (two reviewers acting at once). */
export async function secondAdmin(s: TestServer, like: string, login: string) {
  const db = s.deps.db;
  const src = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['r.role', 'r.region_code', 'r.school_id'])
    .where('u.login_name', '=', like)
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('users')
    .values({
      login_name: login,
      name: `${login} 管理员`,
      id_number: null,
      phone: null,
      email: null,
      reject_reason: null,
      password_hash: null,
      source: 'admin',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_roles')
    .values({ user_id: u.id, role: src.role, region_code: src.region_code, school_id: src.school_id, institution_id: null })
    .execute();
  return loginAsUser(s, u.id, login);
}
