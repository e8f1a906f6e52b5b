import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../context.ts';
import type { Database } from '../../db/types.ts';

export async function lastHash(db: Executor): Promise<string> {
  const row = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash ?? GENESIS;
}

export const GENESIS = '0'.repeat(64);

/** Serialises chain appends: the lock is held until the surrounding transaction ends. */
export async function lockChain(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(4242002)`.execute(db);
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.actor) q = q.where('actor_name', 'like', `%${f.actor}%`);
  const [items, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function auditBatch(db: Executor, afterId: number, size: number) {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(size).execute();
}

export async function hashOfRow(db: Executor, id: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', id).executeTakeFirst();
  return row?.hash ?? null;
}

export async function insertAuditRow(trx: Executor, row: Insertable<Database['audit_log']>) {
  await trx.insertInto('audit_log').values(row).execute();
}
