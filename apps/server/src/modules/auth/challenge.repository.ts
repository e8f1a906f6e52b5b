// auth_attempts (per-IP / per-account throttles) and auth_challenges (the registration question).
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

export type AttemptKind = 'register' | 'forgot';

export async function countAttempts(db: Executor, kind: AttemptKind, key: string, seconds: number): Promise<number> {
  const r = await db
    .selectFrom('auth_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('at', '>', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Counts one attempt and forgets this key's attempts older than a day. */
export async function recordAttempt(db: Executor, kind: AttemptKind, key: string) {
  await db
    .deleteFrom('auth_attempts')
    .where('kind', '=', kind)
    .where('key', '=', key)
    .where('at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  await db.insertInto('auth_attempts').values({ kind, key }).execute();
}

/** Stores a new challenge (its answer hashed) and forgets those expired for a day. */
export async function insertChallenge(db: Executor, c: { id: string; answerHash: string; expires: Date }) {
  await db.deleteFrom('auth_challenges').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  await db.insertInto('auth_challenges').values({ id: c.id, answer_hash: c.answerHash, expires_at: c.expires }).execute();
}

/** Marks a live challenge used and answers its stored hash; undefined when it was used, expired or unknown. */
export async function useChallenge(db: Executor, id: string): Promise<string | undefined> {
  const row = await db
    .updateTable('auth_challenges')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('answer_hash')
    .executeTakeFirst();
  return row?.answer_hash;
}
