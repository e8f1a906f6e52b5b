// SQL of 学分银行: reads only. The ledger (credit_entries) belongs to the credits module and is never
// written here; every query names the teacher, whom the service has resolved (self, or in the admin's scope).
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import type { CreditEntryTable } from '../../db/types.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

export interface BankFilter {
  year?: number;
  source?: CreditEntryTable['source'];
  category?: string;
}

const ENTRY_COLUMNS = [
  'e.id',
  'e.entry_date',
  'e.year',
  'e.category',
  'e.form',
  'e.amount_h',
  'e.hours_h',
  'e.title',
  'e.source',
  'e.level',
  'e.certifier_name',
  'e.certifier_unit',
  'e.reversal_of',
  'e.reason',
  'e.created_at',
  'r.id as reversed_by_id',
  'r.entry_date as reversed_on',
  'r.reason as reversed_reason',
] as const;

function filtered(db: Executor, teacherId: number, f: BankFilter) {
  let q = db
    .selectFrom('credit_entries as e')
    .leftJoin('credit_entries as r', 'r.reversal_of', 'e.id')
    .where('e.teacher_id', '=', teacherId);
  if (f.year !== undefined) q = q.where('e.year', '=', f.year);
  if (f.source !== undefined) q = q.where('e.source', '=', f.source);
  if (f.category !== undefined) q = q.where('e.category', '=', f.category);
  return q;
}

/** A page of the teacher's entries (newest first) with the filtered count and sums. */
export async function bankEntries(db: Executor, teacherId: number, f: BankFilter, page: { page: number; pageSize: number }) {
  const q = filtered(db, teacherId, f);
  const [rows, agg] = await Promise.all([
    q
      .select(ENTRY_COLUMNS)
      .orderBy('e.entry_date', 'desc')
      .orderBy('e.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q
      .select((eb) => [
        eb.fn.countAll<string | number>().as('n'),
        eb.fn.sum<string | number | null>('e.amount_h').as('amount_h'),
        eb.fn.sum<string | number | null>('e.hours_h').as('hours_h'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, count: Number(agg.n), amountH: Number(agg.amount_h ?? 0), hoursH: Number(agg.hours_h ?? 0) };
}
export type BankEntryRow = Awaited<ReturnType<typeof bankEntries>>['rows'][number];

/** Every filtered entry, oldest first, a batch after a cursor at a time (the exports). */
export function bankBatch(db: Executor, teacherId: number, f: BankFilter, after: { date: string; id: number } | null, limit: number) {
  let q = filtered(db, teacherId, f).select(ENTRY_COLUMNS);
  if (after)
    q = q.where((eb) =>
      eb.or([eb('e.entry_date', '>', after.date), eb.and([eb('e.entry_date', '=', after.date), eb('e.id', '>', after.id)])]),
    );
  return q.orderBy('e.entry_date').orderBy('e.id').limit(limit).execute();
}

/** The teacher's ledger summed by year × source × category (a teacher has at most a few hundred such groups). */
export async function bankGroups(db: Executor, teacherId: number) {
  const rows = await db
    .selectFrom('credit_entries')
    .select((eb) => [
      'year',
      'source',
      'category',
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.sum<string | number>('amount_h').as('amount_h'),
      eb.fn.sum<string | number | null>('hours_h').as('hours_h'),
    ])
    .where('teacher_id', '=', teacherId)
    .groupBy(['year', 'source', 'category'])
    .execute();
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    category: r.category,
    entries: Number(r.n),
    amountH: Number(r.amount_h),
    hoursH: Number(r.hours_h ?? 0),
  }));
}

/** The teacher as a bank's heading names them; undefined when there is no such teacher. */
export function bankHolder(db: Executor, teacherId: number) {
  return db
    .selectFrom('teachers as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.user_id as id', 'u.name', 'u.id_number'])
    .where('t.user_id', '=', teacherId)
    .executeTakeFirst();
}

/** A teacher inside an admin's scope (undefined: no such teacher, or out of scope: the same 404). */
export function bankHolderInScope(db: Executor, scope: ScopeFilter, teacherId: number) {
  return teachersInScope(db, scope)
    .select(['t.user_id as id', 'u.name', 'u.id_number'])
    .where('t.user_id', '=', teacherId)
    .executeTakeFirst();
}
