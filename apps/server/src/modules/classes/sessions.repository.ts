// SQL of a class's sessions (课程安排) and their check-ins (签到). Callers have already resolved the
// class through ownClass (the institution's own), so every query here is bounded by that class.
import type { Executor } from '../../context.ts';

const SESSION_COLUMNS = ['id', 'starts_at', 'ends_at', 'place', 'topic', 'lecturer'] as const;

export interface SessionValues {
  starts_at: Date;
  ends_at: Date;
  place: string;
  topic: string;
  lecturer: string;
}

/** A session of the class (with its check-in secret), or undefined. */
export function findSession(db: Executor, classId: number, sessionId: number) {
  return db
    .selectFrom('class_sessions')
    .select(['id', 'class_id', 'starts_at', 'ends_at', 'place', 'topic', 'lecturer', 'checkin_secret'])
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
}

/** Checked-in trainees per session of the class. */
export async function checkinsPerSession(db: Executor, classId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('checkins as k')
    .innerJoin('class_sessions as cs', 'cs.id', 'k.session_id')
    .select(['k.session_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cs.class_id', '=', classId)
    .groupBy('k.session_id')
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}

export async function countSessionCheckins(db: Executor, sessionId: number): Promise<number> {
  const r = await db
    .selectFrom('checkins')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countSessions(db: Executor, classId: number): Promise<number> {
  const r = await db
    .selectFrom('class_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertSession(trx: Executor, classId: number, v: SessionValues & { checkin_secret: string }) {
  return trx
    .insertInto('class_sessions')
    .values({ class_id: classId, ...v })
    .returning(SESSION_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateSessionRow(trx: Executor, classId: number, sessionId: number, v: SessionValues) {
  return trx
    .updateTable('class_sessions')
    .set(v)
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .returning(SESSION_COLUMNS)
    .executeTakeFirst();
}

/** The session locked for its deletion, or undefined. */
export function lockSession(trx: Executor, classId: number, sessionId: number) {
  return trx
    .selectFrom('class_sessions')
    .select(['id', 'topic'])
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteSessionRow(trx: Executor, sessionId: number) {
  await trx.deleteFrom('class_sessions').where('id', '=', sessionId).execute();
}
