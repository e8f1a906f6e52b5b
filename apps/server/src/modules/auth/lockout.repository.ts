// login_failures: one row per (account key, client IP).
import type { Executor } from '../../context.ts';

export async function lockedUntilOf(db: Executor, key: string, ip: string): Promise<Date | null> {
  const row = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('account_key', '=', key)
    .where('ip', '=', ip)
    .where('locked_until', '>', new Date())
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/** The pair's row, created when missing and locked for the rest of the transaction. */
export async function lockFailureRow(trx: Executor, key: string, ip: string, userId: number | null) {
  await trx
    .insertInto('login_failures')
    .values({ account_key: key, ip, user_id: userId, failures: 0, locks: 0 })
    .onConflict((oc) => oc.columns(['account_key', 'ip']).doNothing())
    .execute();
  return trx
    .selectFrom('login_failures')
    .selectAll()
    .where('account_key', '=', key)
    .where('ip', '=', ip)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateFailureRow(
  trx: Executor,
  key: string,
  ip: string,
  set: { failures: number; locks: number; locked_until: Date | null; user_id: number | null; last_failed_at: Date; first_failed_at: Date },
) {
  await trx.updateTable('login_failures').set(set).where('account_key', '=', key).where('ip', '=', ip).execute();
}

export async function deleteFailures(db: Executor, key: string, ip: string) {
  await db.deleteFrom('login_failures').where('account_key', '=', key).where('ip', '=', ip).execute();
}

/** Deletes every lock of an account (with `ip`, only that IP's); true when there was one. */
export async function deleteUserFailures(db: Executor, userId: number, ip?: string) {
  let q = db.deleteFrom('login_failures').where('user_id', '=', userId);
  if (ip) q = q.where('ip', '=', ip);
  return (await q.executeTakeFirst()).numDeletedRows > 0n;
}

/** Locked (account, IP) pairs of real accounts, newest lock first: the security admin's list. */
export function listLocked(db: Executor) {
  return db
    .selectFrom('login_failures as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.name', 'u.login_name as loginName', 'f.ip', 'f.failures', 'f.locked_until as lockedUntil'])
    .where('f.locked_until', '>', new Date())
    .$narrowType<{ lockedUntil: Date }>()
    .orderBy('f.locked_until', 'desc')
    .limit(200)
    .execute();
}
