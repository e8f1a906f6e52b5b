// Names for the audit log's «对象» column (wired in modules/audit-object-names.ts): read-only, by id.
import type { Executor } from '../../context.ts';

/** Order id → the teacher's name. */
export async function orderOwners(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('orders as o')
    .innerJoin('users as u', 'u.id', 'o.teacher_id')
    .select(['o.id', 'u.name'])
    .where('o.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
