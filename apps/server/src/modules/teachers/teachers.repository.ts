import { sql } from 'kysely';
import { isIdNumber, normalizeIdNumber, PHONE_RE } from '@shixun/domain';
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { idNumberIndex, phoneIndex } from '../../security/pii.ts';

/** Every teacher query starts here, so the scope is always in the WHERE clause. */
export function teachersInScope(db: Executor, scope: ScopeFilter) {
  let q = db
    .selectFrom('teachers as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('schools as s', 's.id', 't.school_id')
    .innerJoin('regions as county', 'county.code', 't.region_code')
    .leftJoin('regions as city', 'city.code', 'county.parent_code');
  if (scope.none) q = q.where(sql<boolean>`false`);
  if (scope.regionPrefix) q = q.where('t.region_code', 'like', `${scope.regionPrefix}%`);
  if (scope.schoolId) q = q.where('t.school_id', '=', scope.schoolId);
  return q;
}

type TQ = ReturnType<typeof teachersInScope>;
export type TeacherScope = ScopeFilter;

export function selectProfile<Q extends TQ>(q: Q) {
  return q
    .select([
      't.user_id as id',
      'u.name',
      'u.id_number',
      'u.phone',
      'u.email',
      'u.status as account_status',
      'u.login_name',
      's.name as school_name',
      's.area_type as school_area_type',
      's.category as school_category',
      't.region_code',
      'county.name as county_name',
      'city.name as city_name',
    ])
    .select((eb) => [
      eb.ref('t.school_id').as('school_id'),
      eb.ref('t.gender').as('gender'),
      eb.ref('t.ethnicity').as('ethnicity'),
      eb.ref('t.birth_date').as('birth_date'),
      eb.ref('t.id_type').as('id_type'),
      eb.ref('t.political_status').as('political_status'),
      eb.ref('t.stage').as('stage'),
      eb.ref('t.subject').as('subject'),
      eb.ref('t.initial_education').as('initial_education'),
      eb.ref('t.highest_education').as('highest_education'),
      eb.ref('t.highest_degree').as('highest_degree'),
      eb.ref('t.graduate_school').as('graduate_school'),
      eb.ref('t.major').as('major'),
      eb.ref('t.work_start_date').as('work_start_date'),
      eb.ref('t.professional_title').as('professional_title'),
      eb.ref('t.post_category').as('post_category'),
      eb.ref('t.admin_position').as('admin_position'),
      eb.ref('t.is_establishment').as('is_establishment'),
      eb.ref('t.is_public_funded_normal').as('is_public_funded_normal'),
      eb.ref('t.is_special_post').as('is_special_post'),
      eb.ref('t.qualification_type').as('qualification_type'),
      eb.ref('t.qualification_number').as('qualification_number'),
      eb.ref('t.backbone_level').as('backbone_level'),
      eb.ref('t.is_head_teacher').as('is_head_teacher'),
      eb.ref('t.hire_date').as('hire_date'),
      eb.ref('t.personnel_status').as('personnel_status'),
      eb.ref('t.cert_photo').as('cert_photo'),
      eb.ref('t.avatar').as('avatar'),
    ]);
}

export type ProfileRow = Awaited<ReturnType<ReturnType<typeof selectProfile<TQ>>['executeTakeFirstOrThrow']>>;

export function findTeacher(db: Executor, scope: ScopeFilter, id: number) {
  return selectProfile(teachersInScope(db, scope).where('t.user_id', '=', id)).executeTakeFirst();
}

export interface TeacherFilter {
  q?: string;
  regionCode?: string;
  schoolId?: number;
  subject?: string;
  stage?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export async function listTeachers(db: Executor, scope: ScopeFilter, f: TeacherFilter) {
  let q = teachersInScope(db, scope);
  if (f.q) {
    const term = f.q.trim();
    // full ID and phone numbers hit their blind indexes (they are encrypted at rest); names match by prefix or substring
    if (isIdNumber(term)) q = q.where('u.id_number_bidx', '=', idNumberIndex(normalizeIdNumber(term)));
    else if (PHONE_RE.test(term)) q = q.where('u.phone_bidx', '=', phoneIndex(term));
    else q = q.where('u.name', 'like', `%${term}%`);
  }
  if (f.regionCode) q = q.where('t.region_code', 'like', `${f.regionCode}%`);
  if (f.schoolId) q = q.where('t.school_id', '=', f.schoolId);
  if (f.subject) q = q.where('t.subject', '=', f.subject);
  if (f.stage) q = q.where('t.stage', '=', f.stage);
  if (f.status) q = q.where('u.status', '=', f.status as 'active');
  const [rows, total] = await Promise.all([
    q
      .select([
        't.user_id as id',
        'u.name',
        't.gender',
        'u.id_number',
        'u.phone',
        's.name as school_name',
        'county.name as county_name',
        't.stage',
        't.subject',
        't.personnel_status',
        'u.status as account_status',
      ])
      .orderBy('t.region_code')
      .orderBy('t.school_id')
      .orderBy('t.user_id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// --- writes of a teacher's record (users, teachers and the teacher's role row) ---

export const profileDates = (db: Executor, teacherId: number) =>
  db
    .selectFrom('teachers')
    .select(['birth_date', 'work_start_date', 'hire_date', 'initial_education', 'highest_education'])
    .where('user_id', '=', teacherId)
    .executeTakeFirst();

export const schoolById = (db: Executor, id: number) =>
  db.selectFrom('schools').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();

// a teacher's account (users, user_roles) belongs to the auth module: its fields change through auth's functions
export {
  setAccountStatus,
  setTeacherRoleSchool,
  setTemporaryPassword,
  updateAccountFields as updateUser,
} from '../auth/accounts.repository.ts';

export async function updateTeacher(trx: Executor, teacherId: number, set: Record<string, unknown>) {
  await trx
    .updateTable('teachers')
    .set({ ...set, updated_at: sql`now()` } as never)
    .where('user_id', '=', teacherId)
    .execute();
}

export async function setPhoto(trx: Executor, teacherId: number, kind: 'cert' | 'avatar', name: string) {
  await trx
    .updateTable('teachers')
    .set(kind === 'cert' ? { cert_photo: name } : { avatar: name })
    .where('user_id', '=', teacherId)
    .execute();
}
