// The teacher record of a new account (self-registration, later imports): the teachers table belongs to this module.
import type { Executor } from '../../context.ts';

export interface NewTeacherRecord {
  userId: number;
  school: { id: number; region_code: string };
  gender: string;
  birthDate: string;
}

export async function insertTeacherRecord(trx: Executor, t: NewTeacherRecord) {
  await trx
    .insertInto('teachers')
    .values({
      user_id: t.userId,
      school_id: t.school.id,
      region_code: t.school.region_code,
      gender: t.gender,
      birth_date: t.birthDate,
    } as never)
    .execute();
}

/** The school a teacher registers into, with its region (the schools table is read, never written, here). */
export function schoolForRegistration(db: Executor, schoolId: number) {
  return db.selectFrom('schools').select(['id', 'region_code']).where('id', '=', schoolId).executeTakeFirst();
}
