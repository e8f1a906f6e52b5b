// SQL of bulk posting (ledger-bulk.ts): many entries and summary increments per statement.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { Database } from '../../db/types.ts';

type NewEntryRow = Insertable<Database['credit_entries']>;
export interface SummaryIncrement {
  teacher_id: number;
  year: number;
  category: string;
  form: string;
  level: string;
  amount_h: number;
  hours_h: number;
  entries: number;
}

export function teacherSchoolsOf(trx: Executor, ids: readonly number[]) {
  return trx
    .selectFrom('teachers')
    .select(['user_id', 'school_id'])
    .where(sql<boolean>`user_id = ANY(${sql`${[...ids]}::bigint[]`})`)
    .execute();
}

/** Inserts the rows (one statement); a row whose source key was posted before is skipped. */
export function insertEntriesOnce(trx: Executor, rows: NewEntryRow[]) {
  return trx
    .insertInto('credit_entries')
    .values(rows)
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning(['id', 'source_key'])
    .execute();
}

/** addToSummary (ledger.repository.ts) for many keys at once; each key appears once in `rows`. */
export async function addToSummaries(trx: Executor, rows: SummaryIncrement[]): Promise<void> {
  if (!rows.length) return;
  await trx
    .insertInto('credit_summaries')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['teacher_id', 'year', 'category', 'form', 'level']).doUpdateSet({
        amount_h: sql`credit_summaries.amount_h + excluded.amount_h`,
        hours_h: sql`credit_summaries.hours_h + excluded.hours_h`,
        entries: sql`credit_summaries.entries + excluded.entries`,
      }),
    )
    .execute();
}
