// Sessions table: only token hashes are stored.
import type { Executor } from '../../context.ts';

export async function insertSession(
  db: Executor,
  s: { tokenHash: string; userId: number; csrfToken: string; expires: Date; idleSeconds: number; ip: string },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expires,
      idle_seconds: s.idleSeconds,
      ip: s.ip,
    })
    .execute();
}

export function findLiveSessionByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'last_seen_at', 'idle_seconds', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

/** Ends the user's sessions, except the one given (a password change keeps the session that made it). */
export async function revokeSessions(db: Executor, userId: number, exceptSessionId?: number) {
  let q = db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function revokeSession(db: Executor, sessionId: number) {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function touchSession(db: Executor, sessionId: number) {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}
