// SQL behind a teacher's standing: the facts the engine evaluates (teacher row and ledger entries),
// one at a time or in batches, and credit_standings, the stored result the reports group.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

const FACT_COLUMNS = ['id', 'entry_date', 'year', 'category', 'form', 'amount_h', 'hours_h', 'level', 'reversal_of'] as const;

export function teacherFactRow(db: Executor, teacherId: number) {
  return db.selectFrom('teachers').select(['hire_date', 'personnel_status']).where('user_id', '=', teacherId).executeTakeFirst();
}

export function entryFactRows(db: Executor, teacherId: number) {
  return db.selectFrom('credit_entries').select(FACT_COLUMNS).where('teacher_id', '=', teacherId).orderBy('id').execute();
}

// one after the other: `db` may be a transaction, which has a single connection
export function teacherFactRows(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('teachers')
    .select(['user_id', 'hire_date', 'personnel_status'])
    .where(sql<boolean>`user_id = ANY(${sql`${[...ids]}::bigint[]`})`)
    .orderBy('user_id')
    .execute();
}

export function entryFactRowsOf(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('credit_entries')
    .select(['teacher_id', ...FACT_COLUMNS])
    .where(sql<boolean>`teacher_id = ANY(${sql`${[...ids]}::bigint[]`})`)
    .orderBy('id')
    .execute();
}

export interface StandingRow {
  teacher_id: number;
  policy_version: number;
  cycle_id: string;
  assessed: boolean;
  compliant: boolean;
  earned_h: number;
  required_h: number;
  by_category: string;
  missing: string;
  as_of: string;
  reg_status: 'eligible' | 'in_progress' | 'ineligible' | 'not_assessed' | null;
  reg_anchor: 'registration' | 'hire' | null;
  reg_start: string | null;
  reg_end: string | null;
  reg_hours_h: number | null;
  reg_required_h: number | null;
  reg_missing: string | null;
  /** The teacher's result in each cycle begun (credit_cycle_standings). */
  cycles: CycleStandingRow[];
}

export interface CycleStandingRow {
  cycle_id: string;
  teacher_id: number;
  policy_version: number;
  years: number;
  compliant: boolean;
  earned_h: number;
  required_h: number;
  by_category: string;
  missing: string;
  as_of: string;
}

/** Upserts standings and their per-cycle rows (inside the caller's transaction). */
export async function writeStandings(trx: Executor, rows: StandingRow[]): Promise<void> {
  if (!rows.length) return;
  const cycles = rows.flatMap((r) => r.cycles);
  // a cycle the teacher no longer has (a rolling window moved, a policy without it) must not linger
  await trx
    .deleteFrom('credit_cycle_standings')
    .where(sql<boolean>`teacher_id = ANY(${sql`${rows.map((r) => r.teacher_id)}::int[]`})`)
    .execute();
  for (let i = 0; i < cycles.length; i += 2000)
    await trx
      .insertInto('credit_cycle_standings')
      .values(cycles.slice(i, i + 2000))
      .execute();
  await trx
    .insertInto('credit_standings')
    .values(rows.map(({ cycles: _c, ...r }) => r))
    .onConflict((oc) =>
      oc.column('teacher_id').doUpdateSet((eb) => ({
        policy_version: eb.ref('excluded.policy_version'),
        cycle_id: eb.ref('excluded.cycle_id'),
        assessed: eb.ref('excluded.assessed'),
        compliant: eb.ref('excluded.compliant'),
        earned_h: eb.ref('excluded.earned_h'),
        required_h: eb.ref('excluded.required_h'),
        by_category: eb.ref('excluded.by_category'),
        missing: eb.ref('excluded.missing'),
        as_of: eb.ref('excluded.as_of'),
        reg_status: eb.ref('excluded.reg_status'),
        reg_anchor: eb.ref('excluded.reg_anchor'),
        reg_start: eb.ref('excluded.reg_start'),
        reg_end: eb.ref('excluded.reg_end'),
        reg_hours_h: eb.ref('excluded.reg_hours_h'),
        reg_required_h: eb.ref('excluded.reg_required_h'),
        reg_missing: eb.ref('excluded.reg_missing'),
        computed_at: sql`now()`,
      })),
    )
    .execute();
}

/** Teachers without a standing row yet (the demo seed gives them one). */
export async function teachersWithoutStanding(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('teachers as t')
    .leftJoin('credit_standings as cs', 'cs.teacher_id', 't.user_id')
    .select('t.user_id')
    .where('cs.teacher_id', 'is', null)
    .orderBy('t.user_id')
    .execute();
  return rows.map((r) => Number(r.user_id));
}
