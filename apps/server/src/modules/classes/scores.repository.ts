// SQL of 成绩 and what completion keeps on the enrolment. The trainees' rows are locked (FOR UPDATE)
// before their scores are compared and changed, inside the caller's transaction.
import type { Executor } from '../../context.ts';
import { traineesOf } from './classes.repository.ts';

/** The listed trainees of the class, locked for the score transaction. */
export function lockTraineeScores(trx: Executor, classId: number, enrollmentIds: number[]) {
  return traineesOf(trx, classId)
    .select([
      'e.id',
      'e.teacher_id',
      'e.onsite_score',
      'e.online_score',
      'e.total_score',
      'e.result',
      'e.credit_entry_id',
      'e.certificate_id',
      'u.name',
    ])
    .where('e.id', 'in', enrollmentIds)
    .orderBy('e.id')
    .forUpdate('e')
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

/** The ledger entries an enrolment's passes posted, newest first, each with whether it was reversed. */
export function projectEntriesOf(trx: Executor, enrollmentId: number) {
  return trx
    .selectFrom('credit_entries as ce')
    .select(['ce.id', 'ce.source_key'])
    .select((eb) => eb.exists(eb.selectFrom('credit_entries as r').select('r.id').whereRef('r.reversal_of', '=', 'ce.id')).as('reversed'))
    .where('ce.source', '=', 'project')
    .where('ce.source_id', '=', String(enrollmentId))
    .orderBy('ce.id', 'desc')
    .execute();
}

/** Marks a certificate revoked; false when it already was. */
export async function revokeCertificateRow(trx: Executor, certificateId: number): Promise<boolean> {
  const r = await trx
    .updateTable('certificates')
    .set({ revoked_at: new Date() })
    .where('id', '=', certificateId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}
