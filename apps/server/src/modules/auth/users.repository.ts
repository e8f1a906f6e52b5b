import { sql } from 'kysely';
import type { Role } from '@shixun/domain';
import { PHONE_RE, isIdNumber, normalizeIdNumber } from '@shixun/domain';
import type { Executor } from '../../context.ts';
import { idNumberIndex, phoneIndex } from '../../security/pii.ts';

/** An account is a login name, an ID number or a phone number. */
export function findUserByAccount(db: Executor, account: string) {
  const a = account.trim();
  let q = db.selectFrom('users').selectAll();
  if (isIdNumber(a)) q = q.where('id_number_bidx', '=', idNumberIndex(normalizeIdNumber(a)));
  else if (PHONE_RE.test(a)) q = q.where('phone_bidx', '=', phoneIndex(a));
  else q = q.where('login_name', '=', a);
  return q.executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface RoleRow {
  role: Role; region_code: string | null; region_name: string | null; school_id: number | null; school_name: string | null;
  institution_id: number | null; institution_name: string | null;
}

export async function rolesOf(db: Executor, userId: number): Promise<RoleRow[]> {
  const rows = await db.selectFrom('user_roles as ur')
    .leftJoin('regions as r', 'r.code', 'ur.region_code')
    .leftJoin('schools as s', 's.id', 'ur.school_id')
    .leftJoin('institutions as i', 'i.id', 'ur.institution_id')
    .select(['ur.role', 'ur.region_code', 'r.name as region_name', 'ur.school_id', 's.name as school_name',
      'ur.institution_id', 'i.name as institution_name'])
    .where('ur.user_id', '=', userId)
    .execute();
  return rows as RoleRow[];
}

/**
 * One atomic update for a failed login: a new window starts when the last one is over; reaching
 * the limit inside a window locks the account.
 */
export async function recordFailedLogin(db: Executor, userId: number, maxFailures: number, windowMin: number, lockMin: number) {
  const row = await db.updateTable('users')
    .set({
      failed_logins: sql`CASE WHEN first_failed_at IS NULL OR first_failed_at < now() - make_interval(mins => ${windowMin}) THEN 1 ELSE failed_logins + 1 END`,
      first_failed_at: sql`CASE WHEN first_failed_at IS NULL OR first_failed_at < now() - make_interval(mins => ${windowMin}) THEN now() ELSE first_failed_at END`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins'])
    .executeTakeFirstOrThrow();
  if (row.failed_logins >= maxFailures) {
    await db.updateTable('users')
      .set({ locked_until: sql`now() + make_interval(mins => ${lockMin})`, failed_logins: 0, first_failed_at: null })
      .where('id', '=', userId).execute();
    return { locked: true };
  }
  return { locked: false };
}

export async function clearFailedLogins(db: Executor, userId: number) {
  await db.updateTable('users').set({ failed_logins: 0, first_failed_at: null, locked_until: null }).where('id', '=', userId).execute();
}
