// Writes to enrolments that other modules' flows make: a class placement (分配至承培机构), the scores and the
// completion a class records, the once-only 训后评估 flag. The enrollments module owns the table; the classes
// module calls these inside its own transactions.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

/** Moves approved (or already assigned) enrolments of the project into a class; the ids that moved. */
export function assignToClass(trx: Executor, projectId: number, ids: number[], classId: number) {
  return trx
    .updateTable('enrollments')
    .set({ status: 'assigned', class_id: classId, version: sql`version + 1`, updated_at: new Date() })
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .where('status', 'in', ['approved', 'assigned'])
    .returning('id')
    .execute();
}

export async function updateScores(
  trx: Executor,
  enrollmentId: number,
  v: {
    onsite: number | null;
    online: number | null;
    total: number | null;
    result: 'passed' | 'failed' | null;
    /** 学习进度 (自主选学); undefined: left as it is */
    progress?: number | null;
  },
) {
  await trx
    .updateTable('enrollments')
    .set((eb) => ({
      onsite_score: v.onsite,
      online_score: v.online,
      total_score: v.total,
      result: v.result,
      ...(v.progress !== undefined && { progress: v.progress }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', enrollmentId)
    .execute();
}

/** Keeps on the enrolment the credit entry and certificate a pass produced. */
export async function setCompletion(trx: Executor, enrollmentId: number, v: { creditEntryId?: number | null; certificateId: number }) {
  await trx
    .updateTable('enrollments')
    .set({ ...(v.creditEntryId !== undefined && { credit_entry_id: v.creditEntryId }), certificate_id: v.certificateId })
    .where('id', '=', enrollmentId)
    .execute();
}

/** Sets enrollments.evaluated; false when it already was (the loser of two submissions at once). */
export async function markEvaluated(trx: Executor, enrollmentId: number): Promise<boolean> {
  const won = await trx
    .updateTable('enrollments')
    .set({ evaluated: true })
    .where('id', '=', enrollmentId)
    .where('evaluated', '=', false)
    .returning('id')
    .executeTakeFirst();
  return !!won;
}

/**
 * 自主报名: the teacher's own enrolment in an elective, placed at once in its class. One that was cancelled
 * starts over in place (UNIQUE (project_id, teacher_id)); undefined when the teacher is enrolled already.
 */
export function enrolSelf(trx: Executor, v: { projectId: number; teacherId: number; classId: number; quotaId: number | null }) {
  return upsertSelfEnrolment(trx, v, { status: 'assigned', class_id: v.classId });
}

/**
 * The teacher's own enrolment, placed (`assigned` in a class) or holding its place unplaced (`approved`, a paid
 * elective's while its order is unpaid); a withdrawn one starts over in place. undefined: already enrolled.
 */
export function upsertSelfEnrolment(
  trx: Executor,
  v: { projectId: number; teacherId: number; quotaId: number | null },
  placed: { status: 'assigned'; class_id: number } | { status: 'approved'; class_id: null },
) {
  const values = { origin: 'self' as const, stage: 'done' as const, quota_id: v.quotaId, ...placed };
  return trx
    .insertInto('enrollments')
    .values({ project_id: v.projectId, teacher_id: v.teacherId, ...values })
    .onConflict((oc) =>
      oc
        .columns(['project_id', 'teacher_id'])
        .doUpdateSet({
          ...values,
          progress: null,
          onsite_score: null,
          online_score: null,
          total_score: null,
          result: null,
          version: sql`enrollments.version + 1`,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .where('enrollments.status', '=', 'withdrawn')
        .where('enrollments.origin', '=', 'self'),
    )
    .returning(['id', 'version'])
    .executeTakeFirst();
}

/** 取消报名 of the teacher's own elective enrolment at the version seen, while it has no score; the place it held. */
export function cancelSelf(trx: Executor, v: { id: number; teacherId: number; version: number }) {
  return trx
    .updateTable('enrollments')
    .set({ status: 'withdrawn', version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', v.id)
    .where('teacher_id', '=', v.teacherId)
    .where('origin', '=', 'self')
    .where('status', '=', 'assigned')
    .where('version', '=', v.version)
    .where('total_score', 'is', null)
    .where('online_score', 'is', null)
    .where('result', 'is', null)
    .returning(['id', 'project_id', 'quota_id', 'version'])
    .executeTakeFirst();
}
