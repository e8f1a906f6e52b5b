// Names for the audit log's «对象» column (wired in modules/audit-object-names.ts): read-only, by id.
import type { Executor } from '../../context.ts';

/** Enrolment id → the teacher's name. */
export async function enrollmentOwners(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('enrollments as e')
    .innerJoin('users as u', 'u.id', 'e.teacher_id')
    .select(['e.id', 'u.name'])
    .where('e.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
