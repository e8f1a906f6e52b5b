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
  v: { onsite: number | null; online: number | null; total: number | null; result: 'passed' | 'failed' | null },
) {
  await trx
    .updateTable('enrollments')
    .set((eb) => ({
      onsite_score: v.onsite,
      online_score: v.online,
      total_score: v.total,
      result: v.result,
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
