// Between a right password and the second factor: a ticket that is short-lived, bound to the client
// IP, single use, and dies after a few wrong codes. Only its SHA-256 is stored.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../context.ts';
import { addWrongCode, findLiveTicket, insertTicket } from './login-tickets.repository.ts';
import { hashToken } from './sessions.ts';

export { burnTicket, useTicket } from './login-tickets.repository.ts';

export const TICKET_MINUTES = 5;
export const TICKET_MAX_WRONG = 3;

export async function issueTicket(db: Executor, o: { userId: number; accountKey: string; ip: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertTicket(db, { ...o, tokenHash: hashToken(token), expires: new Date(Date.now() + TICKET_MINUTES * 60_000) });
  return token;
}

/** The live ticket for this token and IP, if any. */
export function findTicket(db: Executor, token: string, ip: string) {
  return findLiveTicket(db, hashToken(token), ip, TICKET_MAX_WRONG);
}

/** Counts a wrong code; returns how many tries the ticket has left (0: it is burnt). */
export async function countWrongCode(db: Executor, id: number): Promise<number> {
  const attempts = await addWrongCode(db, id, TICKET_MAX_WRONG);
  return attempts === undefined ? 0 : Math.max(0, TICKET_MAX_WRONG - attempts);
}
