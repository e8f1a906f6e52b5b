// login_tickets: between a right password and the second factor. Only token hashes are stored.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

export async function insertTicket(db: Executor, t: { tokenHash: string; userId: number; accountKey: string; ip: string; expires: Date }) {
  await db.deleteFrom('login_tickets').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  await db
    .insertInto('login_tickets')
    .values({ token_hash: t.tokenHash, user_id: t.userId, account_key: t.accountKey, ip: t.ip, expires_at: t.expires })
    .execute();
}

export function findLiveTicket(db: Executor, tokenHash: string, ip: string, maxWrong: number) {
  return db
    .selectFrom('login_tickets')
    .select(['id', 'user_id', 'account_key', 'attempts'])
    .where('token_hash', '=', tokenHash)
    .where('ip', '=', ip)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .where('attempts', '<', maxWrong)
    .executeTakeFirst();
}

/** Counts a wrong code (the ticket is used up at `maxWrong`); the attempts so far, undefined when it is gone. */
export async function addWrongCode(db: Executor, id: number, maxWrong: number): Promise<number | undefined> {
  const r = await db
    .updateTable('login_tickets')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), used_at: sql<Date>`CASE WHEN attempts + 1 >= ${maxWrong} THEN now() END` }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirst();
  return r?.attempts;
}

/** Uses the ticket up; false when a racing request used it first. */
export async function useTicket(db: Executor, id: number): Promise<boolean> {
  const r = await db
    .updateTable('login_tickets')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** A lock on the account burns its open tickets too. */
export async function burnTicket(db: Executor, id: number) {
  await db.updateTable('login_tickets').set({ used_at: new Date() }).where('id', '=', id).where('used_at', 'is', null).execute();
}
