// Names for the audit log's «对象» column (wired in modules/audit-object-names.ts): read-only, by id.
import type { Executor } from '../../context.ts';

/** 培训班 id → its name. */
export async function classNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('training_classes').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 课次 id → the name of its class. */
export async function sessionClassNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('class_sessions as s')
    .innerJoin('training_classes as c', 'c.id', 's.class_id')
    .select(['s.id', 'c.name'])
    .where('s.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
