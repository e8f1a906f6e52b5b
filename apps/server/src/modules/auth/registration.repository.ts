// A self-registered teacher: a pending account, its teacher record and its teacher role, in one transaction.
// The schools and teachers tables belong to other modules; registration reads and seeds them here until
// those modules export functions for it.
import type { Executor } from '../../context.ts';
import type { sealIdNumber, sealPhone } from '../../security/pii.ts';

export function schoolForRegistration(db: Executor, schoolId: number) {
  return db.selectFrom('schools').select(['id', 'region_code']).where('id', '=', schoolId).executeTakeFirst();
}

/** An account holding this ID number or phone number (blind indexes), if any. */
export function holderOfNumbers(db: Executor, idNumberBidx: string, phoneBidx: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('id_number_bidx', '=', idNumberBidx), eb('phone_bidx', '=', phoneBidx)]))
    .executeTakeFirst();
}

export interface PendingTeacher {
  /** sealed ID number and phone columns (security/pii) */
  sealed: ReturnType<typeof sealIdNumber> & ReturnType<typeof sealPhone>;
  name: string;
  passwordHash: string;
  school: { id: number; region_code: string };
  gender: string;
  birthDate: string;
}

export async function insertPendingTeacher(trx: Executor, t: PendingTeacher): Promise<number> {
  const user = await trx
    .insertInto('users')
    .values({
      ...t.sealed,
      name: t.name,
      password_hash: t.passwordHash,
      status: 'pending',
      login_name: null,
      email: null,
      source: 'register',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('teachers')
    .values({
      user_id: user.id,
      school_id: t.school.id,
      region_code: t.school.region_code,
      gender: t.gender,
      birth_date: t.birthDate,
    } as never)
    .execute();
  await trx
    .insertInto('user_roles')
    .values({ user_id: user.id, role: 'teacher', school_id: t.school.id, region_code: null, institution_id: null })
    .execute();
  return user.id;
}
