// SQL of the compliance reports. They read credit_cycle_standings for the chosen cycle (one row per teacher and cycle begun, kept by the ledger
// in the same transaction as each write, and by the recompute job after a policy is published)
// joined with teachers — never the ledger. How a number is read:
//
// - teachers: every teacher row except registrations still pending or rejected (they are not staff yet).
// - assessed (纳入考核): personnel_status is not exempt under the active policy AND the teacher is
//   assessed in at least one year of the current cycle (from hire_date: new hires are not). Both come
//   from `teachers`, so a status change counts at once, even before the standing is refreshed.
// - compliant (达标): assessed AND the standing says nothing of the cycle is 未完成.
// - completed (已完成周期要求): assessed AND earned ≥ the cycle's total requirement.
// - category met: assessed AND by_category[c] ≥ the category's cycle requirement for this teacher's
//   number of assessed years (pro-rated for new hires, exactly as the engine does: see basis.ts).
// - A teacher without a standing row has no ledger entries (every ledger write upserts the standing),
//   so the report does not compute anything for them: it takes the engine's result for "no credits"
//   with the same number of assessed years (basis.noCredits), and counts them as `unevaluated`.
// - stale: a standing made under another policy version, cycle or year (a recompute is pending).
// Region reports (province, city, county) add up per-school counts made by this same query (rollup.ts).
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../context.ts';
import type { CycleBasis } from './basis.ts';
import type { GroupBy, ReportScope } from './report-scope.ts';

// an anti-join on the few registrations, not a join with every account: at a million teachers the
// join would hash all users on every report
const STAFF = sql`NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.status IN ('pending', 'rejected'))`;

/**
 * The first year a teacher is assessed in, as the engine's firstAssessedYear (packages/domain
 * credits/assessment.ts): the year of hire + N, or — counted from the hire date — the year in which
 * the teacher is past the first N × 12 months for more than half of its days.
 */
function firstAssessedYear(b: CycleBasis): RawBuilder<unknown> {
  const n = b.newHireYears;
  if (b.newHireCounting === 'calendar_years') return sql`(extract(year FROM t.hire_date)::int + ${n}::int)`;
  const from = sql`(t.hire_date + make_interval(years => ${n}::int))::date`;
  const y = sql`extract(year FROM ${from})::int`;
  return sql`(${y} + CASE WHEN (make_date(${y}, 12, 31) - ${from} + 1) * 2 > (make_date(${y} + 1, 1, 1) - make_date(${y}, 1, 1)) THEN 0 ELSE 1 END)`;
}

/** One row per teacher in scope, with the report's reading of their standing (columns of `x`). */
function standingsView(scope: ReportScope, b: CycleBasis): RawBuilder<unknown> {
  const where = scope.schoolId !== undefined ? sql`t.school_id = ${scope.schoolId}` : sql`t.region_code LIKE ${`${scope.regionPrefix}%`}`;
  const { startYear, endYear, length } = b.cycle;
  const years = sql`CASE WHEN t.hire_date IS NULL THEN ${length}::int
    ELSE LEAST(${length}::int, GREATEST(0, ${endYear}::int - GREATEST(${startYear}::int, ${firstAssessedYear(b)}) + 1)) END`;
  const noCreditsCompliant = b.noCredits.map((n) => n.compliant);
  const noCreditsRequired = b.noCredits.map((n) => n.requiredH);
  return sql`(
    SELECT t.user_id AS teacher_id, t.region_code, t.school_id, t.personnel_status, a.years,
      a.exempt, NOT a.exempt AND a.years > 0 AS assessed,
      s.teacher_id IS NULL AS unevaluated,
      COALESCE(s.compliant, (${noCreditsCompliant}::boolean[])[a.years + 1]) AS compliant,
      COALESCE(s.earned_h, 0) AS earned_h,
      COALESCE(s.required_h, (${noCreditsRequired}::int[])[a.years + 1]) AS required_h,
      s.by_category, s.missing, s.policy_version,
      s.teacher_id IS NOT NULL AND (s.policy_version <> ${b.policyVersion}
        OR s.as_of < ${b.cycle.phase === 'past' ? `${b.cycle.endYear + 1}-01-01` : `${b.asOf.slice(0, 4)}-01-01`}::date) AS stale
    FROM teachers t
    LEFT JOIN credit_cycle_standings s ON s.teacher_id = t.user_id AND s.cycle_id = ${b.cycle.id}
    CROSS JOIN LATERAL (SELECT ${years} AS years, t.personnel_status = ANY(${b.exemptStatuses}::text[]) AS exempt) a
    WHERE ${STAFF} AND ${where}
  ) x`;
}

/** x.by_category[c] meets the teacher's (pro-rated) cycle requirement of category c. */
function categoryMet(b: CycleBasis, categoryId: string) {
  return sql`(COALESCE((x.by_category->>${categoryId})::int, 0) >= (${b.thresholds[categoryId]!}::int[])[x.years + 1])`;
}

export interface CountRow {
  k: string | number | null;
  teachers: number;
  assessed: number;
  compliant: number;
  completed: number;
  stale: number;
  unevaluated: number;
  byCategory: number[];
}

const GROUP_KEY: Record<GroupBy | 'all', RawBuilder<unknown>> = {
  city: sql`left(x.region_code, 4)`,
  county: sql`x.region_code`,
  school: sql`x.school_id`,
  all: sql`NULL`,
};

