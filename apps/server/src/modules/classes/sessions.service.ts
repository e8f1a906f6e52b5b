// 课程安排: the sessions of a class (time, place, topic, lecturer). A session lies within the
// project's dates (in China time) and ends after it starts; one with check-ins cannot be deleted,
// since the check-ins are the trainees' attendance record.
import { z } from 'zod';
import type { Deps, Executor, RequestCtx } from '../../context.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { newCheckinSecret } from './checkin-code.ts';
import { ownClass, sessionsOf, type ClassRow } from './classes.repository.ts';
import { chinaDay, sessionView } from './view.ts';

const when = (label: string) => z.string({ error: `请填写${label}` }).datetime({ offset: true, error: `${label}格式不正确` });
export const sessionBody = z.object({
  startsAt: when('开始时间'),
  endsAt: when('结束时间'),
  place: z.string().trim().max(100, '地点不能超过 100 个字').default(''),
  topic: z.string({ error: '请填写课程主题' }).trim().min(1, '请填写课程主题').max(100, '课程主题不能超过 100 个字'),
  lecturer: z.string().trim().max(50, '主讲人不能超过 50 个字').default(''),
});
export type SessionInput = z.infer<typeof sessionBody>;

const MAX_SESSION_MS = 24 * 3600_000;

/** Says in Chinese why a session does not fit, or returns its two instants. */
export function checkSession(c: Pick<ClassRow, 'start_date' | 'end_date'>, s: SessionInput) {
  const start = new Date(s.startsAt),
    end = new Date(s.endsAt);
  if (end.getTime() <= start.getTime()) throw invalid('结束时间必须晚于开始时间', { endsAt: '结束时间必须晚于开始时间' });
  if (end.getTime() - start.getTime() > MAX_SESSION_MS)
    throw invalid('一次课程不能超过 24 小时，跨天的培训请按天分别安排', { endsAt: '超过 24 小时' });
  if (chinaDay(start) < c.start_date) {
    throw invalid(`课程开始时间（${chinaDay(start)}）早于项目开始日期 ${c.start_date}，课程须安排在项目的培训时间内`, {
      startsAt: '早于项目开始日期',
    });
  }
  if (chinaDay(end) > c.end_date) {
    throw invalid(`课程结束时间（${chinaDay(end)}）晚于项目结束日期 ${c.end_date}，课程须安排在项目的培训时间内`, {
      endsAt: '晚于项目结束日期',
    });
  }
  return { start, end };
}

export async function sessionsWithCounts(db: Executor, classId: number) {
  const rows = await sessionsOf(db, classId);
  const counts = await db
    .selectFrom('checkins as k')
    .innerJoin('class_sessions as cs', 'cs.id', 'k.session_id')
    .select(['k.session_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cs.class_id', '=', classId)
    .groupBy('k.session_id')
    .execute();
  const byId = new Map(counts.map((r) => [r.session_id, Number(r.n)]));
  return rows.map((r) => ({ ...sessionView(r), checkedIn: byId.get(r.id) ?? 0 }));
}

export async function listSessions(deps: Deps, ctx: RequestCtx, classId: number) {
  const c = await ownClass(deps.db, ctx.actor!, classId);
  const trainees = await deps.db
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('status', '=', 'assigned')
    .executeTakeFirstOrThrow();
  return { items: await sessionsWithCounts(deps.db, classId), trainees: Number(trainees.n), startDate: c.start_date, endDate: c.end_date };
}

export async function createSession(deps: Deps, ctx: RequestCtx, classId: number, input: SessionInput) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor!, classId, true);
    const { start, end } = checkSession(c, input);
    const s = await trx
      .insertInto('class_sessions')
      .values({
        class_id: classId,
        starts_at: start,
        ends_at: end,
        place: input.place,
        topic: input.topic,
        lecturer: input.lecturer,
        checkin_secret: newCheckinSecret(),
      })
      .returning(['id', 'starts_at', 'ends_at', 'place', 'topic', 'lecturer'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'class.session.create',
      objectType: 'class_session',
      objectId: s.id,
      detail: { classId, topic: s.topic, startsAt: start.toISOString() },
    });
    return { session: { ...sessionView(s), checkedIn: 0 } };
  });
}

export async function updateSession(deps: Deps, ctx: RequestCtx, classId: number, sessionId: number, input: SessionInput) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor!, classId, true);
    const { start, end } = checkSession(c, input);
    const s = await trx
      .updateTable('class_sessions')
      .set({ starts_at: start, ends_at: end, place: input.place, topic: input.topic, lecturer: input.lecturer })
      .where('id', '=', sessionId)
      .where('class_id', '=', classId)
      .returning(['id', 'starts_at', 'ends_at', 'place', 'topic', 'lecturer'])
      .executeTakeFirst();
    if (!s) throw notFound('课程');
    await recordAudit(trx, ctx, {
      action: 'class.session.update',
      objectType: 'class_session',
      objectId: s.id,
      detail: { classId, topic: s.topic, startsAt: start.toISOString() },
    });
    const n = await trx
      .selectFrom('checkins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', s.id)
      .executeTakeFirstOrThrow();
    return { session: { ...sessionView(s), checkedIn: Number(n.n) } };
  });
}

export async function deleteSession(deps: Deps, ctx: RequestCtx, classId: number, sessionId: number) {
  return deps.db.transaction().execute(async (trx) => {
    await ownClass(trx, ctx.actor!, classId, true);
    const s = await trx
      .selectFrom('class_sessions')
      .select(['id', 'topic'])
      .where('id', '=', sessionId)
      .where('class_id', '=', classId)
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw notFound('课程');
    const n = Number(
      (
        await trx
          .selectFrom('checkins')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('session_id', '=', sessionId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (n > 0) throw conflict(`该课程已有 ${n} 人签到，签到记录是学员的出勤凭据，不能删除；如需调整请修改课程的时间或地点`);
    await trx.deleteFrom('class_sessions').where('id', '=', sessionId).execute();
    await recordAudit(trx, ctx, {
      action: 'class.session.delete',
      objectType: 'class_session',
      objectId: sessionId,
      detail: { classId, topic: s.topic },
    });
    return { ok: true as const };
  });
}
