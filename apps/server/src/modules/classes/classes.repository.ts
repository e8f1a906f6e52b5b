// SQL of institutions' classes (班级). Every institution query starts from classesOf(), which puts the
// institution in the WHERE clause: a class of another institution is simply not found (404).
import { sql } from 'kysely';
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { notFound } from '../../http/errors.ts';

/** The institution an admin acts for; -1 (matches nothing) when the account has none. */
export const institutionOf = (actor: Actor) => actor.scope.institutionId ?? -1;

export function classesOf(db: Executor, institutionId: number) {
  return db
    .selectFrom('training_classes as c')
    .innerJoin('projects as p', 'p.id', 'c.project_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .where('c.institution_id', '=', institutionId);
}

const CLASS_COLUMNS = [
  'c.id',
  'c.name',
  'c.project_id',
  'c.institution_id',
  'c.notice_title',
  'c.notice_body',
  'c.notice_published_at',
  'c.contact',
  'i.name as institution_name',
  'p.name as project_name',
  'p.year',
  'p.level',
  'p.mode',
  'p.organiser_name',
  'p.start_date',
  'p.end_date',
  'p.place',
  'p.hours_h',
  'p.credit_amount_h',
  'p.credit_category',
  'p.onsite_weight',
  'p.online_weight',
  'p.pass_mark',
  'p.evaluation_questions',
  'p.organiser_region_code',
  'p.organiser_school_id',
  'p.status as project_status',
  'p.learning_url',
  'p.certificate_photo',
  'p.kind',
  'p.min_progress',
] as const;

export type ClassRow = NonNullable<Awaited<ReturnType<typeof findClassAny>>>;

/** A class by id with its project, whoever owns it: callers decide who may see it. */
export function findClassAny(db: Executor, id: number) {
  return db
    .selectFrom('training_classes as c')
    .innerJoin('projects as p', 'p.id', 'c.project_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(CLASS_COLUMNS)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** The institution's own class, or 404. `lock` serialises writers on the same class (scores, notice). */
export async function ownClass(db: Executor, actor: Actor, id: number, lock = false): Promise<ClassRow> {
  let q = classesOf(db, institutionOf(actor)).select(CLASS_COLUMNS).where('c.id', '=', id);
  if (lock) q = q.forUpdate('c');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('班级');
  return row;
}

/** The trainees of a class: enrolments placed in it (status assigned). */
export function traineesOf(db: Executor, classId: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('users as u', 'u.id', 'e.teacher_id')
    .innerJoin('teachers as t', 't.user_id', 'e.teacher_id')
    .innerJoin('schools as s', 's.id', 't.school_id')
    .where('e.class_id', '=', classId)
    .where('e.status', '=', 'assigned');
}

export async function listClasses(db: Executor, institutionId: number) {
  return classesOf(db, institutionId)
    .select([
      'c.id',
      'c.name',
      'c.notice_published_at',
      'p.id as project_id',
      'p.name as project_name',
      'p.year',
      'p.level',
      'p.start_date',
      'p.end_date',
      'p.place',
      'p.organiser_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('enrollments as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .where('e.status', '=', 'assigned')
        .as('trainees'),
      eb.selectFrom('class_sessions as cs').select(sql<number>`count(*)::int`.as('n')).whereRef('cs.class_id', '=', 'c.id').as('sessions'),
    ])
    .orderBy('p.start_date', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

/** Per trainee: how many of the class's sessions they are checked in to. */
export async function checkinCounts(db: Executor, classId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('checkins as k')
    .innerJoin('class_sessions as cs', 'cs.id', 'k.session_id')
    .select(['k.enrollment_id', sql<number>`count(*)::int`.as('n')])
    .where('cs.class_id', '=', classId)
    .groupBy('k.enrollment_id')
    .execute();
  return new Map(rows.map((r) => [r.enrollment_id, r.n]));
}

export function sessionsOf(db: Executor, classId: number) {
  return db
    .selectFrom('class_sessions')
    .select(['id', 'class_id', 'starts_at', 'ends_at', 'place', 'topic', 'lecturer'])
    .where('class_id', '=', classId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export function noticeFilesOf(db: Executor, classId: number) {
  return db
    .selectFrom('class_notice_files')
    .select(['id', 'file_name', 'mime', 'size', 'created_at'])
    .where('class_id', '=', classId)
    .orderBy('id')
    .execute();
}

/** How many trainees the class has (enrolments placed in it). */
export async function countTrainees(db: Executor, classId: number): Promise<number> {
  const r = await db
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('status', '=', 'assigned')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The trainees' rows for the class page: scores, result and what completion produced. */
export function traineeRows(db: Executor, classId: number) {
  return traineesOf(db, classId)
    .leftJoin('certificates as cert', 'cert.id', 'e.certificate_id')
    .select([
      'e.id',
      'u.name',
      'u.id_number',
      's.name as school_name',
      'e.onsite_score',
      'e.online_score',
      'e.total_score',
      'e.result',
      'e.credit_entry_id',
      'e.certificate_id',
      'cert.revoked_at',
    ])
    .orderBy('e.id')
    .execute();
}

/** Id and name of the class's trainees, all of them or those among `ids`. */
export function traineeNames(db: Executor, classId: number, ids?: number[]) {
  let q = traineesOf(db, classId).select(['e.id', 'u.name']);
  if (ids) q = q.where('e.id', 'in', ids);
  return q.execute();
}

/** The rows of the score template: every trainee with their current scores. */
export function templateRows(db: Executor, classId: number) {
  return traineesOf(db, classId)
    .select(['e.id', 'u.name', 'u.id_number', 's.name as school', 'e.onsite_score', 'e.online_score'])
    .orderBy('e.id')
    .execute();
}

/** Whether the teacher is a trainee of the class. */
export async function isTraineeOf(db: Executor, classId: number, teacherId: number): Promise<boolean> {
  const r = await db
    .selectFrom('enrollments')
    .select('id')
    .where('class_id', '=', classId)
    .where('teacher_id', '=', teacherId)
    .where('status', '=', 'assigned')
    .executeTakeFirst();
  return !!r;
}
