// Writes to accounts (users, user_roles) on behalf of the other modules: the auth module owns these tables, so a
// self-registration, an admin account, a teacher's key fields or a review decision change them only through here.
import type { Insertable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { Database as DB } from '../../db/types.ts';

export type NewAccount = Insertable<DB['users']>;
export type NewRole = Omit<Insertable<DB['user_roles']>, 'user_id'>;

export async function insertAccount(trx: Executor, account: NewAccount, role: NewRole): Promise<number> {
  const u = await trx.insertInto('users').values(account).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('user_roles')
    .values({ ...role, user_id: u.id })
    .execute();
  return u.id;
}

/** An account holding this ID number or phone number (blind indexes), if any. */
export function holderOfNumbers(db: Executor, idNumberBidx: string, phoneBidx: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('id_number_bidx', '=', idNumberBidx), eb('phone_bidx', '=', phoneBidx)]))
    .executeTakeFirst();
}

/** A new temporary password: to be changed at the next login; any lockout ends. */
export async function setTemporaryPassword(trx: Executor, userId: number, hash: string) {
  await trx
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: true, locked_until: null, failed_logins: 0, first_failed_at: null })
    .where('id', '=', userId)
    .execute();
}

export async function setAccountStatus(trx: Executor, userId: number, status: 'active' | 'disabled') {
  await trx.updateTable('users').set({ status }).where('id', '=', userId).execute();
}

/** Fields of an account that its holder or an admin edits (name, sealed ID number and phone, email). */
export type AccountFields = Partial<Pick<NewAccount, 'name' | 'id_number' | 'id_number_bidx' | 'phone' | 'phone_bidx' | 'email'>>;

export async function updateAccountFields(trx: Executor, userId: number, set: AccountFields) {
  await trx.updateTable('users').set(set).where('id', '=', userId).execute();
}

/** A teacher's role follows the teacher to another school. */
export async function setTeacherRoleSchool(trx: Executor, teacherId: number, schoolId: number) {
  await trx.updateTable('user_roles').set({ school_id: schoolId }).where('user_id', '=', teacherId).where('role', '=', 'teacher').execute();
}

/** Only a pending self-registered account moves: a second reviewer (or a double click) finds nothing to change. */
export async function decideRegistration(trx: Executor, id: number, status: 'pending' | 'active' | 'rejected', reason: string | null) {
  const r = await trx
    .updateTable('users')
    .set({ status, reject_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('source', '=', 'register')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}
