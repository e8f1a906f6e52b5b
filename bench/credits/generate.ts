// A province-sized data set on PostgreSQL, made in SQL: schools, teachers (users, teachers,
// user_roles), the credit ledger, the per-teacher summaries and standings.
//
//   node --import tsx bench/credits/generate.ts --teachers 100000 [--entries-per-teacher 20] [--db shixun_bench]
//
// It DROPS and recreates the database named by --db (which must start with "shixun_bench"), applies
// the app's migrations, loads the region tree and the demo accounts, then generates in bulk. How the
// derived tables stay consistent with the ledger: see profiles.ts (profiles × hire year × status),
// and the verification at the end, which re-evaluates a random sample of teachers with the engine.
import { isIdNumber } from '@shixun/domain';
import pg from 'pg';
import { activePolicy, ensureCreditPolicy } from '../../apps/server/src/modules/credits/policy.store.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { loadRegions } from '../../apps/server/src/demo/regions.ts';
import { DEMO_PASSWORD, seedDemo } from '../../apps/server/src/demo/seed.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords.ts';
import { evaluate, loadFacts, standingRow } from '../../apps/server/src/modules/credit-policies/batch.ts';
import { today } from '../../apps/server/src/modules/credits/standing.ts';
import { HIRE_YEARS, PROFILES, factsOf, hireYearOf, profileEntries, profileOf, statusOf } from './profiles.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const N = Number(arg('teachers', '100000'));
const E = Number(arg('entries-per-teacher', '20'));
const DB = arg('db', 'shixun_bench');
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEACHERS_PER_SCHOOL = 50;
const BENCH_LOGINS = 50;
if (!/^shixun_bench\w*$/.test(DB)) throw new Error(`--db must start with shixun_bench (it is dropped and recreated): ${DB}`);
if (!(N >= 100 && E >= 1)) throw new Error('--teachers must be ≥ 100 and --entries-per-teacher ≥ 1');

const url = new URL(ADMIN_URL);
url.pathname = `/${DB}`;
const DATABASE_URL = url.toString();
const timings: { step: string; seconds: number }[] = [];
const t0 = performance.now();
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const s = performance.now();
  process.stdout.write(`${name} … `);
  const r = await fn();
  const seconds = (performance.now() - s) / 1000;
  timings.push({ step: name, seconds });
  console.log(`${seconds.toFixed(1)} s`);
  return r;
}

// ---- 1. a fresh database with the app's schema, regions, policy and demo accounts
await step(`recreate database ${DB}`, async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
});
const app = await openDatabase({ databaseUrl: DATABASE_URL, dataDir: '' });
await step('migrations, regions, policy, demo accounts', async () => {
  await migrate(app.kysely);
  await ensureCreditPolicy(app.kysely, 'guangxi');
  await loadRegions(app.kysely, '45');
  await seedDemo(app.kysely, '45');
});
const asOf = today();
const { policy } = await activePolicy(app.kysely);

const c = new pg.Client({ connectionString: DATABASE_URL });
await c.connect();
const q = (text: string, values?: unknown[]) => c.query(text, values);
// Bulk-load settings for this session only. session_replication_role = replica skips foreign-key
// triggers: the rows are consistent by construction (and checked below), checking 20 M references
// one by one would double the load time.
await q(`SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET synchronous_commit = off`);
// ISO 7064 MOD 11-2, the check digit of a resident ID number
await q(`CREATE FUNCTION pg_temp.id_check(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT substr('10X98765432', 1 + (SELECT sum(substr(s, k, 1)::int * ((2 ^ (18 - k))::bigint % 11)) FROM generate_series(1, 17) k)::int % 11, 1) $$`);

const counties = Number((await q(`SELECT count(*) FROM regions WHERE level = 'county'`)).rows[0].count);
const schoolsPerCounty = Math.ceil(N / TEACHERS_PER_SCHOOL / counties);
const perSchool = Math.ceil(N / (schoolsPerCounty * counties));
const firstId = Number((await q(`SELECT coalesce(max(id), 0) AS m FROM users`)).rows[0].m);

await step(`schools (${counties} counties × ${schoolsPerCounty})`, async () => {
  await q(
    `INSERT INTO schools (code, name, region_code, area_type, category)
    SELECT c.code || 'B' || lpad(g::text, 4, '0'), c.name || '第' || g || (ARRAY['小学', '初级中学', '幼儿园'])[1 + g % 3], c.code,
      (ARRAY['城区', '镇区', '乡村'])[1 + g % 3], (ARRAY['小学', '初级中学', '幼儿园'])[1 + g % 3]
    FROM regions c CROSS JOIN generate_series(1, $1::int) g WHERE c.level = 'county'`,
    [schoolsPerCounty],
  );
  await q(`CREATE TABLE bench_school_map AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id AS school_id, region_code
    FROM schools WHERE code LIKE '%B%'`);
  await q(`ALTER TABLE bench_school_map ADD PRIMARY KEY (idx)`);
});

