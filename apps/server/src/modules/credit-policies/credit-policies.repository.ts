// SQL of the policy tools over the teachers: who a preview evaluates, and the recompute's batches
// (teacher rows locked so a batch never reads a ledger a writer is still changing).
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

function staff(db: Executor) {
  return db.selectFrom('teachers as t').innerJoin('users as u', 'u.id', 't.user_id').where('u.status', 'in', ['active', 'disabled']);
}

/** Teachers a preview counts: accounts that are staff (active or disabled). */
export async function countStaff(db: Executor): Promise<number> {
  return Number(
    (
      await staff(db)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export async function allStaffIds(db: Executor): Promise<number[]> {
  return (await staff(db).select('t.user_id').orderBy('t.user_id').execute()).map((r) => Number(r.user_id));
}

/** A repeatable random sample: BERNOULLI picks each row with the given chance, REPEATABLE keeps it between previews. */
export async function sampleStaffIds(db: Executor, percent: number, limit: number): Promise<number[]> {
  const rows = await sql<{ user_id: number }>`
    SELECT t.user_id FROM teachers t TABLESAMPLE BERNOULLI (${percent}) REPEATABLE (42)
    JOIN users u ON u.id = t.user_id WHERE u.status IN ('active', 'disabled') ORDER BY t.user_id LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => Number(r.user_id));
}

export async function countTeachers(db: Executor): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('teachers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The next batch of teacher ids in id order. */
export async function teacherIdsAfter(db: Executor, after: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('teachers').select('user_id').where('user_id', '>', after).orderBy('user_id').limit(limit).execute();
  return rows.map((r) => Number(r.user_id));
}

/** Locks the given teachers' rows, skipping those a ledger write holds; returns the ids locked. */
export async function lockTeachers(trx: Executor, ids: readonly number[]): Promise<number[]> {
  const r = await sql<{ user_id: number }>`
    SELECT user_id FROM teachers WHERE user_id = ANY(${[...ids]}::bigint[]) ORDER BY user_id FOR UPDATE SKIP LOCKED`.execute(trx);
  return r.rows.map((x) => Number(x.user_id));
}
