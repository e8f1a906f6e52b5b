// The world the enrolment tests build on: every demo account logged in, the demo nodes, and the other
// teachers of demo-school set to teach 小学语文 (six of them able to log in as t0…t5).
import { Client, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';
import { day, demoNodes, loginAsUser, type DemoNodes } from './projects-fixtures.ts';

export interface EnrollmentWorld {
  s: TestServer;
  c: Record<string, Client>;
  n: DemoNodes;
  teacherId: number;
  chinese: { id: number; name: string }[];
}

export async function enrollmentWorld(): Promise<EnrollmentWorld> {
  const s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  const c: Record<string, Client> = {};
  const client = async (acc: string) => (c[acc] ??= await loginAs(s, acc));
  for (const acc of [
    'demo-province',
    'demo-city',
    'demo-city2',
    'demo-county',
    'demo-county2',
    'demo-school',
    'demo-school2',
    'demo-teacher',
    'demo-teacher2',
    'demo-institution',
  ])
    await client(acc);
  const n = await demoNodes(client);
  const teacherId = await userIdOf(s, { login: 'demo-teacher' });
  // the other teachers of demo-school teach 小学语文 here, and can log in for these tests
  await s.deps.db
    .updateTable('teachers')
    .set({ stage: '小学', subject: '语文' })
    .where('school_id', '=', n.school)
    .where('user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('login_name', 'is', null))
    .execute();
  const chinese = await s.deps.db
    .selectFrom('teachers as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id as id', 'u.name'])
    .where('t.school_id', '=', n.school)
    .where('t.stage', '=', '小学')
    .where('t.subject', '=', '语文')
    .where('u.login_name', 'is', null)
    .where('u.status', '=', 'active')
    .orderBy('t.user_id')
    .execute();
  for (const [i, t] of chinese.slice(0, 6).entries()) c[`t${i}`] = await loginAsUser(s, t.id, `enr-teacher-${i}`);
  return { s, c, n, teacherId, chinese };
}

/** Reads behind the API, for assertions; `get` gives the current file's world. */
export function worldHelpers(get: () => Pick<EnrollmentWorld, 's' | 'c'>) {
  const enrollment = (id: number) => get().s.deps.db.selectFrom('enrollments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (id: number) =>
    get()
      .s.deps.db.selectFrom('enrollment_events')
      .select(['action', 'level', 'reason'])
      .where('enrollment_id', '=', id)
      .orderBy('id')
      .execute();
  const quotaOf = async (projectId: number, holder: string) =>
    await get()
      .s.deps.db.selectFrom('project_quotas')
      .select(['quota', 'granted_below', 'used'])
      .where('project_id', '=', projectId)
      .where('holder', '=', holder)
      .executeTakeFirst();
  const pendingFor = async (acc: string, projectId: number) =>
    (await get().c[acc]!.get(`/api/enrollments/pending?projectId=${projectId}&pageSize=100`)).body.items as {
      id: number;
      version: number;
      name: string;
    }[];
  return { enrollment, events, quotaOf, pendingFor };
}

export const openProject = (over: Record<string, unknown> = {}) => ({
  allowApplication: true,
  applyStart: day(-1),
  applyEnd: day(5),
  targetStages: ['小学'],
  targetSubjects: ['语文'],
  ...over,
});
