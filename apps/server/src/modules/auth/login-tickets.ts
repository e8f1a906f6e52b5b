// Between a right password and the second factor: a ticket that is short-lived, bound to the client
// IP, single use, and dies after a few wrong codes. Only its SHA-256 is stored.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import { hashToken } from './sessions.ts';

export const TICKET_MINUTES = 5;
export const TICKET_MAX_WRONG = 3;

export async function issueTicket(db: Executor, o: { userId: number; accountKey: string; ip: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.deleteFrom('login_tickets').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  await db
    .insertInto('login_tickets')
    .values({
      token_hash: hashToken(token),
      user_id: o.userId,
      account_key: o.accountKey,
      ip: o.ip,
      expires_at: new Date(Date.now() + TICKET_MINUTES * 60_000),
    })
    .execute();
  return token;
}

/** The live ticket for this token and IP, if any. */
export function findTicket(db: Executor, token: string, ip: string) {
  return db
    .selectFrom('login_tickets')
    .select(['id', 'user_id', 'account_key', 'attempts'])
    .where('token_hash', '=', hashToken(token))
    .where('ip', '=', ip)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .where('attempts', '<', TICKET_MAX_WRONG)
    .executeTakeFirst();
}

/** Counts a wrong code; returns how many tries the ticket has left (0: it is burnt). */
export async function countWrongCode(db: Executor, id: number): Promise<number> {
  const r = await db
    .updateTable('login_tickets')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), used_at: sql<Date>`CASE WHEN attempts + 1 >= ${TICKET_MAX_WRONG} THEN now() END` }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirst();
  return r ? Math.max(0, TICKET_MAX_WRONG - r.attempts) : 0;
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
