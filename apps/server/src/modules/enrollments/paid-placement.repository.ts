// 付费自主选学: the enrolment of a paid elective holds its place while its order is unpaid (status
// 'approved', no class yet), is placed in the class when the order is paid, and is withdrawn when the
// order closes, is cancelled or refunded. The electives module calls these inside the orders module's
// transactions (through the order hooks), so the enrolment and its order never disagree.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import { upsertSelfEnrolment } from './placement.repository.ts';

/** The held place of an unpaid enrolment; a withdrawn one starts over in place. undefined: already enrolled. */
export function enrolSelfUnpaid(trx: Executor, v: { projectId: number; teacherId: number; quotaId: number | null }) {
  return upsertSelfEnrolment(trx, v, { status: 'approved', class_id: null });
}

/** The teacher's own live enrolment in the project (to find the order of an unpaid one). */
export function liveSelfEnrolment(db: Executor, projectId: number, teacherId: number) {
  return db
    .selectFrom('enrollments')
    .select(['id', 'status'])
    .where('project_id', '=', projectId)
    .where('teacher_id', '=', teacherId)
    .where('origin', '=', 'self')
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
}

/** Paid: into the class. undefined when the enrolment is not an unpaid one (anymore). */
export function placePaidEnrolment(trx: Executor, v: { id: number; classId: number }) {
  return trx
    .updateTable('enrollments')
    .set({ status: 'assigned', class_id: v.classId, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', v.id)
    .where('origin', '=', 'self')
    .where('status', '=', 'approved')
    .returning(['id', 'project_id', 'teacher_id'])
    .executeTakeFirst();
}

/** Order released: the enrolment withdrawn; the place it held (to give back). undefined when already withdrawn. */
export function withdrawOrderedEnrolment(trx: Executor, id: number) {
  return trx
    .updateTable('enrollments')
    .set({ status: 'withdrawn', version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('origin', '=', 'self')
    .where('status', 'in', ['approved', 'assigned'])
    .returning(['id', 'project_id', 'quota_id'])
    .executeTakeFirst();
}

/** What decides whether a paid enrolment may still be refunded: its learning window, progress and scores. */
export function refundFacts(db: Executor, enrollmentId: number) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .select(['e.project_id', 'e.status', 'e.progress', 'e.total_score', 'e.online_score', 'e.onsite_score', 'e.result', 'p.start_date'])
    .where('e.id', '=', enrollmentId)
    .executeTakeFirst();
}
