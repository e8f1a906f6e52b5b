// A teacher's credits under the active policy: the engine (pure, in @shixun/domain) fed from the
// ledger. refreshStanding stores the result so reports group rows instead of evaluating teachers.
import { evaluateCredits, type CreditEntryFact, type CreditEvaluation, type CreditTeacherFacts } from '@shixun/domain';
import type { Executor } from '../../context.ts';
import { activePolicy } from './policy.store.ts';
import { entryFactRows, teacherFactRow, writeStandings, type StandingRow } from './standings.repository.ts';

export const today = () => new Date().toISOString().slice(0, 10);

export async function creditFacts(
  db: Executor,
  teacherId: number,
): Promise<{ teacher: CreditTeacherFacts; entries: CreditEntryFact[] } | undefined> {
  const t = await teacherFactRow(db, teacherId);
  if (!t) return undefined;
  const rows = await entryFactRows(db, teacherId);
  return {
    teacher: { hireDate: t.hire_date ?? undefined, status: t.personnel_status },
    entries: rows.map((r) => ({
      id: String(r.id),
      date: r.entry_date,
      year: r.year,
      category: r.category,
      form: r.form,
      amount: r.amount_h / 100,
      hours: r.hours_h === null ? undefined : r.hours_h / 100,
      level: r.level,
      reversalOf: r.reversal_of === null ? undefined : String(r.reversal_of),
    })),
  };
}

export async function evaluateTeacher(db: Executor, teacherId: number, asOf = today()): Promise<CreditEvaluation | undefined> {
  const facts = await creditFacts(db, teacherId);
  if (!facts) return undefined;
  const { policy } = await activePolicy(db);
  return evaluateCredits(policy, facts.teacher, facts.entries, asOf);
}

/** Re-evaluates one teacher and stores the standing (inside the caller's transaction). */
export async function refreshStanding(db: Executor, teacherId: number, asOf = today()): Promise<void> {
  const ev = await evaluateTeacher(db, teacherId, asOf);
  if (!ev) return;
  await writeStandings(db, [standingRow(teacherId, ev, asOf)]);
}

/** The credit_standings row of an evaluation — used by refreshStanding and by the batch recompute. */
export function standingRow(teacherId: number, ev: CreditEvaluation, asOf: string): StandingRow {
  const cycle = ev.cycles.find((c) => c.id === ev.currentCycleId)!;
  const byCategory = Object.fromEntries(Object.entries(cycle.categories).map(([k, c]) => [k, Math.round(c.counted * 100)]));
  return {
    teacher_id: teacherId,
    policy_version: ev.policyVersion,
    cycle_id: ev.currentCycleId,
    assessed: ev.assessed,
    compliant: ev.compliant,
    earned_h: Math.round(cycle.total.counted * 100),
    required_h: Math.round(cycle.total.required * 100),
    by_category: JSON.stringify(byCategory),
    missing: JSON.stringify(ev.missing),
    as_of: asOf,
  };
}
