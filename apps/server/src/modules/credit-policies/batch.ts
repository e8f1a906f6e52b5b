// Many teachers at once: their facts and entries in two queries per batch (instead of two per
// teacher, as creditFacts does), evaluated in memory, standings written in one statement. Used to
// recompute every standing after a policy is published and to preview a draft policy.
import { evaluateCredits, type CreditEntryFact, type CreditEvaluation, type CreditPolicy, type CreditTeacherFacts } from '@shixun/domain';
import type { Executor } from '../../context.ts';
import { entryFactRowsOf, teacherFactRows, writeStandings } from '../credits/standings.repository.ts';
import { registrationDatesOf } from '../teachers/registrations.repository.ts';

export interface TeacherFacts {
  id: number;
  teacher: CreditTeacherFacts;
  entries: CreditEntryFact[];
}

/** Facts of the given teachers, in the shape creditFacts() (modules/credits/standing.ts) gives. */
export async function loadFacts(db: Executor, ids: readonly number[]): Promise<TeacherFacts[]> {
  if (!ids.length) return [];
  const teachers = await teacherFactRows(db, ids);
  const entries = await entryFactRowsOf(db, ids);
  const registrations = await registrationDatesOf(db, ids);
  const byTeacher = new Map<number, CreditEntryFact[]>();
  for (const r of entries) {
    let list = byTeacher.get(Number(r.teacher_id));
    if (!list) byTeacher.set(Number(r.teacher_id), (list = []));
    list.push({
      id: String(r.id),
      date: r.entry_date,
      year: r.year,
      category: r.category,
      form: r.form,
      amount: r.amount_h / 100,
      hours: r.hours_h === null ? undefined : r.hours_h / 100,
      level: r.level,
      reversalOf: r.reversal_of === null ? undefined : String(r.reversal_of),
    });
  }
  return teachers.map((t) => ({
    id: Number(t.user_id),
    teacher: {
      hireDate: t.hire_date ?? undefined,
      status: t.personnel_status,
      registrationDates: registrations.get(Number(t.user_id)) ?? [],
    },
    entries: byTeacher.get(Number(t.user_id)) ?? [],
  }));
}

export function evaluate(policy: CreditPolicy, f: TeacherFacts, asOf: string): CreditEvaluation {
  return evaluateCredits(policy, f.teacher, f.entries, asOf);
}

// the standings row of an evaluation is the credits module's (one mapping for the single and the batch path)
export { standingRow } from '../credits/standing.ts';

export { writeStandings };
