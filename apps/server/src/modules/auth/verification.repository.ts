// verification_codes: single-use codes, stored only as hashes; a phone target only as its blind index.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import type { CodePurpose } from './verification.ts';

export async function codesSentLastHour(db: Executor, target: string): Promise<number> {
  const r = await db
    .selectFrom('verification_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target', '=', target)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function codeSentLastMinute(db: Executor, target: string): Promise<boolean> {
  const last = await db
    .selectFrom('verification_codes')
    .select('created_at')
    .where('target', '=', target)
    .where('created_at', '>', sql<Date>`now() - interval '60 seconds'`)
    .executeTakeFirst();
  return !!last;
}

export async function insertCode(
  db: Executor,
  c: { purpose: CodePurpose; target: string; userId: number; codeHash: string; expires: Date },
) {
  await db
    .insertInto('verification_codes')
    .values({ purpose: c.purpose, target: c.target, user_id: c.userId, code_hash: c.codeHash, expires_at: c.expires })
    .execute();
}

/** The newest live code for this purpose, target and user, locked for the rest of the transaction. */
export function latestLiveCode(trx: Executor, purpose: CodePurpose, target: string, userId: number) {
  return trx
    .selectFrom('verification_codes')
    .selectAll()
    .where('purpose', '=', purpose)
    .where('target', '=', target)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function setCodeAttempts(db: Executor, id: number, attempts: number) {
  await db.updateTable('verification_codes').set({ attempts }).where('id', '=', id).execute();
}

export async function markCodeUsed(db: Executor, id: number) {
  await db.updateTable('verification_codes').set({ used_at: new Date() }).where('id', '=', id).execute();
}
