import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@shixun/domain';
import type { Config } from '../../config.ts';
import type { Executor } from '../../context.ts';
import { findLiveSessionByHash, insertSession } from './sessions.repository.ts';

export { revokeSession, revokeSessions, touchSession } from './sessions.repository.ts';

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
  await insertSession(db, { tokenHash: hashToken(token), userId, csrfToken, expires, idleSeconds: idleSecondsFor(roles, config), ip });
  return { token, csrfToken, expires };
}

export function findLiveSession(db: Executor, token: string) {
  return findLiveSessionByHash(db, hashToken(token));
}
