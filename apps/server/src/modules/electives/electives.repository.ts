// SQL of the elective catalogue's own table (electives) and the admins' reads. An elective is a projects
// row (kind 'elective') joined to its electives row. Every admin read starts from electivesFor(), which
// puts the viewer in the WHERE clause: an institution sees what it provides, a region admin what is
// organised in its area (the province everything). Writes to projects, quotas, enrolments and classes
// go through those modules' functions, never here.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { ElectiveTable } from '../../db/types.ts';

/** Who is looking: an institution (its own electives) or a region admin (electives organised in its area). */
export type Viewer = { kind: 'institution'; institutionId: number } | { kind: 'region'; regionCode: string };

export function electivesBase(db: Executor) {
  return db.selectFrom('projects as p').innerJoin('electives as el', 'el.project_id', 'p.id').where('p.kind', '=', 'elective');
}

export function electivesFor(db: Executor, v: Viewer) {
  const q = electivesBase(db);
  return v.kind === 'institution'
    ? q.where('el.provider_institution_id', '=', v.institutionId)
    : q.where('p.organiser_region_code', 'like', `${v.regionCode}%`);
}

export const ELECTIVE_COLUMNS = [
  'p.id',
  'p.name',
  'p.year',
  'p.level',
  'p.mode',
  'p.organiser_name',
  'p.organiser_region_code',
  'p.credit_category',
  'p.credit_amount_h',
  'p.hours_h',
  'p.target_stages',
  'p.target_subjects',
  'p.target_region_codes',
  'p.place',
  'p.apply_start',
  'p.apply_end',
  'p.start_date',
  'p.end_date',
  'p.pass_mark',
  'p.min_progress',
  'p.learning_url',
  'p.status as project_status',
  'el.provider_institution_id',
  'el.provider_name',
  'el.offered_by',
  'el.review_status',
  'el.return_reason',
  'el.submitted_at',
  'el.reviewed_by_name',
  'el.reviewed_at',
  'el.description',
  'el.syllabus',
  'el.capacity',
  'el.price_fen',
  'el.payer',
  'el.class_id',
  'el.version',
] as const;

/** The places taken: enrolments placed in the elective (a cancelled one gave its place back). */
const takenSql = sql<number>`(SELECT count(*)::int FROM enrollments e WHERE e.project_id = p.id AND e.status = 'assigned')`;

export function findElective(db: Executor, v: Viewer | null, id: number) {
  const q = v ? electivesFor(db, v) : electivesBase(db);
  return q.select(ELECTIVE_COLUMNS).select(takenSql.as('taken')).where('p.id', '=', id).executeTakeFirst();
}
export type ElectiveRow = NonNullable<Awaited<ReturnType<typeof findElective>>>;

export async function listElectives(db: Executor, v: Viewer, f: { status?: string; q?: string; page: number; pageSize: number }) {
  let q = electivesFor(db, v);
  if (f.status) q = q.where('el.review_status', '=', f.status as 'draft');
  if (f.q?.trim())
    q = q.where((eb) => eb.or([eb('p.name', 'like', `%${f.q?.trim()}%`), eb('el.provider_name', 'like', `%${f.q?.trim()}%`)]));
  const [rows, total] = await Promise.all([
    q
      .select(ELECTIVE_COLUMNS)
      .select(takenSql.as('taken'))
      .orderBy('p.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Waiting for this organiser node's decision, oldest first. */
export function pendingFor(db: Executor, regionCode: string) {
  return electivesBase(db)
    .select(ELECTIVE_COLUMNS)
    .select(takenSql.as('taken'))
    .where('el.review_status', '=', 'pending')
    .where('p.organiser_region_code', '=', regionCode)
    .orderBy('el.submitted_at')
    .orderBy('p.id')
    .execute();
}

export type ElectiveValues = Omit<Insertable<ElectiveTable>, 'review_status' | 'version' | 'created_at' | 'updated_at' | 'class_id'>;

export async function insertElective(trx: Executor, v: ElectiveValues) {
  await trx.insertInto('electives').values(v).execute();
}

/** Writes the catalogue fields of a draft or returned elective at the version seen; undefined when it moved on. */
export function updateElectiveRow(trx: Executor, id: number, version: number | null, v: Partial<ElectiveValues>) {
  let q = trx
    .updateTable('electives')
    .set((eb) => ({ ...v, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('project_id', '=', id)
    .where('review_status', 'in', ['draft', 'returned']);
  if (version !== null) q = q.where('version', '=', version);
  return q.returning(['version']).executeTakeFirst();
}

/** draft | returned → pending at the version seen. */
export function markSubmitted(trx: Executor, id: number, version: number) {
  return trx
    .updateTable('electives')
    .set((eb) => ({
      review_status: 'pending',
      submitted_at: new Date(),
      return_reason: null,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('project_id', '=', id)
    .where('version', '=', version)
    .where('review_status', 'in', ['draft', 'returned'])
    .returning(['version'])
    .executeTakeFirst();
}

/** The decision: pending → published | returned, as ONE versioned UPDATE; the loser of two approvers gets nothing back. */
export function decide(
  trx: Executor,
  d: { id: number; version: number; to: 'published' | 'returned'; reason: string | null; by: { id: number; name: string } },
) {
  return trx
    .updateTable('electives')
    .set((eb) => ({
      review_status: d.to,
      return_reason: d.reason,
      reviewed_by: d.by.id,
      reviewed_by_name: d.by.name,
      reviewed_at: new Date(),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('project_id', '=', d.id)
    .where('version', '=', d.version)
    .where('review_status', '=', 'pending')
    .returning(['version'])
    .executeTakeFirst();
}

export async function setClass(trx: Executor, id: number, classId: number) {
  await trx.updateTable('electives').set({ class_id: classId }).where('project_id', '=', id).execute();
}

export function institutionName(db: Executor, id: number) {
  return db.selectFrom('institutions').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** The learners of an elective (enrolments placed in it) with progress and score. */
export function learnersOf(db: Executor, projectId: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('users as u', 'u.id', 'e.teacher_id')
    .innerJoin('teachers as t', 't.user_id', 'e.teacher_id')
    .innerJoin('schools as s', 's.id', 't.school_id')
    .select(['e.id', 'u.name', 's.name as school_name', 'e.created_at', 'e.progress', 'e.total_score', 'e.result'])
    .where('e.project_id', '=', projectId)
    .where('e.status', '=', 'assigned')
    .orderBy('e.id')
    .execute();
}

/** Per elective the viewer sees: enrolled (placed), cancelled, passed, failed. */
export function statsFor(db: Executor, v: Viewer) {
  const n = (cond: string) => sql<number>`(SELECT count(*)::int FROM enrollments e WHERE e.project_id = p.id AND ${sql.raw(cond)})`;
  return electivesFor(db, v)
    .select(['p.id', 'p.name', 'el.provider_name', 'el.review_status', 'el.capacity'])
    .select([
      n(`e.status = 'assigned'`).as('enrolled'),
      n(`e.status = 'withdrawn'`).as('cancelled'),
      n(`e.status = 'assigned' AND e.result = 'passed'`).as('passed'),
      n(`e.status = 'assigned' AND e.result = 'failed'`).as('failed'),
    ])
    .where('el.review_status', 'in', ['published', 'closed'])
    .orderBy('p.id', 'desc')
    .limit(500)
    .execute();
}
