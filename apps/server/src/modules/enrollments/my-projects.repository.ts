// SQL of the teacher's own enrolments (我的专项培训): always by the id in the session.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

export function myEnrollments(db: Executor, teacherId: number, enrollmentId?: number) {
  let q = db
    .selectFrom('enrollments as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .leftJoin('training_classes as c', 'c.id', 'e.class_id')
    .leftJoin('institutions as ci', 'ci.id', 'c.institution_id')
    .where('e.teacher_id', '=', teacherId)
    .where('e.status', '<>', 'withdrawn');
  if (enrollmentId) q = q.where('e.id', '=', enrollmentId);
  else q = q.where('p.kind', '=', 'project');
  return q
    .select([
      'e.id',
      'e.project_id',
      'e.origin',
      'e.status',
      'e.stage',
      'e.class_id',
      'e.version',
      'e.onsite_score',
      'e.online_score',
      'e.total_score',
      'e.result',
      'e.certificate_id',
      'e.created_at',
      'p.start_date',
      'p.end_date',
      'p.status as project_status',
      'p.level as project_level',
      'p.name as project_name',
      'c.name as class_name',
      'ci.name as class_institution_name',
      'c.notice_published_at',
    ])
    .select((eb) => [
      eb.selectFrom('checkins as ck').whereRef('ck.enrollment_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('checkins'),
      eb
        .selectFrom('class_sessions as cs')
        .whereRef('cs.class_id', '=', 'e.class_id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('sessions'),
    ])
    .orderBy('p.start_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}
export type MyEnrollmentRow = Awaited<ReturnType<typeof myEnrollments>>[number];

/** Published projects open to applications that concern the teacher's area (school projects: their school). */
export function openProjectsFor(db: Executor, t: { regionCode: string; schoolId: number }, today: string) {
  return db
    .selectFrom('projects as p')
    .selectAll('p')
    .where('p.status', '=', 'published')
    .where('p.allow_application', '=', true)
    .where((eb) => eb.or([eb('p.apply_end', 'is', null), eb('p.apply_end', '>=', today)]))
    .where(sql<boolean>`(p.organiser_school_id = ${t.schoolId} OR (p.organiser_school_id IS NULL AND EXISTS (
      SELECT 1 FROM unnest(CASE WHEN cardinality(p.target_region_codes) = 0 THEN ARRAY[p.organiser_region_code] ELSE p.target_region_codes END) AS x(code)
      WHERE ${t.regionCode} LIKE x.code || '%')))`)
    .orderBy('p.apply_end')
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
}
