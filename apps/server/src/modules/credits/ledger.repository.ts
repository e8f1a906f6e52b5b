// SQL of the credit ledger: entries are appended (never edited), a reversal points at its original,
// and credit_summaries keeps per-teacher sums in step with every write.
import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { Database } from '../../db/types.ts';

type NewEntryRow = Insertable<Database['credit_entries']>;

export function teacherSchoolOf(trx: Executor, teacherId: number) {
  return trx.selectFrom('teachers').select(['user_id', 'school_id']).where('user_id', '=', teacherId).executeTakeFirst();
}

/** The new entry's id, or undefined when its source key was posted before. */
export async function insertEntryOnce(trx: Executor, row: NewEntryRow): Promise<number | undefined> {
  const r = await trx
    .insertInto('credit_entries')
    .values(row)
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

export async function entryIdByKey(trx: Executor, sourceKey: string): Promise<number> {
  return (await trx.selectFrom('credit_entries').select('id').where('source_key', '=', sourceKey).executeTakeFirstOrThrow()).id;
}

export function entryById(trx: Executor, id: number) {
  return trx.selectFrom('credit_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isReversed(trx: Executor, entryId: number): Promise<boolean> {
  return !!(await trx.selectFrom('credit_entries').select('id').where('reversal_of', '=', entryId).executeTakeFirst());
}

export async function insertEntry(trx: Executor, row: NewEntryRow): Promise<number> {
  return (await trx.insertInto('credit_entries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function addToSummary(
  trx: Executor,
  teacherId: number,
  k: { year: number; category: string; form: string; level: string },
  amountH: number,
  hoursH: number,
  entries: number,
) {
  await trx
    .insertInto('credit_summaries')
    .values({
      teacher_id: teacherId,
      year: k.year,
      category: k.category,
      form: k.form,
      level: k.level,
      amount_h: amountH,
      hours_h: hoursH,
      entries,
    })
    .onConflict((oc) =>
      oc.columns(['teacher_id', 'year', 'category', 'form', 'level']).doUpdateSet({
        amount_h: sql`credit_summaries.amount_h + excluded.amount_h`,
        hours_h: sql`credit_summaries.hours_h + excluded.hours_h`,
        entries: sql`credit_summaries.entries + excluded.entries`,
      }),
    )
    .execute();
}
