// Applies a validated profile patch inside a transaction: account fields to users, the rest to teachers.
import type { Executor } from '../../context.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { sealIdNumber } from '../../security/pii.ts';
import { assessmentFieldsChanged } from './assessment-listeners.ts';
import { RULE_FIELDS, TEACHER_COLUMNS, assertProfileDates } from './profile.mapper.ts';
import * as repo from './teachers.repository.ts';

export async function applyProfilePatch(trx: Executor, teacherId: number, patch: Record<string, unknown>, provinceCode: string) {
  if (RULE_FIELDS.some((k) => k in patch)) {
    // every write path (teacher, county edit, approved change request) meets the same date and 学历 rules
    const cur = await repo.profileDates(trx, teacherId);
    assertProfileDates(
      {
        birthDate: cur?.birth_date ?? null,
        workStartDate: cur?.work_start_date ?? null,
        hireDate: cur?.hire_date ?? null,
        initialEducation: cur?.initial_education ?? null,
        highestEducation: cur?.highest_education ?? null,
      },
      patch,
    );
  }
  const userSet: Record<string, unknown> = {};
  if ('name' in patch) userSet.name = patch.name;
  if ('idNumber' in patch) Object.assign(userSet, sealIdNumber(patch.idNumber as string));
  const teacherSet: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if (TEACHER_COLUMNS[k]) teacherSet[TEACHER_COLUMNS[k]] = v;
  if ('schoolId' in patch) {
    const school = await repo.schoolById(trx, Number(patch.schoolId));
    if (!school || !school.region_code.startsWith(provinceCode)) throw invalid('所选单位不存在', { schoolId: '所选单位不存在' });
    teacherSet.region_code = school.region_code;
    await repo.setTeacherRoleSchool(trx, teacherId, school.id);
  }
  if (Object.keys(userSet).length) {
    try {
      await repo.updateUser(trx, teacherId, userSet);
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw conflict('该证件号码已被其他账号使用', 'ALREADY_EXISTS');
      throw e;
    }
  }
  if (Object.keys(teacherSet).length) await repo.updateTeacher(trx, teacherId, teacherSet);
  // whether and how much a teacher is assessed depends on these: whatever is derived from them (the credit standing) follows
  if ('hireDate' in patch || 'workStartDate' in patch || 'personnelStatus' in patch) await assessmentFieldsChanged(trx, teacherId);
}
