// 教师资格注册日期: part of the teacher's record, with its history (migration 015). The credit engine
// anchors each teacher's 定期注册 window at the latest date on or before the day it judges.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

/** Every registration date of the given teachers, oldest first. */
export async function registrationDatesOf(db: Executor, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('teacher_registrations')
    .select(['teacher_id', 'registered_on'])
    .where(sql<boolean>`teacher_id = ANY(${sql`${[...ids]}::int[]`})`)
    .orderBy('teacher_id')
    .orderBy('registered_on')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.teacher_id)) ?? [];
    list.push(r.registered_on);
    out.set(Number(r.teacher_id), list);
  }
  return out;
}

export function registrationHistory(db: Executor, teacherId: number) {
  return db
    .selectFrom('teacher_registrations')
    .select(['id', 'registered_on', 'note', 'recorded_at'])
    .where('teacher_id', '=', teacherId)
    .orderBy('registered_on', 'desc')
    .execute();
}

/** Adds a registration date (a date already on record is kept as it is): true when added. */
export async function insertRegistration(
  db: Executor,
  r: { teacherId: number; registeredOn: string; note: string | null; recordedBy: number | null },
): Promise<boolean> {
  const res = await db
    .insertInto('teacher_registrations')
    .values({ teacher_id: r.teacherId, registered_on: r.registeredOn, note: r.note, recorded_by: r.recordedBy })
    .onConflict((oc) => oc.columns(['teacher_id', 'registered_on']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
