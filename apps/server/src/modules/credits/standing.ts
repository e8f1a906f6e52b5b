// A teacher's credits under the active policy: the engine (pure, in @shixun/domain) fed from the
// ledger. refreshStanding stores the result so reports group rows instead of evaluating teachers.
import { chinaDate, evaluateCredits, type CreditEntryFact, type CreditEvaluation, type CreditTeacherFacts } from '@shixun/domain';
import type { Executor } from '../../context.ts';
import { activePolicy } from './policy.store.ts';
import { registrationDatesOf } from '../teachers/registrations.repository.ts';
import { entryFactRows, teacherFactRow, writeStandings, type CycleStandingRow, type StandingRow } from './standings.repository.ts';

/** Today in China: a 认定日期 or a standing as of today means Beijing's date, not UTC's (yesterday until 08:00). */
export const today = () => chinaDate();

export async function creditFacts(
  db: Executor,
  teacherId: number,
): Promise<{ teacher: CreditTeacherFacts; entries: CreditEntryFact[] } | undefined> {
  const t = await teacherFactRow(db, teacherId);
  if (!t) return undefined;
  const rows = await entryFactRows(db, teacherId);
  const registrationDates = (await registrationDatesOf(db, [teacherId])).get(teacherId) ?? [];
  return {
    teacher: { hireDate: t.hire_date ?? undefined, status: t.personnel_status, registrationDates },
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

const h = (x: number) => Math.round(x * 100);

/**
 * The credit_standings row of an evaluation — used by refreshStanding and by the batch recompute —
 * with the teacher's result in every cycle begun (credit_cycle_standings, for reports on a past
 * cycle) and the 定期注册 check on the teacher's own window.
 */
export function standingRow(teacherId: number, ev: CreditEvaluation, asOf: string): StandingRow {
  const cycle = ev.cycles.find((c) => c.id === ev.currentCycleId);
  const byCategory = (c: CreditEvaluation['cycles'][number]) =>
    JSON.stringify(Object.fromEntries(Object.entries(c.categories).map(([k, x]) => [k, h(x.counted)])));
  const cycles: CycleStandingRow[] = ev.cycles
    .filter((c) => c.phase !== 'future')
    .map((c) => ({
      cycle_id: c.id,
      teacher_id: teacherId,
      policy_version: ev.policyVersion,
      years: ev.assessed ? c.assessedYears : 0,
      compliant: c.compliant,
      earned_h: h(c.total.counted),
      required_h: h(c.total.required),
      by_category: byCategory(c),
      missing: JSON.stringify(c.missing),
      as_of: asOf,
    }));
  const reg = ev.registration;
  return {
    teacher_id: teacherId,
    policy_version: ev.policyVersion,
    cycle_id: ev.currentCycleId,
    assessed: ev.assessed,
    compliant: ev.compliant,
    earned_h: cycle ? h(cycle.total.counted) : 0,
    required_h: cycle ? h(cycle.total.required) : 0,
    by_category: cycle ? byCategory(cycle) : '{}',
    missing: JSON.stringify(ev.missing),
    as_of: asOf,
    reg_status: reg?.status ?? null,
    reg_anchor: reg?.anchor ?? null,
    reg_start: reg?.startDate ?? null,
    reg_end: reg?.endDate ?? null,
    reg_hours_h: reg ? h(reg.hours) : null,
    reg_required_h: reg ? h(reg.requiredHours) : null,
    reg_missing: reg ? JSON.stringify(reg.reason ? [reg.reason] : reg.missing) : null,
    cycles,
  };
}
