// Rules of the code's shape that a linter does not check, run by `npm test` before the type checks:
//   1. SQL only in repositories (*.repository.ts) — plus db/ (connection, migrations) and the demo seeds.
//   2. No import cycles between feature modules (apps/server/src/modules/<feature>).
//   3. Files stay at most 400 lines (after formatting).
//   4. A module writes only its own tables (TABLE_OWNERS); another module's rows change through its exported functions.
// Each rule prints the offending places; any offence fails the run.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// the tree to check: the project, or another root given as the first argument (the checks' own tests)
const ROOT = path.resolve(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..'));
const SERVER = path.join(ROOT, 'apps/server/src');
const MAX_LINES = 400;
const SQL = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`|\bsql<[^>]*>`/;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(p);
  }
  return out;
}
const rel = (p) => path.relative(ROOT, p);
const problems = [];

// 1. SQL only in repositories
const sqlAllowed = (p) =>
  p.endsWith('.repository.ts') ||
  p.includes(`${path.sep}db${path.sep}`) ||
  /[\\/]demo[\\/]|[\\/]demo\.ts$/.test(p) ||
  p.endsWith('.test.ts');
for (const f of walk(SERVER)) {
  if (sqlAllowed(f)) continue;
  const lines = readFileSync(f, 'utf8').split('\n');
  const hit = lines.findIndex((l) => SQL.test(l));
  if (hit >= 0) problems.push(`SQL outside a repository: ${rel(f)}:${hit + 1}`);
}

// 2. import cycles between feature modules
const modulesDir = path.join(SERVER, 'modules');
const edges = new Map();
for (const f of walk(modulesDir)) {
  if (f.endsWith('.test.ts')) continue;
  const from = path.relative(modulesDir, f).split(path.sep)[0];
  if (!from || from.endsWith('.ts')) continue;
  for (const m of readFileSync(f, 'utf8').matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = path.resolve(path.dirname(f), m[1]);
    if (!target.startsWith(modulesDir + path.sep)) continue;
    const to = path.relative(modulesDir, target).split(path.sep)[0];
    if (to && to !== from && !to.endsWith('.ts')) {
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, rel(f));
    }
  }
}
const seen = new Set();
function cycleFrom(start, node, trail) {
  for (const [next, where] of edges.get(node) ?? []) {
    const step = [...trail, `${node} → ${next} (${where})`];
    if (next === start) return step;
    if (trail.length < 12 && !trail.some((t) => t.startsWith(`${next} →`))) {
      const c = cycleFrom(start, next, step);
      if (c) return c;
    }
  }
  return null;
}
for (const m of edges.keys()) {
  const c = cycleFrom(m, m, []);
  if (!c) continue;
  const key = c
    .map((s) => s.split(' ')[0])
    .sort()
    .join(',');
  if (seen.has(key)) continue;
  seen.add(key);
  problems.push(`import cycle between modules:\n    ${c.join('\n    ')}`);
}

// 4. a module writes only its own tables
const TABLE_OWNERS = {
  regions: ['regions'],
  org: ['schools', 'institutions'],
  auth: [
    'users',
    'user_roles',
    'sessions',
    'verification_codes',
    'login_failures',
    'auth_attempts',
    'auth_challenges',
    'password_history',
    'totp_recovery_codes',
    'login_tickets',
  ],
  teachers: ['teachers', 'teacher_registrations'],
  profile: ['profile_changes'],
  notifier: ['outbox'],
  audit: ['audit_log'],
  credits: ['credit_policies', 'credit_entries', 'credit_summaries', 'credit_standings', 'credit_cycle_standings'],
  'credit-claims': ['credit_claims', 'credit_claim_files'],
  certificates: ['certificates'],
  'credit-reports': ['credit_report_school_counts', 'credit_report_county_counts', 'credit_report_state'],
  projects: ['project_types', 'projects', 'project_institutions', 'project_quotas'],
  enrollments: ['enrollments', 'enrollment_events'],
  electives: ['electives'],
  classes: ['training_classes', 'class_notice_files', 'class_sessions', 'checkins', 'project_evaluations'],
  'admin-accounts': ['admin_account_requests'],
  jobs: ['jobs'],
  credentials: ['credential_keys'],
  orders: ['orders', 'payment_notifications', 'refunds'],
};
const owner = new Map(Object.entries(TABLE_OWNERS).flatMap(([m, ts]) => ts.map((t) => [t, m])));
const WRITE = /\.(insertInto|updateTable|deleteFrom|mergeInto)\(\s*'([a-z_]+)/g;
for (const f of walk(modulesDir)) {
  if (f.endsWith('.test.ts')) continue;
  const mod = path.relative(modulesDir, f).split(path.sep)[0];
  const text = readFileSync(f, 'utf8');
  for (const m of text.matchAll(WRITE)) {
    const table = m[2];
    const by = owner.get(table);
    const line = text.slice(0, m.index).split('\n').length;
    if (!by) problems.push(`table without an owner in TABLE_OWNERS (scripts/check-architecture.mjs): ${table} at ${rel(f)}:${line}`);
    else if (by !== mod) problems.push(`module ${mod} writes ${table}, which belongs to ${by}: ${rel(f)}:${line}`);
  }
}

// 3. file length
for (const dir of ['apps', 'packages', 'e2e', 'bench', 'scripts'].filter((d) => existsSync(path.join(ROOT, d)))) {
  for (const f of walk(path.join(ROOT, dir))) {
    if (f.endsWith(`${path.sep}db${path.sep}generated.ts`)) continue; // written by kysely-codegen (scripts/db-types.ts)
    const n = readFileSync(f, 'utf8').split('\n').length;
    if (n > MAX_LINES + 1) problems.push(`file over ${MAX_LINES} lines (${n}): ${rel(f)}`);
  }
}

if (problems.length) {
  console.error(`✗ 架构检查未通过（${problems.length} 处）：\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('✓ 架构检查通过：SQL 只在 repository 中，模块只写自己的表，模块之间无循环依赖，文件不超过 400 行');
