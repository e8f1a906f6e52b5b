// Applies a validated profile patch inside a transaction: account fields to users, the rest to teachers.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { refreshStanding } from '../credits/standing.ts';
import { sealIdNumber } from '../../security/pii.ts';
import { TEACHER_COLUMNS, assertProfileDates } from './profile.mapper.ts';

export async function applyProfilePatch(trx: Executor, teacherId: number, patch: Record<string, unknown>, provinceCode: string) {
  if ('birthDate' in patch || 'workStartDate' in patch || 'hireDate' in patch) {
    // every write path (teacher, county edit, approved change request) meets the same date rules
    const cur = await trx
      .selectFrom('teachers')
      .select(['birth_date', 'work_start_date', 'hire_date'])
      .where('user_id', '=', teacherId)
      .executeTakeFirst();
    assertProfileDates(
      { birthDate: cur?.birth_date ?? null, workStartDate: cur?.work_start_date ?? null, hireDate: cur?.hire_date ?? null },
      patch,
    );
  }
  const userSet: Record<string, unknown> = {};
  if ('name' in patch) userSet.name = patch.name;
  if ('idNumber' in patch) Object.assign(userSet, sealIdNumber(patch.idNumber as string));
  const teacherSet: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if (TEACHER_COLUMNS[k]) teacherSet[TEACHER_COLUMNS[k]] = v;
  if ('schoolId' in patch) {
    const school = await trx
      .selectFrom('schools')
      .select(['id', 'region_code'])
      .where('id', '=', Number(patch.schoolId))
      .executeTakeFirst();
    if (!school || !school.region_code.startsWith(provinceCode)) throw invalid('所选单位不存在', { schoolId: '所选单位不存在' });
    teacherSet.region_code = school.region_code;
    await trx
      .updateTable('user_roles')
      .set({ school_id: school.id })
      .where('user_id', '=', teacherId)
      .where('role', '=', 'teacher')
      .execute();
  }
  if (Object.keys(userSet).length) {
    try {
      await trx.updateTable('users').set(userSet).where('id', '=', teacherId).execute();
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw conflict('该证件号码已被其他账号使用', 'ALREADY_EXISTS');
      throw e;
    }
  }
  if (Object.keys(teacherSet).length) {
    await trx
      .updateTable('teachers')
      .set({ ...teacherSet, updated_at: sql`now()` } as never)
      .where('user_id', '=', teacherId)
      .execute();
  }
  // whether and how much a teacher is assessed depends on these: the stored standing (what reports read) follows
  if ('hireDate' in patch || 'workStartDate' in patch || 'personnelStatus' in patch) await refreshStanding(trx, teacherId);
}
