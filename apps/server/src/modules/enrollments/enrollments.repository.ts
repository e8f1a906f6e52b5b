// SQL of enrolments for admins. Every query starts from the teachers in the admin's scope, so an
// enrolment of a teacher outside it is never read (and answers 404).
import { sql } from 'kysely';
import { isIdNumber, normalizeIdNumber } from '@shixun/domain';
import type { ScopeFilter } from '../../access/policy.ts';
import type { Insertable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { EnrollmentTable } from '../../db/types.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';
import { idNumberIndex } from '../../security/pii.ts';

export function enrollmentsInScope(db: Executor, scope: ScopeFilter) {
  return teachersInScope(db, scope).innerJoin('enrollments as e', 'e.teacher_id', 't.user_id');
}

const baseColumns = [
  'e.id',
  'e.project_id',
  'e.teacher_id',
  'e.origin',
  'e.status',
  'e.stage',
  'e.quota_id',
  'e.class_id',
  'e.version',
  'e.onsite_score',
  'e.online_score',
  'e.total_score',
  'e.result',
  'e.created_at',
  'e.updated_at',
  'u.name',
  'u.id_number',
  'u.phone',
  't.school_id',
  't.region_code',
  't.stage as teacher_stage',
  't.subject as teacher_subject',
  's.name as school_name',
  'county.name as county_name',
] as const;

export function findEnrollmentInScope(db: Executor, scope: ScopeFilter, id: number) {
  return enrollmentsInScope(db, scope)
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .select([
      ...baseColumns,
      'p.level as project_level',
      'p.status as project_status',
      'p.name as project_name',
      'p.quota_fallback as project_quota_fallback',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}
export type ScopedEnrollment = NonNullable<Awaited<ReturnType<typeof findEnrollmentInScope>>>;

export interface TraineeFilter {
  status?: 'reviewing' | 'returned' | 'approved' | 'assigned' | 'withdrawn';
  stage?: string;
  regionCode?: string;
  schoolId?: number;
  classId?: number;
  result?: 'passed' | 'failed' | 'none';
  origin?: 'selected' | 'applied' | 'self';
  q?: string;
}

export function traineesQuery(db: Executor, scope: ScopeFilter, projectId: number, f: TraineeFilter) {
  let q = enrollmentsInScope(db, scope)
    .where('e.project_id', '=', projectId)
    .leftJoin('training_classes as c', 'c.id', 'e.class_id')
    .leftJoin('institutions as i', 'i.id', 'c.institution_id');
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.stage) q = q.where('e.stage', '=', f.stage as 'school');
  if (f.origin) q = q.where('e.origin', '=', f.origin);
  if (f.regionCode) q = q.where('t.region_code', 'like', `${f.regionCode}%`);
  if (f.schoolId) q = q.where('t.school_id', '=', f.schoolId);
  if (f.classId) q = q.where('e.class_id', '=', f.classId);
  if (f.result === 'none') q = q.where('e.result', 'is', null);
  else if (f.result) q = q.where('e.result', '=', f.result);
  if (f.q?.trim()) {
    const term = f.q.trim();
    q = isIdNumber(term)
      ? q.where('u.id_number_bidx', '=', idNumberIndex(normalizeIdNumber(term)))
      : q.where('u.name', 'like', `%${term}%`);
  }
  return q
    .select([...baseColumns, 'c.name as class_name', 'i.name as institution_name'])
    .select((eb) =>
      eb.selectFrom('checkins as ck').whereRef('ck.enrollment_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('checkins'),
    );
}

export async function listTrainees(
  db: Executor,
  scope: ScopeFilter,
  projectId: number,
  f: TraineeFilter & { page: number; pageSize: number },
) {
  const q = traineesQuery(db, scope, projectId, f);
  const [rows, total] = await Promise.all([
    q
      .orderBy('t.region_code')
      .orderBy('t.school_id')
      .orderBy('e.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    db
      .selectFrom(q.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type TraineeRow = Awaited<ReturnType<typeof listTrainees>>['rows'][number];

export interface QueueFilter {
  projectId?: number;
  q?: string;
  page: number;
  pageSize: number;
}

/** The review queue of one level: enrolments waiting for it, of teachers in the admin's scope. */
export async function pendingAt(db: Executor, scope: ScopeFilter, stage: string, f: QueueFilter) {
  const all = enrollmentsInScope(db, scope)
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .where('e.status', '=', 'reviewing')
    .where('e.stage', '=', stage as 'school')
    .where('p.status', '=', 'published');
  let q = all;
  if (f.projectId) q = q.where('e.project_id', '=', f.projectId);
  if (f.q?.trim()) q = q.where((eb) => eb.or([eb('u.name', 'like', `%${f.q!.trim()}%`), eb('p.name', 'like', `%${f.q!.trim()}%`)]));
  const [rows, total, byProject] = await Promise.all([
    q
      .select([...baseColumns, 'p.name as project_name', 'p.level as project_level', 'p.year as project_year'])
      .orderBy('e.updated_at')
      .orderBy('e.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    all
      .groupBy(['p.id', 'p.name'])
      .select(['p.id', 'p.name', sql<number>`count(*)`.as('n')])
      .orderBy('p.id', 'desc')
      .execute(),
  ]);
  return { rows, total: Number(total.n), byProject: byProject.map((r) => ({ projectId: r.id, name: r.name, pending: Number(r.n) })) };
}

// ---- enrolments by project and teacher (inside the services' transactions) ----

export function teacherFactsRow(db: Executor, teacherId: number) {
  return db
    .selectFrom('teachers')
    .select(['stage', 'subject', 'region_code', 'school_id'])
    .where('user_id', '=', teacherId)
    .executeTakeFirst();
}

/** Each listed teacher's enrolment in the project (any status). */
export function enrollmentsOfTeachers(db: Executor, projectId: number, teacherIds: number[]) {
  return db
    .selectFrom('enrollments')
    .select(['id', 'teacher_id', 'status'])
    .where('project_id', '=', projectId)
    .where('teacher_id', 'in', teacherIds)
    .execute();
}

/** A teacher's enrolments in these projects. */
export function statusesOfTeacher(db: Executor, teacherId: number, projectIds: number[]) {
  if (!projectIds.length) return Promise.resolve([]);
  return db
    .selectFrom('enrollments')
    .select(['project_id', 'status'])
    .where('teacher_id', '=', teacherId)
    .where('project_id', 'in', projectIds)
    .execute();
}

type EnrolValues = Pick<Insertable<EnrollmentTable>, 'origin' | 'status' | 'stage' | 'quota_id'>;

/** Starts returned or withdrawn enrolments over in place (scores and class cleared); the ids restarted. */
export function restartEnrollments(trx: Executor, ids: number[], v: EnrolValues) {
  return trx
    .updateTable('enrollments')
    .set({
      ...v,
      class_id: null,
      result: null,
      onsite_score: null,
      online_score: null,
      total_score: null,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', 'in', ids)
    .where('status', 'in', ['returned', 'withdrawn'])
    .returning('id')
    .execute();
}

/** New enrolments; a teacher enrolled concurrently is skipped (the caller counts the ids). */
export function insertEnrollments(trx: Executor, projectId: number, teacherIds: number[], v: EnrolValues) {
  return trx
    .insertInto('enrollments')
    .values(teacherIds.map((teacher_id) => ({ project_id: projectId, teacher_id, ...v })))
    .onConflict((oc) => oc.columns(['project_id', 'teacher_id']).doNothing())
    .returning('id')
    .execute();
}

/**
 * A review decision as ONE versioned UPDATE: only the version the reviewer saw, still waiting at
 * their stage, changes; undefined for the loser of a race.
 */
export function applyDecision(
  trx: Executor,
  id: number,
  d: { version: number; stage: string; next: string; status: 'reviewing' | 'returned' | 'approved'; clearQuota: boolean },
) {
  return trx
    .updateTable('enrollments')
    .set({
      stage: d.next as 'done',
      status: d.status,
      version: sql`version + 1`,
      updated_at: new Date(),
      ...(d.clearQuota ? { quota_id: null } : {}),
    })
    .where('id', '=', id)
    .where('version', '=', d.version)
    .where('stage', '=', d.stage as 'done')
    .where('status', '=', 'reviewing')
    .returning(['version'])
    .executeTakeFirst();
}

/**
 * 撤回 as ONE conditional UPDATE: only the teacher's own application, of the version they saw, still
 * waiting at `stage`. A reviewer's decision and the withdrawal race on the row: exactly one changes it.
 * Returns the place it held (to give back), undefined for the loser.
 */
export function withdrawOwnApplication(trx: Executor, w: { id: number; teacherId: number; version: number; stage: string }) {
  return trx
    .with('before', (db) => db.selectFrom('enrollments').select(['id', 'quota_id']).where('id', '=', w.id))
    .updateTable('enrollments as e')
    .from('before as b')
    .set({ status: 'withdrawn', quota_id: null, version: sql`e.version + 1`, updated_at: new Date() })
    .whereRef('b.id', '=', 'e.id')
    .where('e.id', '=', w.id)
    .where('e.teacher_id', '=', w.teacherId)
    .where('e.origin', '=', 'applied')
    .where('e.status', '=', 'reviewing')
    .where('e.stage', '=', w.stage as 'school')
    .where('e.version', '=', w.version)
    .returning(['e.version', 'e.project_id', 'b.quota_id'])
    .executeTakeFirst();
}

/** The teacher's own enrolment with its project's level (for 撤回), any status. */
export function ownEnrollment(db: Executor, teacherId: number, id: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .select([
      'e.id',
      'e.project_id',
      'e.origin',
      'e.status',
      'e.stage',
      'e.version',
      'p.level as project_level',
      'p.status as project_status',
    ])
    .where('e.id', '=', id)
    .where('e.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

export async function setQuotaOf(trx: Executor, id: number, quotaId: number) {
  await trx.updateTable('enrollments').set({ quota_id: quotaId }).where('id', '=', id).execute();
}
