// Names for the audit log's «对象» column (wired in modules/audit-object-names.ts): read-only, by id.
import type { Executor } from '../../context.ts';

/** Account / teacher id → the person's name. */
export async function personNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
