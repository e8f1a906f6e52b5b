// SQL of the enrolment timeline (enrollment_events): one row per step, written in the step's transaction.
import type { Executor } from '../../context.ts';
import type { EnrollmentEventTable } from '../../db/types.ts';

export interface EventRow {
  action: EnrollmentEventTable['action'];
  level: string | null;
  reason?: string | null;
  actorId: number;
  actorName: string;
}

export async function insertEvents(trx: Executor, enrollmentIds: number[], e: EventRow) {
  if (!enrollmentIds.length) return;
  await trx
    .insertInto('enrollment_events')
    .values(
      enrollmentIds.map((id) => ({
        enrollment_id: id,
        action: e.action,
        level: e.level,
        actor_id: e.actorId,
        actor_name: e.actorName,
        reason: e.reason ?? null,
      })),
    )
    .execute();
}

export function eventsOf(db: Executor, enrollmentIds: number[]) {
  return db.selectFrom('enrollment_events').selectAll().where('enrollment_id', 'in', enrollmentIds).orderBy('at').orderBy('id').execute();
}
