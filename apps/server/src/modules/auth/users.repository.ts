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
  role: Role;
  region_code: string | null;
  region_name: string | null;
  school_id: number | null;
  school_name: string | null;
  institution_id: number | null;
  institution_name: string | null;
}

export async function rolesOf(db: Executor, userId: number): Promise<RoleRow[]> {
  const rows = await db
    .selectFrom('user_roles as ur')
    .leftJoin('regions as r', 'r.code', 'ur.region_code')
    .leftJoin('schools as s', 's.id', 'ur.school_id')
    .leftJoin('institutions as i', 'i.id', 'ur.institution_id')
    .select([
      'ur.role',
      'ur.region_code',
      'r.name as region_name',
      'ur.school_id',
      's.name as school_name',
      'ur.institution_id',
      'i.name as institution_name',
    ])
    .where('ur.user_id', '=', userId)
    .execute();
  return rows as RoleRow[];
}

export async function userExists(db: Executor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
}

/** Whether the role must use two-factor authentication is decided at each login, from the deployment's settings. */
export async function setTotpRequired(db: Executor, userId: number, required: boolean) {
  await db.updateTable('users').set({ totp_required: required }).where('id', '=', userId).execute();
}

export async function setPasswordHash(db: Executor, userId: number, hash: string) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: false, password_changed_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
