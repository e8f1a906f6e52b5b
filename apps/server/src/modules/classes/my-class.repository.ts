// SQL of the trainee's side of a class: their own enrolment (only theirs: the teacher is in the WHERE
// clause), the class's sessions with their check-ins, and what completion gave them.
import type { Executor } from '../../context.ts';

/** The teacher's own enrolment (not withdrawn) with its project and class, or undefined. */
export function findMyEnrollment(db: Executor, teacherId: number, id: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .innerJoin('project_types as pt', 'pt.id', 'p.type_id')
    .leftJoin('project_types as st', 'st.id', 'p.sub_type_id')
    .leftJoin('training_classes as c', 'c.id', 'e.class_id')
    .leftJoin('institutions as i', 'i.id', 'c.institution_id')
    .select([
      'e.id',
      'e.project_id',
      'e.status',
      'e.stage',
      'e.class_id',
      'e.onsite_score',
      'e.online_score',
      'e.total_score',
      'e.result',
      'e.credit_entry_id',
      'e.certificate_id',
      'e.evaluated',
      'p.name',
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
      'p.learning_url',
      'p.onsite_weight',
      'p.online_weight',
      'p.pass_mark',
      'p.evaluation_questions',
      'p.status as project_status',
      'p.funding',
      'pt.name as type_name',
      'st.name as sub_type_name',
      'c.name as class_name',
      'c.notice_title',
      'c.notice_body',
      'c.notice_published_at',
      'c.contact as class_contact',
      'i.name as institution_name',
    ])
    .where('e.id', '=', id)
    .where('e.teacher_id', '=', teacherId)
    .where('e.status', '!=', 'withdrawn')
    .executeTakeFirst();
}

/** The class's sessions, each with the trainee's check-in if there is one. */
export function sessionsWithMyCheckins(db: Executor, classId: number, enrollmentId: number) {
  return db
    .selectFrom('class_sessions as cs')
    .leftJoin('checkins as k', (j) => j.onRef('k.session_id', '=', 'cs.id').on('k.enrollment_id', '=', enrollmentId))
    .select(['cs.id', 'cs.starts_at', 'cs.ends_at', 'cs.place', 'cs.topic', 'cs.lecturer', 'k.at', 'k.method'])
    .where('cs.class_id', '=', classId)
    .orderBy('cs.starts_at')
    .orderBy('cs.id')
    .execute();
}

export function certificateFacts(db: Executor, certificateId: number) {
  return db.selectFrom('certificates').select(['id', 'code', 'revoked_at', 'issued_at']).where('id', '=', certificateId).executeTakeFirst();
}

/** Whether a credit entry has been reversed (a later row points at it). */
export async function isReversed(db: Executor, creditEntryId: number): Promise<boolean> {
  const r = await db.selectFrom('credit_entries').select('id').where('reversal_of', '=', creditEntryId).executeTakeFirst();
  return !!r;
}