// the SQL twins of profileOf / hireYearOf / statusOf in profiles.ts
const span = HIRE_YEARS.to - HIRE_YEARS.from;
await step('bench_teachers (profile, hire year, status, school of each teacher)', async () => {
  await q(
    `CREATE TABLE bench_teachers AS SELECT i, $1::bigint + i AS user_id, (i * 7) % ${PROFILES} AS profile,
      CASE WHEN i % 50 = 0 THEN ${HIRE_YEARS.to} ELSE ${HIRE_YEARS.from} + (i * 31) % ${span} END AS hire_year,
      CASE WHEN i % 100 = 7 THEN '退休' WHEN i % 100 = 13 THEN '离职' ELSE '在职' END AS status,
      ((i - 1) / $2::int)::int AS school_idx
    FROM generate_series(1, $3::int) i`,
    [firstId, perSchool, N],
  );
  await q(`ALTER TABLE bench_teachers ADD PRIMARY KEY (user_id)`);
  const check = (await q(`SELECT i, profile, hire_year, status FROM bench_teachers WHERE i IN (1, 7, 13, 50, 99, 1234) ORDER BY i`)).rows;
  for (const r of check) {
    if (r.profile !== profileOf(r.i) || r.hire_year !== hireYearOf(r.i) || r.status !== statusOf(r.i))
      throw new Error(`SQL and profiles.ts disagree for teacher ${r.i}`);
  }
});

await step('drop secondary indexes for the bulk load', async () => {
  await q(`DROP INDEX credit_entries_teacher, teachers_region, teachers_school`);
});

await step(`users (${N})`, async () => {
  await q(`INSERT INTO users (id, login_name, id_number, phone, email, name, password_hash, must_change_password, status, source)
    SELECT x.user_id, NULL, x.base || pg_temp.id_check(x.base), '15' || lpad(x.i::text, 9, '0'), NULL, x.name, NULL, true, 'active', 'import'
    FROM (SELECT b.user_id, b.i,
        s.region_code || to_char(date '1966-01-01' + (b.i % 12000), 'YYYYMMDD') || lpad((b.i / 12000)::text, 3, '0') AS base,
        substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', 1 + (b.i * 7) % 20, 1)
          || (ARRAY['秀英','丽','伟','芳','娜','敏','静','磊','军','洋','勇','艳','杰','涛','明','超','霞','平','刚','桂英'])[1 + (b.i * 13) % 20] AS name
      FROM bench_teachers b JOIN bench_school_map s ON s.idx = b.school_idx) x`);
  await q(`SELECT setval('users_id_seq', (SELECT max(id) FROM users))`);
});

await step(`teachers + user_roles (${N})`, async () => {
  await q(`INSERT INTO teachers (user_id, school_id, region_code, gender, birth_date, stage, subject, highest_education, professional_title,
      post_category, is_establishment, hire_date, work_start_date, personnel_status)
    SELECT b.user_id, s.school_id, s.region_code, CASE WHEN b.i % 2 = 0 THEN '女' ELSE '男' END, date '1966-01-01' + (b.i % 12000),
      (ARRAY['小学', '初中', '幼儿园'])[1 + b.i % 3], (ARRAY['语文', '数学', '英语', '物理', '学前教育'])[1 + b.i % 5], '大学本科',
      (ARRAY['二级教师', '一级教师', '高级教师'])[1 + b.i % 3], '专任教师', true, make_date(b.hire_year, 9, 1), make_date(b.hire_year, 9, 1), b.status
    FROM bench_teachers b JOIN bench_school_map s ON s.idx = b.school_idx`);
  await q(`INSERT INTO user_roles (user_id, role, region_code, school_id, institution_id)
    SELECT b.user_id, 'teacher', NULL, s.school_id, NULL FROM bench_teachers b JOIN bench_school_map s ON s.idx = b.school_idx`);
});

