// SQL of 签到: the session a scanned code names, the scanner's enrolment in that project, and the
// check-in rows (one per session and enrolment; a second insert does nothing).
import type { Executor } from '../../context.ts';
import { traineesOf } from './classes.repository.ts';

/** The session a code names, with its class and project, whoever runs it: the code itself is the proof. */
export function sessionForScan(trx: Executor, sessionId: number) {
  return trx
    .selectFrom('class_sessions as cs')
    .innerJoin('training_classes as c', 'c.id', 'cs.class_id')
    .innerJoin('projects as p', 'p.id', 'c.project_id')
    .select([
      'cs.id',
      'cs.class_id',
      'cs.starts_at',
      'cs.ends_at',
      'cs.place',
      'cs.topic',
      'cs.lecturer',
      'cs.checkin_secret',
      'c.name as class_name',
      'c.project_id',
      'p.name as project_name',
    ])
    .where('cs.id', '=', sessionId)
    .executeTakeFirst();
}

/** The teacher's enrolment in the project, with the class it is placed in (if any). */
export function enrollmentForScan(trx: Executor, projectId: number, teacherId: number) {
  return trx
    .selectFrom('enrollments as e')
    .leftJoin('training_classes as c', 'c.id', 'e.class_id')
    .select(['e.id', 'e.status', 'e.class_id', 'c.name as class_name'])
    .where('e.project_id', '=', projectId)
    .where('e.teacher_id', '=', teacherId)
    .executeTakeFirst();
}

/** Adds check-ins; answers the rows actually added (those already there are left as they were). */
export function addCheckins(trx: Executor, v: { sessionId: number; enrollmentIds: number[]; method: 'qr' | 'manual'; byId: number }) {
  return trx
    .insertInto('checkins')
    .values(v.enrollmentIds.map((id) => ({ session_id: v.sessionId, enrollment_id: id, method: v.method, by_id: v.byId })))
    .onConflict((oc) => oc.columns(['session_id', 'enrollment_id']).doNothing())
    .returning(['enrollment_id', 'at'])
    .execute();
}

export function findCheckin(trx: Executor, sessionId: number, enrollmentId: number) {
  return trx
    .selectFrom('checkins')
    .select(['at', 'method'])
    .where('session_id', '=', sessionId)
    .where('enrollment_id', '=', enrollmentId)
    .executeTakeFirstOrThrow();
}

/** Removes check-ins; answers the enrolments that had one. */
export async function removeCheckins(trx: Executor, sessionId: number, enrollmentIds: number[]): Promise<number[]> {
  const rows = await trx
    .deleteFrom('checkins')
    .where('session_id', '=', sessionId)
    .where('enrollment_id', 'in', enrollmentIds)
    .returning('enrollment_id')
    .execute();
  return rows.map((r) => r.enrollment_id);
}

/** Every trainee of the class with their check-in to the session, if any. */
export function attendanceOf(db: Executor, classId: number, sessionId: number) {
  return traineesOf(db, classId)
    .leftJoin('checkins as k', (j) => j.onRef('k.enrollment_id', '=', 'e.id').on('k.session_id', '=', sessionId))
    .select(['e.id', 'u.name', 's.name as school_name', 'k.at', 'k.method'])
    .orderBy('e.id')
    .execute();
}
