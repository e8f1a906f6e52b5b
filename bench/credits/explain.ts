// The compliance report's queries on a generated data set, alone (no HTTP): the plans (EXPLAIN
// ANALYZE) and median times of the live counts (county, school), of the per-school recount that the
// province and city reports read from, of those reports themselves, and of a teacher-list page.
//
//   node --import tsx bench/credits/explain.ts [--db shixun_bench] [--plans]
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { migrate } from '../../apps/server/src/db/migrate.ts';
import { cycleBasis } from '../../apps/server/src/modules/credit-reports/basis.ts';
import {
  complianceCounts,
  complianceCountsQuery,
  listTeachers,
} from '../../apps/server/src/modules/credit-reports/compliance.repository.ts';
import type { GroupBy, ReportScope } from '../../apps/server/src/modules/credit-reports/report-scope.ts';
import { ROLLUP, invalidateRollup, recount, rollupReport } from '../../apps/server/src/modules/credit-reports/rollup.ts';
import { activePolicy } from '../../apps/server/src/modules/credits/policy.store.ts';
import { today } from '../../apps/server/src/modules/credits/standing.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const url = new URL(process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = `/${arg('db', 'shixun_bench')}`;
const showPlans = process.argv.includes('--plans');

const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
await migrate(db.kysely); // a data set generated before a newer migration gets it, as the server would
const c = new pg.Client({ connectionString: url.toString() });
await c.connect();
const { policy } = await activePolicy(db.kysely);
const basis = cycleBasis(policy, today());
const school = (await c.query(`SELECT id, name FROM schools WHERE region_code = '450102' ORDER BY id DESC LIMIT 1`)).rows[0];
const PROVINCE: ReportScope = { regionPrefix: '45', level: 'province', code: '45', name: '广西' };
const CITY: ReportScope = { regionPrefix: '4501', level: 'city', code: '4501', name: '南宁市' };
const COUNTY: ReportScope = { regionPrefix: '450102', level: 'county', code: '450102', name: '兴宁区' };
const SCHOOL: ReportScope = { schoolId: school.id, level: 'school', code: '450102', name: school.name };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown>, runs = 5) {
  await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  return Math.round(median(ms) * 10) / 10;
}
async function plan(scope: ReportScope, groupBy: GroupBy) {
  const compiled = complianceCountsQuery(scope, basis, groupBy).compile(db.kysely);
  const lines = (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, compiled.parameters as unknown[])).rows.map(
    (r) => r['QUERY PLAN'] as string,
  );
  if (showPlans) console.log(`\n--- ${scope.name} (${groupBy})\n${lines.join('\n')}`);
  const idx = new Set(
    (lines.join('\n').match(/Index (?:Only )?Scan (?:Backward )?(?:using|on) \w+/g) ?? []).map((s) => s.replace(/.* (?:using|on) /, '')),
  );
  return [...idx].join(', ') || '(whole tables)';
}

const teachers = Number((await c.query('SELECT count(*) FROM teachers')).rows[0].count);
console.log(`${url.pathname.slice(1)}: ${teachers} teachers; policy v${basis.policyVersion}, cycle ${basis.cycle.id}, as of ${basis.asOf}`);
const results: Record<string, unknown>[] = [];
const log = (e: unknown) => {
  throw e;
};

// the recount behind province and city reports: one grouped query over every standing
const recountPlan = await plan(PROVINCE, 'school');
const recountMs = await timed(async () => {
  await invalidateRollup(db.kysely);
  await recount(db.kysely, basis, '45');
}, 3);
results.push({ what: '全省 per-school recount (background)', ms: recountMs, indexes: recountPlan });
ROLLUP.maxAgeSeconds = 3600;
results.push({
  what: '全省 by city (from per-school counts)',
  ms: await timed(() => rollupReport(db.kysely, PROVINCE, basis, 'city', '45', log)),
  indexes: 'credit_report_county_counts',
});
results.push({
  what: '南宁市 by county (from per-school counts)',
  ms: await timed(() => rollupReport(db.kysely, CITY, basis, 'county', '45', log)),
  indexes: 'credit_report_county_counts',
});
results.push({
  what: '兴宁区 by school (from per-school counts)',
  ms: await timed(() => rollupReport(db.kysely, COUNTY, basis, 'school', '45', log)),
  indexes: 'credit_report_school_counts_region',
});
results.push({
  what: '兴宁区 by school, counted live (not used: for comparison)',
  ms: await timed(() => complianceCounts(db.kysely, COUNTY, basis, 'school')),
  indexes: await plan(COUNTY, 'school'),
});
results.push({
  what: `${SCHOOL.name} (live)`,
  ms: await timed(() => complianceCounts(db.kysely, SCHOOL, basis, 'school')),
  indexes: await plan(SCHOOL, 'school'),
});
for (const [label, scope] of [
  ['全省', PROVINCE],
  ['兴宁区', COUNTY],
] as const) {
  results.push({
    what: `${label} teacher list, 未达标 page 1 (query alone)`,
    ms: await timed(() => listTeachers(db.kysely, scope, basis, { compliant: false }, 1, 20)),
    indexes: '',
  });
  results.push({
    what: `${label} teacher list, 达标 page 1 (query alone)`,
    ms: await timed(() => listTeachers(db.kysely, scope, basis, { compliant: true }, 1, 20)),
    indexes: '',
  });
}
console.table(results);
await c.end();
await db.close();
