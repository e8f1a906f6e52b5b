// Region reports (province, city, county) cover up to a million teachers: counting their standings
// takes seconds (bench/README.md). So they read per-school counts (credit_report_school_counts),
// made by the same counting query grouped by school over the whole province, and recounted
//  - when older than their allowed age: the smaller of ROLLUP.maxAgeSeconds and ageFactor × the
//    last recount's duration — a small deployment, whose recount takes milliseconds, is recounted on
//    almost every request and so is always current; a province recounts at most once a minute;
//  - while the caller waits if the last recount was quick, else in the background, the caller getting
//    the previous counts and the time they were made (stale-while-revalidate: no request waits seconds);
//  - when the policy version, the cycle or the year changed: the caller waits (counts under another
//    policy would mislead);
//  - after a standings recompute (invalidateRollup).
// A school's report and the teacher lists are counted live.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import type { CycleBasis } from './basis.ts';
import { complianceCountsQuery, type CountRow } from './compliance.repository.ts';
import type { GroupBy, ReportScope } from './report-scope.ts';

/** Tunable: how old the counts may get, and how long a recount may take for callers to wait for it. */
export const ROLLUP = {
  maxAgeSeconds: Number(process.env.CREDIT_REPORT_MAX_AGE_SECONDS ?? 60),
  ageFactor: 50,
  waitForRecountMs: 1000,
};

export const usesRollup = (scope: ReportScope) => scope.schoolId === undefined && scope.level !== 'school';

type State = { policy_version: number; cycle_id: string; year: number; counted_at: Date; duration_ms: number; invalidated: boolean };
const sameBasis = (s: State | undefined, b: CycleBasis) =>
  !!s && s.policy_version === b.policyVersion && s.cycle_id === b.cycle.id && s.year === Number(b.asOf.slice(0, 4));

const recounts = new WeakMap<Executor, Promise<void>>();

function readState(db: Executor): Promise<State | undefined> {
  return db
    .selectFrom('credit_report_state')
    .select(['policy_version', 'cycle_id', 'year', 'counted_at', 'duration_ms', 'invalidated'])
    .executeTakeFirst();
}

/**
 * The report's counts from the per-school counts of the scope, recounting first when they are not
 * usable, or afterwards in the background when they are old and a recount is slow.
 */
export async function rollupReport(
  db: Executor,
  scope: ReportScope,
  b: CycleBasis,
  groupBy: GroupBy | 'all',
  provinceCode: string,
  onError: (e: unknown) => void,
): Promise<{ rows: CountRow[]; countedAt: Date; refreshing: boolean }> {
  const s = await readState(db);
  const current = sameBasis(s, b);
  const allowedAge = Math.min(ROLLUP.maxAgeSeconds * 1000, s ? s.duration_ms * ROLLUP.ageFactor : 0);
  const young = current && !s!.invalidated && Date.now() - s!.counted_at.getTime() < allowedAge;
  const background = !young && current && s!.duration_ms > ROLLUP.waitForRecountMs;
  if (!young && !background) await recount(db, b, provinceCode);
  // counted before a background recount starts: on PGlite it would otherwise run first
  const counts = await rollupCounts(db, scope, b, groupBy);
  if (background) recount(db, b, provinceCode).catch(onError);
  return { ...counts, refreshing: background };
}

/** After standings were recomputed: the next province or city report recounts. */
export async function invalidateRollup(db: Executor): Promise<void> {
  await db.updateTable('credit_report_state').set({ invalidated: true }).execute();
}

/** Recounts now (one at a time per process); exported for bench/credits/explain.ts. */
export function recount(db: Executor, b: CycleBasis, provinceCode: string): Promise<void> {
  let p = recounts.get(db);
  if (!p) {
    p = doRecount(db, b, provinceCode).finally(() => recounts.delete(db));
    recounts.set(db, p);
  }
  return p;
}

