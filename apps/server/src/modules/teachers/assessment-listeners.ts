// Whether and how much a teacher is assessed depends on the hire date, the work start date and the
// personnel status. Modules that keep something derived from them (the credit standing) register here
// once at start-up, so the teachers module does not import them: the dependency points one way.
import type { Executor } from '../../context.ts';

export type AssessmentFieldsListener = (trx: Executor, teacherId: number) => Promise<unknown>;

const listeners: AssessmentFieldsListener[] = [];

/** Registers a listener called inside the same transaction after one of those fields changed. */
export function onAssessmentFieldsChanged(listener: AssessmentFieldsListener) {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function assessmentFieldsChanged(trx: Executor, teacherId: number) {
  for (const l of listeners) await l(trx, teacherId);
}
