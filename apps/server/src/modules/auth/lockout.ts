// Login lockout per (account as typed, client IP). Unknown accounts are counted and locked exactly
// like real ones, so the answers never tell whether an account exists; a stranger who guesses from
// another IP locks only that IP, and the owner still logs in from their own.
import { createHash } from 'node:crypto';
import { isIdNumber, normalizeIdNumber } from '@shixun/domain';
import type { Config } from '../../config.ts';
import type { Executor } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { deleteFailures, deleteUserFailures, listLocked, lockedUntilOf, lockFailureRow, updateFailureRow } from './lockout.repository.ts';
import { userExists } from './users.repository.ts';

/** The longest a progressive lock may last. */
const MAX_LOCK_MINUTES = 24 * 60;

/** SHA-256 of the normalised account text: the table never holds what was typed (it may be a password). */
export function accountKey(account: string): string {
  const a = account.trim();
  return createHash('sha256')
    .update(`account:${isIdNumber(a) ? normalizeIdNumber(a) : a}`)
    .digest('hex');
}

export function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    423,
    'ACCOUNT_LOCKED',
    `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试。如忘记密码，请通过“忘记密码”重设，或联系管理员解锁`,
  );
}

/** When (account, IP) is locked: the end of the lock, else null. */
export function lockedUntil(db: Executor, key: string, ip: string): Promise<Date | null> {
  return lockedUntilOf(db, key, ip);
}

/**
 * Counts one failure. `maxFailures` inside `windowMinutes` lock the pair for `lockMinutes`; a further
 * failure within `windowMinutes` after a lock ends locks it again for twice as long (30, 60, 120 … min).
 */
export async function recordLoginFailure(db: Executor, o: { key: string; ip: string; userId: number | null; lockout: Config['lockout'] }) {
  const { maxFailures, windowMinutes, lockMinutes } = o.lockout;
  return db.transaction().execute(async (trx) => {
    const row = await lockFailureRow(trx, o.key, o.ip, o.userId);
    const now = Date.now();
    const windowMs = windowMinutes * 60_000;
    const afterLock = row.locks > 0 && !!row.locked_until && row.locked_until.getTime() > now - windowMs;
    const inWindow = row.failures > 0 && row.first_failed_at.getTime() > now - windowMs;
    const streak = afterLock || inWindow;
    const failures = (streak ? row.failures : 0) + 1;
    let locks = streak ? row.locks : 0;
    let until: Date | null = streak ? row.locked_until : null;
    if (failures >= maxFailures) {
      locks += 1;
      until = new Date(now + Math.min(lockMinutes * 2 ** (locks - 1), MAX_LOCK_MINUTES) * 60_000);
    }
    await updateFailureRow(trx, o.key, o.ip, {
      failures,
      locks,
      locked_until: until,
      user_id: o.userId,
      last_failed_at: new Date(now),
      first_failed_at: streak ? row.first_failed_at : new Date(now),
    });
    return { lockedUntil: until && until.getTime() > now ? until : null };
  });
}

/** A successful login from this IP forgets its failures (other IPs stay as they are). */
export async function clearLoginFailures(db: Executor, key: string, ip: string) {
  await deleteFailures(db, key, ip);
}

/** Lifts every lock on an account (security admin's unlock, admin password reset); with `ip`, only that IP's. */
export function clearLockouts(db: Executor, userId: number, ip?: string) {
  return deleteUserFailures(db, userId, ip);
}

/**
 * The security admin's unlock: every lock of the account on every IP. False when there is no such
 * account (the caller answers 404).
 */
export async function unlockAccount(db: Executor, userId: number): Promise<boolean> {
  if (!(await userExists(db, userId))) return false;
  await deleteUserFailures(db, userId);
  return true;
}

/** Locked (account, IP) pairs of real accounts, newest lock first: the security admin's list. */
export function listLockedAccounts(db: Executor) {
  return listLocked(db);
}
