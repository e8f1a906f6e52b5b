// Names for the audit log's «对象» column (wired in modules/audit-object-names.ts): read-only, by id.
import type { Executor } from '../../context.ts';

/** 学分明细 id → the teacher's name. */
export async function entryOwners(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('credit_entries as c')
    .innerJoin('users as u', 'u.id', 'c.teacher_id')
    .select(['c.id', 'u.name'])
    .where('c.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