const entries = profileEntries(E, asOf);
await step('profiles: ledger lines, summaries', async () => {
  await q(`CREATE TABLE bench_profile_entries (profile int, n int, year int, entry_date date, category text, form text, level text,
    amount_h int, hours_h int, source text, title text, PRIMARY KEY (profile, n))`);
  const col = <K extends keyof (typeof entries)[number]>(k: K) => entries.map((e) => e[k]);
  await q(
    `INSERT INTO bench_profile_entries SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::date[], $5::text[], $6::text[],
    $7::text[], $8::int[], $9::int[], $10::text[], $11::text[])`,
    [
      col('profile'),
      col('n'),
      col('year'),
      col('entryDate'),
      col('category'),
      col('form'),
      col('level'),
      col('amountH'),
      col('hoursH'),
      col('source'),
      col('title'),
    ],
  );
  // a summary row is the sum of the ledger lines with the same key, exactly as ledger.ts adds them up
  await q(`CREATE TABLE bench_profile_summaries AS SELECT profile, year, category, form, level,
    sum(amount_h)::int AS amount_h, sum(coalesce(hours_h, 0))::int AS hours_h, count(*)::int AS entries
    FROM bench_profile_entries GROUP BY 1, 2, 3, 4, 5`);
});

// one statement per ledger line number, so each teacher's lines lie spread over the table as they
// would after years of postings (a teacher's 我的学分 then reads E scattered heap pages, not one)
await step(`credit_entries (${N} × ${E} = ${N * E})`, async () => {
  for (let n = 1; n <= E; n++) {
    await q(
      `INSERT INTO credit_entries (teacher_id, entry_date, year, category, form, amount_h, hours_h, title, source, source_id, level,
        certifier_name, certifier_unit, school_id, created_at)
      SELECT b.user_id, e.entry_date, e.year, e.category, e.form, e.amount_h, e.hours_h, e.title, e.source, 'bench-' || e.profile || '-' || e.n, e.level,
        CASE e.level WHEN 'school' THEN '学校' WHEN 'county' THEN '县级教育局' WHEN 'city' THEN '市级教育局' WHEN 'province' THEN '自治区教育厅' ELSE '教育部' END,
        CASE e.level WHEN 'school' THEN '本校' ELSE '培训组织单位' END, s.school_id, e.entry_date::timestamptz
      FROM bench_teachers b JOIN bench_profile_entries e ON e.profile = b.profile AND e.n = $1::int JOIN bench_school_map s ON s.idx = b.school_idx`,
      [n],
    );
  }
});

await step('credit_summaries (from the profiles)', async () => {
  await q(`INSERT INTO credit_summaries (teacher_id, year, category, form, level, amount_h, hours_h, entries)
    SELECT b.user_id, p.year, p.category, p.form, p.level, p.amount_h, p.hours_h, p.entries FROM bench_teachers b JOIN bench_profile_summaries p USING (profile)`);
});

await step(`credit_standings (engine × ${PROFILES} profiles × ${span + 1} hire years × 3 statuses, copied in SQL)`, async () => {
  const rows: unknown[][] = [];
  for (let p = 0; p < PROFILES; p++) {
    const facts = factsOf(entries.filter((e) => e.profile === p));
    for (let y = HIRE_YEARS.from; y <= HIRE_YEARS.to; y++) {
      for (const status of ['在职', '退休', '离职']) {
        const r = standingRow(0, evaluate(policy, { id: 0, teacher: { hireDate: `${y}-09-01`, status }, entries: facts }, asOf), asOf);
        rows.push([
          p,
          y,
          status,
          r.policy_version,
          r.cycle_id,
          r.assessed,
          r.compliant,
          r.earned_h,
          r.required_h,
          r.by_category,
          r.missing,
        ]);
      }
    }
  }
  await q(`CREATE TABLE bench_combo_standings (profile int, hire_year int, status text, policy_version int, cycle_id text, assessed boolean,
    compliant boolean, earned_h int, required_h int, by_category jsonb, missing jsonb, PRIMARY KEY (profile, hire_year, status))`);
  const colOf = (i: number) => rows.map((r) => r[i]);
  await q(
    `INSERT INTO bench_combo_standings SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[], $6::boolean[],
    $7::boolean[], $8::int[], $9::int[], $10::jsonb[], $11::jsonb[])`,
    Array.from({ length: 11 }, (_, i) => colOf(i)),
  );
  await q(
    `INSERT INTO credit_standings (teacher_id, policy_version, cycle_id, assessed, compliant, earned_h, required_h, by_category, missing, as_of)
    SELECT b.user_id, c.policy_version, c.cycle_id, c.assessed, c.compliant, c.earned_h, c.required_h, c.by_category, c.missing, $1::date
    FROM bench_teachers b JOIN bench_combo_standings c USING (profile, hire_year, status)`,
    [asOf],
  );
});

await step('recreate indexes', async () => {
  // the same definitions as the migrations (001_foundation.sql, 002_credits.sql)
  await q(`CREATE INDEX credit_entries_teacher ON credit_entries (teacher_id, year)`);
  await q(`CREATE INDEX teachers_region ON teachers (region_code text_pattern_ops)`);
  await q(`CREATE INDEX teachers_school ON teachers (school_id)`);
});

