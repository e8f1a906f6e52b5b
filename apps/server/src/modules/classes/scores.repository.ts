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
      'e.progress',
      'u.name',
    ])
    .where('e.id', 'in', enrollmentIds)
    .orderBy('e.id')
    .forUpdate('e')
    .execute();
}

/** The ledger entries an enrolment's passes posted, newest first, each with whether it was reversed. */
export function projectEntriesOf(trx: Executor, enrollmentId: number, source: 'project' | 'elective' = 'project') {
  return trx
    .selectFrom('credit_entries as ce')
    .select(['ce.id', 'ce.source_key'])
    .select((eb) => eb.exists(eb.selectFrom('credit_entries as r').select('r.id').whereRef('r.reversal_of', '=', 'ce.id')).as('reversed'))
    .where('ce.source', '=', source)
    .where('ce.source_id', '=', String(enrollmentId))
    .orderBy('ce.id', 'desc')
    .execute();
}
