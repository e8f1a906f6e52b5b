// SQL of the per-school and per-county counts the region reports add up (see rollup.ts for when they
// are recounted), and of the state row saying under which policy, cycle and year they were made.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import type { CycleBasis } from './basis.ts';
import { complianceCountsQuery, type CountRow } from './compliance.repository.ts';
import type { GroupBy, ReportScope } from './report-scope.ts';

export type RollupState = {
  policy_version: number;
  cycle_id: string;
  year: number;
  counted_at: Date;
  duration_ms: number;
  invalidated: boolean;
};

export function readRollupState(db: Executor): Promise<RollupState | undefined> {
  return db
    .selectFrom('credit_report_state')
    .select(['policy_version', 'cycle_id', 'year', 'counted_at', 'duration_ms', 'invalidated'])
    .executeTakeFirst();
}

export async function markRollupInvalidated(db: Executor): Promise<void> {
  await db.updateTable('credit_report_state').set({ invalidated: true }).execute();
}

/** One recount at a time, also across server processes (a transaction-scoped advisory lock). */
export async function lockRecount(trx: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(4242101)`.execute(trx);
}

/** Counts every school of the province into credit_report_school_counts, then the counties from them. */
export async function writeSchoolCounts(trx: Executor, b: CycleBasis, provinceCode: string): Promise<void> {
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
}

export async function writeRollupState(trx: Executor, state: Omit<RollupState, never>): Promise<void> {
  await trx
    .insertInto('credit_report_state')
    .values({ id: 1, ...state })
    .onConflict((oc) => oc.column('id').doUpdateSet(state))
    .execute();
  // fresh statistics: a plan made for a wrong row count can cost more (JIT) than the query
  await sql`ANALYZE credit_report_school_counts, credit_report_county_counts, credit_report_state`.execute(trx);
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
export async function rollupCounts(db: Executor, scope: ReportScope, b: CycleBasis, groupBy: GroupBy | 'all') {
  const table = groupBy === 'school' ? sql`credit_report_school_counts` : sql`credit_report_county_counts`;
  const cats = b.categories.map((c, i) => sql`COALESCE(sum((by_category->>${c.id})::int), 0)::int AS ${sql.ref(`c${i}`)}`);
  const r = await sql<Record<string, number | string | null> & { counted_at: Date }>`
    SELECT ${KEY[groupBy]} AS k, sum(teachers)::int AS teachers, sum(assessed)::int AS assessed, sum(compliant)::int AS compliant,
      sum(completed)::int AS completed, sum(stale)::int AS stale, sum(unevaluated)::int AS unevaluated,
      (SELECT counted_at FROM credit_report_state) AS counted_at
      ${cats.length ? sql`, ${sql.join(cats)}` : sql``}
    FROM ${table} WHERE region_code LIKE ${`${scope.regionPrefix}%`} GROUP BY 1`.execute(db);
  const countedAt = r.rows[0]?.counted_at ?? (await readRollupState(db))?.counted_at ?? new Date();
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