await step(`bench logins bench-t001 … bench-t${String(BENCH_LOGINS).padStart(3, '0')} (password of the demo accounts)`, async () => {
  const hash = await hashPassword(DEMO_PASSWORD);
  await q(
    `UPDATE users u SET login_name = 'bench-t' || lpad(k::text, 3, '0'), password_hash = $1, must_change_password = false
    FROM (SELECT k, $2::bigint + 1 + (k - 1) * ($3::int / $4::int) AS id FROM generate_series(1, $4::int) k) x WHERE u.id = x.id`,
    [hash, firstId, N, BENCH_LOGINS],
  );
});

await step('drop scaffolding, VACUUM ANALYZE', async () => {
  await q(`DROP TABLE bench_school_map, bench_teachers, bench_profile_entries, bench_profile_summaries, bench_combo_standings`);
  await q(`SET session_replication_role = DEFAULT`);
  for (const t of ['users', 'teachers', 'user_roles', 'schools', 'credit_entries', 'credit_summaries', 'credit_standings'])
    await q(`VACUUM (ANALYZE) ${t}`);
});

/** jsonb returns object keys in its own order */
const sorted = (o: Record<string, number>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

// ---- verification: the engine over a random sample of teachers' ledgers equals their stored rows
const verified = await step('verify a random sample against the engine and the ledger', async () => {
  const percent = Math.min(100, (300 * 3 * 100) / N);
  const sample = (
    await q(`SELECT user_id FROM teachers TABLESAMPLE BERNOULLI (${percent}) WHERE user_id > $1 LIMIT 300`, [firstId])
  ).rows.map((r) => Number(r.user_id));
  const ids = (await q(`SELECT id_number FROM users WHERE id = ANY($1::bigint[])`, [sample])).rows.map((r) => r.id_number as string);
  if (ids.some((x) => !isIdNumber(x))) throw new Error('generated ID numbers fail the check digit');
  const facts = await loadFacts(app.kysely, sample);
  const stored = new Map(
    (await q(`SELECT * FROM credit_standings WHERE teacher_id = ANY($1::bigint[])`, [sample])).rows.map((r) => [Number(r.teacher_id), r]),
  );
  let bad = 0;
  for (const f of facts) {
    const want = standingRow(f.id, evaluate(policy, f, asOf), asOf);
    const got = stored.get(f.id);
    const same =
      got &&
      got.policy_version === want.policy_version &&
      got.cycle_id === want.cycle_id &&
      got.assessed === want.assessed &&
      got.compliant === want.compliant &&
      got.earned_h === want.earned_h &&
      got.required_h === want.required_h &&
      sorted(got.by_category) === sorted(JSON.parse(want.by_category)) &&
      JSON.stringify(got.missing) === want.missing;
    if (!same) bad++;
    if (f.entries.length !== E) bad++;
  }
  const sums = (
    await q(
      `SELECT count(*) AS n FROM (
      SELECT teacher_id, year, category, form, level, sum(amount_h) AS a, count(*) AS e FROM credit_entries WHERE teacher_id = ANY($1::bigint[]) GROUP BY 1, 2, 3, 4, 5
    ) l FULL JOIN (SELECT * FROM credit_summaries WHERE teacher_id = ANY($1::bigint[])) s USING (teacher_id, year, category, form, level)
    WHERE l.a IS DISTINCT FROM s.amount_h OR l.e IS DISTINCT FROM s.entries`,
      [sample],
    )
  ).rows[0].n;
  const orphans = (
    await q(`SELECT count(*) AS n FROM credit_standings s LEFT JOIN teachers t ON t.user_id = s.teacher_id WHERE t.user_id IS NULL`)
  ).rows[0].n;
  if (bad || Number(sums) || Number(orphans))
    throw new Error(`verification failed: ${bad} standings, ${sums} summaries, ${orphans} orphans differ`);
  return sample.length;
});

const counts = (
  await q(`SELECT (SELECT count(*) FROM teachers) AS teachers, (SELECT count(*) FROM credit_entries) AS entries,
  (SELECT count(*) FROM credit_summaries) AS summaries, (SELECT count(*) FROM credit_standings) AS standings,
  (SELECT count(*) FROM schools) AS schools, pg_size_pretty(pg_database_size(current_database())) AS size`)
).rows[0];
await c.end();
await app.close();
const total = (performance.now() - t0) / 1000;
console.log(`\n${DB}: ${JSON.stringify(counts)}; ${verified} teachers verified against the engine; generated in ${total.toFixed(0)} s`);
console.log(JSON.stringify({ teachers: N, entriesPerTeacher: E, totalSeconds: Math.round(total), timings, counts }));
