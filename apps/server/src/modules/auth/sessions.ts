import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@shixun/domain';
import type { Config } from '../../config.ts';
import type { Executor } from '../../context.ts';

export const SESSION_COOKIE = 'sx_session';
export const CSRF_COOKIE = 'sx_csrf';

export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

export function idleSecondsFor(roles: Role[], config: Config): number {
  const admin = roles.some((r) => r !== 'teacher');
  return 60 * (admin ? config.session.adminIdleMinutes : config.session.teacherIdleMinutes);
}

/** 256-bit random token; only its SHA-256 is stored, so a database leak does not leak sessions. */
export async function createSession(db: Executor, config: Config, userId: number, roles: Role[], ip: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(18).toString('base64url');
  const expires = new Date(Date.now() + config.session.absoluteHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expires,
      idle_seconds: idleSecondsFor(roles, config),
      ip,
    })
    .execute();
  return { token, csrfToken, expires };
}

export async function findLiveSession(db: Executor, token: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'last_seen_at', 'idle_seconds', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
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
