// The server under test for the application burst, in its own process (forked by
// bench/projects/run.mjs with `--import tsx`). Same createServer() as main.ts on a fresh database
// (a temporary PGlite directory, or DATABASE_URL), demo data on, then — bench only — it adds:
//  - N teachers spread over the schools of demo-county (兴宁区), 小学语文;
//  - two school-admin accounts per school (two reviewers who may click the same application);
//  - one published county project open for 去申报 with a small quota held by the county;
//  - a session for each of them, minted with the server's own createSession(): logins are argon2
//    bound and measured by bench/run.mjs; here only the burst is measured.
// Nothing is added to the server's code; shixun.config.json is not read.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../apps/server/src/config.ts';
import { createServer } from '../../apps/server/src/server.ts';
import { createSession } from '../../apps/server/src/modules/auth/sessions.ts';
import { chinaDay } from '../../apps/server/src/modules/projects/dates.ts';

const N = Number(process.env.BENCH_APPLICANTS ?? 3000);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 50);
const send = (m: unknown) => process.send?.(m);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? path.join(os.tmpdir(), 'shixun-bench-unused') : mkdtempSync(path.join(os.tmpdir(), 'shixun-bench-projects-'));
const config = loadConfig(
  { SHIXUN_CONFIG: path.join(dataDir, 'no-such-config.json'), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_DATA: 'true' },
  { rateLimit: { loginPerMinutePerIp: 1_000_000, codesPerHourPerTarget: 5 }, uploadDir: path.join(dataDir, 'uploads') },
);
const server = await createServer(config, { logger: false });
const db = server.deps.db;

const county = (
  await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('r.region_code')
    .where('u.login_name', '=', 'demo-county')
    .executeTakeFirstOrThrow()
).region_code!;
const schools = await db.selectFrom('schools').select(['id', 'region_code']).where('region_code', '=', county).orderBy('id').execute();
const type = (
  await db.selectFrom('project_types').select('id').where('name', '=', '全员培训').where('parent_id', 'is', null).executeTakeFirstOrThrow()
).id;

async function users(
  prefix: string,
  n: number,
  role: 'teacher' | 'school_admin',
  schoolOf: (i: number) => { id: number; region_code: string },
) {
  const ids: { id: number; schoolId: number }[] = [];
  for (let from = 0; from < n; from += 500) {
    const batch = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
    const rows = await db
      .insertInto('users')
      .values(
        batch.map((i) => ({
          login_name: `${prefix}-${i}`,
          name: `${role === 'teacher' ? '压测教师' : '压测校管'}${i}`,
          id_number: null,
          phone: null,
          email: null,
          reject_reason: null,
          password_hash: null,
          source: 'admin' as const,
          must_change_password: false,
        })),
      )
      .returning('id')
      .execute();
    if (role === 'teacher') {
      await db
        .insertInto('teachers')
        .values(
          rows.map((r, k) => ({
            user_id: r.id,
            school_id: schoolOf(batch[k]!).id,
            region_code: schoolOf(batch[k]!).region_code,
            stage: '小学',
            subject: '语文',
          })),
        )
        .execute();
    }
    await db
      .insertInto('user_roles')
      .values(rows.map((r, k) => ({ user_id: r.id, role, school_id: schoolOf(batch[k]!).id, region_code: null, institution_id: null })))
      .execute();
    ids.push(...rows.map((r, k) => ({ id: r.id, schoolId: schoolOf(batch[k]!).id })));
  }
  return ids;
}
const teachers = await users('bench-teacher', N, 'teacher', (i) => schools[i % schools.length]!);
const admins = await users('bench-school', schools.length * 2, 'school_admin', (i) => schools[Math.floor(i / 2)]!);
const project = await db
  .insertInto('projects')
  .values({
    name: '压测：区县全员培训（名额远少于申报人数）',
    year: Number(chinaDay().slice(0, 4)),
    level: 'county',
    organiser_region_code: county,
    organiser_school_id: null,
    organiser_name: '压测区县',
    type_id: type,
    mode: 'online',
    credit_category: 'public_required',
    credit_amount_h: 200,
    quota: QUOTA,
    start_date: chinaDay(30),
    end_date: chinaDay(35),
    allow_application: true,
    apply_start: chinaDay(-1),
    apply_end: chinaDay(10),
    learning_url: 'https://learning.example.com/bench',
    status: 'published',
    published_at: new Date(),
    evaluation_questions: '[]',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
await db.insertInto('project_quotas').values({ project_id: project.id, holder: county, holder_name: '压测区县', quota: QUOTA }).execute();
const cookie = async (userId: number, role: 'teacher' | 'school_admin') => {
  const s = await createSession(db, config, userId, [role], '127.0.0.1');
  return { cookie: `sx_session=${s.token}; sx_csrf=${s.csrfToken}`, csrf: s.csrfToken };
};
const teacherSessions = [];
for (const t of teachers) teacherSessions.push(await cookie(t.id, 'teacher'));
const adminSessions: Record<number, { cookie: string; csrf: string }[]> = {};
for (const a of admins) (adminSessions[a.schoolId] ??= []).push(await cookie(a.id, 'school_admin'));

await server.app.listen({ port: 0, host: '127.0.0.1' });
const addr = server.app.server.address();
send({
  type: 'ready',
  port: typeof addr === 'object' && addr ? addr.port : 0,
  dbKind: server.deps.dbKind,
  projectId: project.id,
  quota: QUOTA,
  teachers: teachers.map((t, i) => ({ ...teacherSessions[i], schoolId: t.schoolId })),
  admins: adminSessions,
});

process.on('message', async (m: { type: string }) => {
  if (m?.type === 'verify') {
    const rows = await db
      .selectFrom('project_quotas')
      .select(['quota', 'granted_below', 'used'])
      .where('project_id', '=', project.id)
      .execute();
    const byStatus = await db
      .selectFrom('enrollments')
      .select(['status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', project.id)
      .groupBy('status')
      .execute();
    const approvals = await db
      .selectFrom('enrollment_events as ev')
      .innerJoin('enrollments as e', 'e.id', 'ev.enrollment_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.project_id', '=', project.id)
      .where('ev.level', '=', 'school')
      .executeTakeFirstOrThrow();
    send({
      type: 'verify',
      quotaRows: rows,
      byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
      schoolApprovalEvents: Number(approvals.n),
    });
  } else if (m?.type === 'stop') await stop();
});
process.on('disconnect', () => void stop());
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
}
