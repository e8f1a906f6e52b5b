// SQL of the two-person requests on platform accounts (admin_account_requests).
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import type { PlatformAccountAction } from '../../db/types.ts';
import type { PlatformRole } from './rules.ts';

export interface NewRequest {
  action: PlatformAccountAction;
  role: PlatformRole | null;
  login_name: string | null;
  name: string | null;
  target_user_id: number | null;
  reason: string;
  requested_by: number;
}

export function insertRequest(trx: Executor, r: NewRequest) {
  return trx.insertInto('admin_account_requests').values(r).returning(['id', 'version']).executeTakeFirstOrThrow();
}

export function findRequest(db: Executor, id: number) {
  return db.selectFrom('admin_account_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The decision as one versioned UPDATE: of two approvers acting on the same version exactly one
 * touches the row; the other gets undefined.
 */
export function decideRequest(
  trx: Executor,
  d: { id: number; version: number; approve: boolean; decidedBy: number; reason: string | null },
) {
  return trx
    .updateTable('admin_account_requests')
    .set({
      status: d.approve ? 'approved' : 'rejected',
      version: sql`version + 1`,
      decided_by: d.decidedBy,
      decided_at: new Date(),
      decision_reason: d.reason,
    })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('version', '=', d.version)
    .where('requested_by', '!=', d.decidedBy)
    .returning(['version'])
    .executeTakeFirst();
}

export async function setResultUser(trx: Executor, id: number, userId: number) {
  await trx.updateTable('admin_account_requests').set({ result_user_id: userId }).where('id', '=', id).execute();
}

export async function listRequestRows(db: Executor, q: { status?: 'pending' | 'approved' | 'rejected'; page: number; pageSize: number }) {
  let base = db
    .selectFrom('admin_account_requests as q')
    .innerJoin('users as rb', 'rb.id', 'q.requested_by')
    .leftJoin('users as db', 'db.id', 'q.decided_by')
    .leftJoin('users as t', 't.id', 'q.target_user_id');
  if (q.status) base = base.where('q.status', '=', q.status);
  const [rows, total] = await Promise.all([
    base
      .select([
        'q.id',
        'q.action',
        'q.role',
        'q.login_name',
        'q.name',
        'q.target_user_id',
        'q.reason',
        'q.status',
        'q.version',
        'q.requested_by',
        'q.requested_at',
        'q.decided_at',
        'q.decision_reason',
        'rb.name as requested_by_name',
        'db.name as decided_by_name',
        't.login_name as target_login_name',
        't.name as target_name',
      ])
      .orderBy(sql`q.status = 'pending'`, 'desc')
      .orderBy('q.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
