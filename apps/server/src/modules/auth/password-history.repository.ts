// password_history: the hashes of an account's last passwords.
import type { Executor } from '../../context.ts';

export async function recentPasswordHashes(db: Executor, userId: number, n: number): Promise<string[]> {
  const rows = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => r.password_hash);
}

/** Keeps the new hash and forgets all but the last `keep`. */
export async function addPasswordHistory(db: Executor, userId: number, hash: string, keep: number) {
  await db.insertInto('password_history').values({ user_id: userId, password_hash: hash }).execute();
  const newest = db.selectFrom('password_history').select('id').where('user_id', '=', userId).orderBy('id', 'desc').limit(keep);
  await db.deleteFrom('password_history').where('user_id', '=', userId).where('id', 'not in', newest).execute();
}