async function doRecount(db: Executor, b: CycleBasis, provinceCode: string) {
  const decidedAt = Date.now();
  await db.transaction().execute(async (trx) => {
    // one recount at a time, also across server processes; the second finds the first's result
    await sql`SELECT pg_advisory_xact_lock(4242101)`.execute(trx);
    const s = await readState(trx);
    if (sameBasis(s, b) && !s!.invalidated && s!.counted_at.getTime() >= decidedAt) return;
    const started = Date.now();
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    const scope: ReportScope = { regionPrefix: provinceCode, level: 'province', code: provinceCode, name: '' };
    const rows = (await complianceCountsQuery(scope, b, 'school').execute(trx)).rows;
    const region = new Map((await trx.selectFrom('schools').select(['id', 'region_code']).execute()).map((r) => [r.id, r.region_code]));
    // rows are updated in place (HOT: the table has room on its pages) rather than deleted and
    // inserted, so a recount a minute does not bloat the table the reports read
    for (let i = 0; i < rows.length; i += 2000) {
      await trx
        .insertInto('credit_report_school_counts')
        .values(
          rows.slice(i, i + 2000).map((r) => ({
            school_id: Number(r.k),
            region_code: region.get(Number(r.k)) ?? '',
            teachers: Number(r.teachers),
            assessed: Number(r.assessed),
            compliant: Number(r.compliant),
            completed: Number(r.completed),
            stale: Number(r.stale),
            unevaluated: Number(r.unevaluated),
            by_category: JSON.stringify(Object.fromEntries(b.categories.map((c, j) => [c.id, Number(r[`c${j}`])]))),
          })),
        )
        .onConflict((oc) =>
          oc.column('school_id').doUpdateSet((eb) => ({
            region_code: eb.ref('excluded.region_code'),
            teachers: eb.ref('excluded.teachers'),
            assessed: eb.ref('excluded.assessed'),
            compliant: eb.ref('excluded.compliant'),
            completed: eb.ref('excluded.completed'),
            stale: eb.ref('excluded.stale'),
            unevaluated: eb.ref('excluded.unevaluated'),
            by_category: eb.ref('excluded.by_category'),
          })),
        )
        .execute();
    }
    // schools whose teachers all left (or that were removed) since the last count
    const counted = rows.map((r) => Number(r.k));
    await trx.deleteFrom('credit_report_school_counts').where(sql<boolean>`NOT (school_id = ANY(${counted}::int[]))`).execute();
    await trx.deleteFrom('credit_report_county_counts').execute(); // ~110 rows
    const catSums = b.categories.map((c) => sql`${c.id}::text, COALESCE(sum((by_category->>${c.id})::int), 0)`);
    await sql`INSERT INTO credit_report_county_counts
      SELECT region_code, sum(teachers), sum(assessed), sum(compliant), sum(completed), sum(stale), sum(unevaluated),
        ${catSums.length ? sql`jsonb_build_object(${sql.join(catSums)})` : sql`'{}'::jsonb`}
      FROM credit_report_school_counts GROUP BY region_code`.execute(trx);
    const state = {
      policy_version: b.policyVersion,
      cycle_id: b.cycle.id,
      year: Number(b.asOf.slice(0, 4)),
      counted_at: new Date(started),
      duration_ms: Date.now() - started,
      invalidated: false,
    };
    await trx
      .insertInto('credit_report_state')
      .values({ id: 1, ...state })
      .onConflict((oc) => oc.column('id').doUpdateSet(state))
      .execute();
    // fresh statistics: a plan made for a wrong row count can cost more (JIT) than the query
    await sql`ANALYZE credit_report_school_counts, credit_report_county_counts, credit_report_state`.execute(trx);
  });
}

const KEY: Record<GroupBy | 'all', ReturnType<typeof sql>> = {
  city: sql`left(region_code, 4)`,
  county: sql`region_code`,
  school: sql`school_id`,
  all: sql`NULL`,
};

/**
 * Added up from the per-county rows (or per-school rows when grouped by school) of the scope, with
 * the time they were made (one statement, one snapshot).
 */
async function rollupCounts(db: Executor, scope: ReportScope, b: CycleBasis, groupBy: GroupBy | 'all') {
  const table = groupBy === 'school' ? sql`credit_report_school_counts` : sql`credit_report_county_counts`;
  const cats = b.categories.map((c, i) => sql`COALESCE(sum((by_category->>${c.id})::int), 0)::int AS ${sql.ref(`c${i}`)}`);
  const r = await sql<Record<string, number | string | null> & { counted_at: Date }>`
    SELECT ${KEY[groupBy]} AS k, sum(teachers)::int AS teachers, sum(assessed)::int AS assessed, sum(compliant)::int AS compliant,
      sum(completed)::int AS completed, sum(stale)::int AS stale, sum(unevaluated)::int AS unevaluated,
      (SELECT counted_at FROM credit_report_state) AS counted_at
      ${cats.length ? sql`, ${sql.join(cats)}` : sql``}
    FROM ${table} WHERE region_code LIKE ${`${scope.regionPrefix}%`} GROUP BY 1`.execute(db);
  const countedAt = r.rows[0]?.counted_at ?? (await readState(db))?.counted_at ?? new Date();
  const rows: CountRow[] = r.rows.map((row) => ({
    k: row.k as string | number | null,
    teachers: Number(row.teachers),
    assessed: Number(row.assessed),
    compliant: Number(row.compliant),
    completed: Number(row.completed),
    stale: Number(row.stale),
    unevaluated: Number(row.unevaluated),
    byCategory: b.categories.map((_, i) => Number(row[`c${i}`])),
  }));
  return { rows, countedAt };
}