/** The counting query on its own (bench/credits/explain.ts prints its plan). */
export function complianceCountsQuery(scope: ReportScope, b: CycleBasis, groupBy: GroupBy | 'all') {
  const cats = b.categories.map((c, i) => sql`count(*) FILTER (WHERE x.assessed AND ${categoryMet(b, c.id)})::int AS ${sql.ref(`c${i}`)}`);
  return sql<Record<string, number | string | null>>`
    SELECT ${GROUP_KEY[groupBy]} AS k, count(*)::int AS teachers,
      count(*) FILTER (WHERE x.assessed)::int AS assessed,
      count(*) FILTER (WHERE x.assessed AND x.compliant)::int AS compliant,
      count(*) FILTER (WHERE x.assessed AND x.earned_h >= x.required_h)::int AS completed,
      count(*) FILTER (WHERE x.stale)::int AS stale,
      count(*) FILTER (WHERE x.unevaluated)::int AS unevaluated
      ${cats.length ? sql`, ${sql.join(cats)}` : sql``}
    FROM ${standingsView(scope, b)} GROUP BY 1`;
}

export async function complianceCounts(db: Executor, scope: ReportScope, b: CycleBasis, groupBy: GroupBy | 'all'): Promise<CountRow[]> {
  const r = await complianceCountsQuery(scope, b, groupBy).execute(db);
  return r.rows.map((row) => ({
    k: row.k as string | number | null,
    teachers: Number(row.teachers),
    assessed: Number(row.assessed),
    compliant: Number(row.compliant),
    completed: Number(row.completed),
    stale: Number(row.stale),
    unevaluated: Number(row.unevaluated),
    byCategory: b.categories.map((_, i) => Number(row[`c${i}`])),
  }));
}

export interface TeacherFilter {
  assessed?: boolean;
  /** with `category`: whether that category's cycle requirement is met; else 达标 */
  compliant?: boolean;
  completed?: boolean;
  category?: string;
}

function filterSql(b: CycleBasis, f: TeacherFilter) {
  const parts = [sql`true`];
  if (f.assessed !== undefined) parts.push(sql`x.assessed = ${f.assessed}`);
  if (f.compliant !== undefined) {
    const test = f.category ? categoryMet(b, f.category) : sql`x.compliant`;
    parts.push(f.compliant ? sql`x.assessed AND ${test}` : sql`x.assessed AND NOT ${test}`);
  }
  if (f.completed !== undefined)
    parts.push(f.completed ? sql`x.assessed AND x.earned_h >= x.required_h` : sql`x.assessed AND x.earned_h < x.required_h`);
  return sql.join(parts, sql` AND `);
}

export interface TeacherRow {
  teacher_id: number;
  region_code: string;
  school_id: number;
  personnel_status: string;
  name: string;
  id_number: string | null;
  phone: string | null;
  years: number;
  exempt: boolean;
  assessed: boolean;
  unevaluated: boolean;
  compliant: boolean;
  earned_h: number;
  required_h: number;
  by_category: Record<string, number> | null;
  missing: string[] | null;
  policy_version: number | null;
  stale: boolean;
  school_name: string;
  county_name: string;
}

function teacherSelect(scope: ReportScope, b: CycleBasis) {
  return sql`SELECT x.*, u.name, u.id_number, u.phone, sc.name AS school_name, r.name AS county_name
    FROM ${standingsView(scope, b)} JOIN users u ON u.id = x.teacher_id JOIN schools sc ON sc.id = x.school_id JOIN regions r ON r.code = x.region_code`;
}

export async function listTeachers(db: Executor, scope: ReportScope, b: CycleBasis, f: TeacherFilter, page: number, pageSize: number) {
  const rows = await sql<TeacherRow>`${teacherSelect(scope, b)} WHERE ${filterSql(b, f)}
    ORDER BY x.teacher_id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  return rows.rows.map(normalise);
}

export async function countTeachers(db: Executor, scope: ReportScope, b: CycleBasis, f: TeacherFilter): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${standingsView(scope, b)} WHERE ${filterSql(b, f)}`.execute(db);
  return Number(r.rows[0]!.n);
}

/** Keyset pages for the export: every matching teacher, a batch at a time. */
export async function* teachersAfter(db: Executor, scope: ReportScope, b: CycleBasis, f: TeacherFilter, batch = 2000) {
  let after = 0;
  for (;;) {
    const r = await sql<TeacherRow>`${teacherSelect(scope, b)} WHERE ${filterSql(b, f)} AND x.teacher_id > ${after}
      ORDER BY x.teacher_id LIMIT ${batch}`.execute(db);
    if (!r.rows.length) return;
    yield r.rows.map(normalise);
    after = Number(r.rows[r.rows.length - 1]!.teacher_id);
  }
}

function normalise(r: TeacherRow): TeacherRow {
  return {
    ...r,
    teacher_id: Number(r.teacher_id),
    school_id: Number(r.school_id),
    earned_h: Number(r.earned_h),
    required_h: Number(r.required_h),
  };
}

/** The groups a report lists, including those with no teachers (so a chart shows every county). */
export async function groupsOf(
  db: Executor,
  scope: ReportScope,
  groupBy: GroupBy,
): Promise<{ key: string | number; code: string; name: string }[]> {
  if (groupBy === 'school') {
    let q = db.selectFrom('schools').select(['id', 'name', 'region_code']);
    q = scope.schoolId !== undefined ? q.where('id', '=', scope.schoolId) : q.where('region_code', 'like', `${scope.regionPrefix}%`);
    const rows = await q.orderBy('region_code').orderBy('name').execute();
    return rows.map((s) => ({ key: s.id, code: s.region_code, name: s.name }));
  }
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('level', '=', groupBy)
    .where('code', 'like', `${scope.regionPrefix}%`)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ key: r.code, code: r.code, name: r.name }));
}

export function schoolById(db: Executor, id: number) {
  return db.selectFrom('schools').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
}

export function regionByCode(db: Executor, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}
