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
  actor?: string;
  /** an action code, or its leading part(s): 'auth' is auth.* */
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: string;
  /** epoch ms, inclusive */
  fromMs?: number;
  /** epoch ms, exclusive */
  toMs?: number;
}

const likeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.action) {
    const action = f.action;
    q = q.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${likeText(action)}.%`)]));
  }
  if (f.actor) q = q.where('actor_name', 'like', `%${likeText(f.actor)}%`);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.result) q = q.where('result', '=', f.result);
  if (f.fromMs !== undefined) q = q.where('at_ms', '>=', f.fromMs);
  if (f.toMs !== undefined) q = q.where('at_ms', '<', f.toMs);
  return q;
}

export async function listAudit(db: Executor, f: AuditFilter & { page: number; pageSize: number }) {
  const q = filtered(db, f);
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

/** The filtered rows newest first, a batch at a time after (below) an id: the export reads the log this way. */
export function filteredBatch(db: Executor, f: AuditFilter, beforeId: number | null, size: number) {
  let q = filtered(db, f).selectAll();
  if (beforeId !== null) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(size).execute();
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
