// 课程安排: the sessions of a class (time, place, topic, lecturer). A session lies within the
// project's dates (in China time) and ends after it starts; one with check-ins cannot be deleted,
// since the check-ins are the trainees' attendance record.
import type { classSchedule } from '@shixun/contracts';
import type { z } from 'zod';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { newCheckinSecret } from './checkin-code.ts';
import { countTrainees, ownClass, sessionsOf, type ClassRow } from './classes.repository.ts';
import {
  checkinsPerSession,
  countSessionCheckins,
  deleteSessionRow,
  insertSession,
  lockSession,
  updateSessionRow,
} from './sessions.repository.ts';
import { chinaDay, sessionView } from './view.ts';

export type SessionInput = z.output<typeof classSchedule.sessionBody>;

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
  const byId = await checkinsPerSession(db, classId);
  return rows.map((r) => ({ ...sessionView(r), checkedIn: byId.get(r.id) ?? 0 }));
}

export async function listSessions(deps: Deps, ctx: ActorCtx, classId: number) {
  const c = await ownClass(deps.db, ctx.actor, classId);
  const trainees = await countTrainees(deps.db, classId);
  return { items: await sessionsWithCounts(deps.db, classId), trainees, startDate: c.start_date, endDate: c.end_date };
}

export async function createSession(deps: Deps, ctx: ActorCtx, classId: number, input: SessionInput) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor, classId, true);
    const { start, end } = checkSession(c, input);
    const s = await insertSession(trx, classId, {
      starts_at: start,
      ends_at: end,
      place: input.place,
      topic: input.topic,
      lecturer: input.lecturer,
      checkin_secret: newCheckinSecret(),
    });
    await recordAudit(trx, ctx, {
      action: 'class.session.create',
      objectType: 'class_session',
      objectId: s.id,
      detail: { classId, topic: s.topic, startsAt: start.toISOString() },
    });
    return { session: { ...sessionView(s), checkedIn: 0 } };
  });
}

export async function updateSession(deps: Deps, ctx: ActorCtx, classId: number, sessionId: number, input: SessionInput) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor, classId, true);
    const { start, end } = checkSession(c, input);
    const s = await updateSessionRow(trx, classId, sessionId, {
      starts_at: start,
      ends_at: end,
      place: input.place,
      topic: input.topic,
      lecturer: input.lecturer,
    });
    if (!s) throw notFound('课程');
    await recordAudit(trx, ctx, {
      action: 'class.session.update',
      objectType: 'class_session',
      objectId: s.id,
      detail: { classId, topic: s.topic, startsAt: start.toISOString() },
    });
    return { session: { ...sessionView(s), checkedIn: await countSessionCheckins(trx, s.id) } };
  });
}

export async function deleteSession(deps: Deps, ctx: ActorCtx, classId: number, sessionId: number) {
  return deps.db.transaction().execute(async (trx) => {
    await ownClass(trx, ctx.actor, classId, true);
    const s = await lockSession(trx, classId, sessionId);
    if (!s) throw notFound('课程');
    const n = await countSessionCheckins(trx, sessionId);
    if (n > 0) throw conflict(`该课程已有 ${n} 人签到，签到记录是学员的出勤凭据，不能删除；如需调整请修改课程的时间或地点`);
    await deleteSessionRow(trx, sessionId);
    await recordAudit(trx, ctx, {
      action: 'class.session.delete',
      objectType: 'class_session',
      objectId: sessionId,
      detail: { classId, topic: s.topic },
    });
    return { ok: true as const };
  });
}
