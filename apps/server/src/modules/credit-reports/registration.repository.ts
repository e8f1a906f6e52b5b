// SQL of the 定期注册 list: each teacher's own window, as the engine judged it into credit_standings
// (reg_* columns, refreshed with every ledger write, a new 注册日期 or a change of hire date). A
// personnel status that the active policy exempts counts at once; a teacher without a standing has
// no credits, so their window is running or already short: listed as 进行中 until it is computed.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../context.ts';
import type { ReportScope } from './report-scope.ts';

const STAFF = sql`NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id AND u.status IN ('pending', 'rejected'))`;

function registrationView(scope: ReportScope, exempt: string[]): RawBuilder<unknown> {
  const where = scope.schoolId !== undefined ? sql`t.school_id = ${scope.schoolId}` : sql`t.region_code LIKE ${`${scope.regionPrefix}%`}`;
  return sql`(
    SELECT t.user_id AS teacher_id, t.region_code, t.school_id, t.personnel_status,
      CASE WHEN t.personnel_status = ANY(${exempt}::text[]) THEN 'not_assessed' ELSE COALESCE(s.reg_status, 'in_progress') END AS status,
      s.reg_anchor AS anchor, s.reg_start AS start_date, s.reg_end AS end_date, COALESCE(s.reg_hours_h, 0) AS hours_h,
      s.reg_required_h AS required_h, s.reg_missing AS missing, s.teacher_id IS NULL AS unevaluated
    FROM teachers t LEFT JOIN credit_standings s ON s.teacher_id = t.user_id
    WHERE ${STAFF} AND ${where}
  ) r`;
}

export async function registrationCounts(db: Executor, scope: ReportScope, exempt: string[]): Promise<Record<string, number>> {
  const rows = await sql<{
    status: string;
    n: number;
  }>`SELECT r.status, count(*)::int AS n FROM ${registrationView(scope, exempt)} GROUP BY 1`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.status, Number(r.n)]));
}

export interface RegistrationRow {
  teacher_id: number;
  personnel_status: string;
  status: 'eligible' | 'in_progress' | 'ineligible' | 'not_assessed';
  anchor: 'registration' | 'hire' | null;
  start_date: string | null;
  end_date: string | null;
  hours_h: number;
  required_h: number | null;
  missing: string[] | null;
  unevaluated: boolean;
  name: string;
  id_number: string | null;
  school_name: string;
  county_name: string;
}

export async function registrationList(db: Executor, scope: ReportScope, exempt: string[], status: string, page: number, pageSize: number) {
  const rows = await sql<RegistrationRow>`SELECT r.*, u.name, u.id_number, sc.name AS school_name, g.name AS county_name
    FROM ${registrationView(scope, exempt)} JOIN users u ON u.id = r.teacher_id JOIN schools sc ON sc.id = r.school_id
    JOIN regions g ON g.code = r.region_code
    WHERE r.status = ${status} ORDER BY r.end_date NULLS LAST, r.teacher_id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  return rows.rows;
}

/** The teacher row (for the scope check) of a teacher whose 注册日期 is recorded. */
export function teacherPlace(db: Executor, teacherId: number) {
  return db
    .selectFrom('teachers')
    .select(['user_id', 'school_id', 'region_code', 'hire_date'])
    .where('user_id', '=', teacherId)
    .executeTakeFirst();
}

export function standingRegistration(db: Executor, teacherId: number) {
  return db
    .selectFrom('credit_standings')
    .select(['reg_status', 'reg_start', 'reg_end', 'reg_hours_h', 'reg_required_h', 'reg_missing'])
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
}
