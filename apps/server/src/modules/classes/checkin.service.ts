// 签到: the institution shows a rotating QR per session; a logged-in trainee scans it and is 已签到.
// Every refusal says why (expired, another class, not a trainee, not yet assigned); a second scan
// is not an error but «已签到过». The institution may also mark attendance by hand.
import QRCode from 'qrcode';
import type { Deps, Executor, RequestCtx } from '../../context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkCode, checkinCode, parseCheckinCode, STEP_MS } from './checkin-code.ts';
import { ownClass, traineesOf } from './classes.repository.ts';
import { sessionView, sessionWhen } from './view.ts';

const ENROLLMENT_STATUS = { reviewing: '审核中', returned: '未通过审核', approved: '已通过审核、待分配班级', withdrawn: '已撤回' } as const;

async function ownSession(db: Executor, classId: number, sessionId: number) {
  const s = await db
    .selectFrom('class_sessions')
    .select(['id', 'class_id', 'starts_at', 'ends_at', 'place', 'topic', 'lecturer', 'checkin_secret'])
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!s) throw notFound('课程');
  return s;
}

/** The code of the current step, its URL and a PNG of the QR (rendered here: the web app needs no QR library). */
export async function currentCheckinCode(deps: Deps, ctx: RequestCtx, classId: number, sessionId: number, origin: string) {
  await ownClass(deps.db, ctx.actor!, classId);
  const s = await ownSession(deps.db, classId, sessionId);
  const { code, expiresInMs } = checkinCode(s.id, s.checkin_secret);
  const url = `${origin}/space/checkin?c=${encodeURIComponent(code)}`;
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 480 });
  const n = await deps.db
    .selectFrom('checkins')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', s.id)
    .executeTakeFirstOrThrow();
  // the code itself is not audited: it would let an auditor sign anyone in for ten seconds
  return { code, url, qr, expiresInMs, stepMs: STEP_MS, session: sessionView(s), checkedIn: Number(n.n) };
}

const refuse = (status: number, code: string, message: string) => new AppError(status, code, message);

/** A trainee's scan. */
export async function checkIn(deps: Deps, ctx: RequestCtx, rawCode: string) {
  const actor = ctx.actor!;
  const parsed = parseCheckinCode(rawCode);
  const INVALID = '签到码无效：请用手机扫描培训现场屏幕上的签到二维码';
  if (!parsed) throw refuse(400, 'CHECKIN_INVALID', INVALID);
  return deps.db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('class_sessions as cs')
      .innerJoin('training_classes as c', 'c.id', 'cs.class_id')
      .innerJoin('projects as p', 'p.id', 'c.project_id')
      .select([
        'cs.id',
        'cs.class_id',
        'cs.starts_at',
        'cs.ends_at',
        'cs.place',
        'cs.topic',
        'cs.lecturer',
        'cs.checkin_secret',
        'c.name as class_name',
        'c.project_id',
        'p.name as project_name',
      ])
      .where('cs.id', '=', parsed.sessionId)
      .executeTakeFirst();
    const verdict = s ? checkCode(parsed, s.checkin_secret) : 'invalid';
    if (!s || verdict === 'invalid') throw refuse(400, 'CHECKIN_INVALID', INVALID);
    if (verdict === 'expired') throw refuse(400, 'CHECKIN_EXPIRED', '签到码已过期（二维码每 10 秒更新一次）：请重新扫描屏幕上最新的二维码');

    const e = await trx
      .selectFrom('enrollments as e')
      .leftJoin('training_classes as c', 'c.id', 'e.class_id')
      .select(['e.id', 'e.status', 'e.class_id', 'c.name as class_name'])
      .where('e.project_id', '=', s.project_id)
      .where('e.teacher_id', '=', actor.userId)
      .executeTakeFirst();
    if (!e) throw refuse(403, 'NOT_IN_CLASS', `您不是「${s.project_name}」${s.class_name}的学员，不能签到`);
    if (e.status !== 'assigned' || e.class_id === null) {
      const st = e.status === 'assigned' ? '待分配班级' : ENROLLMENT_STATUS[e.status];
      throw refuse(403, 'NOT_ASSIGNED', `您报名的「${s.project_name}」尚未分配到班级（当前状态：${st}），暂不能签到`);
    }
    if (e.class_id !== s.class_id) {
      throw refuse(403, 'WRONG_CLASS', `这是${s.class_name}的签到码，您所在的班级是${e.class_name}，请扫描本班的签到二维码`);
    }
    const session = { ...sessionView(s), className: s.class_name, projectName: s.project_name };
    const inserted = await trx
      .insertInto('checkins')
      .values({ session_id: s.id, enrollment_id: e.id, method: 'qr', by_id: actor.userId })
      .onConflict((oc) => oc.columns(['session_id', 'enrollment_id']).doNothing())
      .returning('at')
      .executeTakeFirst();
    if (!inserted) {
      const prev = await trx
        .selectFrom('checkins')
        .select(['at', 'method'])
        .where('session_id', '=', s.id)
        .where('enrollment_id', '=', e.id)
        .executeTakeFirstOrThrow();
      return { status: 'already' as const, message: '已签到过', at: prev.at.toISOString(), session };
    }
    await trx
      .insertInto('enrollment_events')
      .values({
        enrollment_id: e.id,
        action: 'checked_in',
        level: null,
        actor_id: actor.userId,
        actor_name: actor.name,
        reason: `扫码签到：${s.topic}（${sessionWhen(s)}）`,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'class.checkin',
      objectType: 'class_session',
      objectId: s.id,
      detail: { enrollmentId: e.id, method: 'qr' },
    });
    return { status: 'checked_in' as const, message: '签到成功', at: inserted.at.toISOString(), session };
  });
}

/** One session's attendance: every trainee with whether (and how) they are checked in. */
export async function sessionCheckins(deps: Deps, ctx: RequestCtx, classId: number, sessionId: number) {
  await ownClass(deps.db, ctx.actor!, classId);
  const s = await ownSession(deps.db, classId, sessionId);
  const rows = await traineesOf(deps.db, classId)
    .leftJoin('checkins as k', (j) => j.onRef('k.enrollment_id', '=', 'e.id').on('k.session_id', '=', sessionId))
    .select(['e.id', 'u.name', 's.name as school_name', 'k.at', 'k.method'])
    .orderBy('e.id')
    .execute();
  return {
    session: sessionView(s),
    items: rows.map((r) => ({
      enrollmentId: r.id,
      name: r.name,
      schoolName: r.school_name,
      checkedIn: !!r.at,
      at: r.at?.toISOString() ?? null,
      method: r.method ?? null,
    })),
  };
}

/** 手工签到 (or its undoing): only trainees of this class; the whole list or nothing. */
export async function markCheckins(
  deps: Deps,
  ctx: RequestCtx,
  classId: number,
  sessionId: number,
  input: { enrollmentIds: number[]; present: boolean },
) {
  const actor = ctx.actor!;
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, actor, classId, true);
    const s = await ownSession(trx, classId, sessionId);
    const ids = [...new Set(input.enrollmentIds)];
    const found = await traineesOf(trx, classId).select(['e.id', 'u.name']).where('e.id', 'in', ids).execute();
    const stranger = ids.filter((id) => !found.some((f) => f.id === id));
    if (stranger.length) throw invalid(`学员编号 ${stranger.join('、')} 不是本班学员，未作任何修改`);
    let changed: number[];
    if (input.present) {
      const rows = await trx
        .insertInto('checkins')
        .values(ids.map((id) => ({ session_id: s.id, enrollment_id: id, method: 'manual' as const, by_id: actor.userId })))
        .onConflict((oc) => oc.columns(['session_id', 'enrollment_id']).doNothing())
        .returning('enrollment_id')
        .execute();
      changed = rows.map((r) => r.enrollment_id);
      if (changed.length) {
        await trx
          .insertInto('enrollment_events')
          .values(
            changed.map((id) => ({
              enrollment_id: id,
              action: 'checked_in' as const,
              level: null,
              actor_id: actor.userId,
              actor_name: c.institution_name,
              reason: `手工签到：${s.topic}（${sessionWhen(s)}）`,
            })),
          )
          .execute();
      }
    } else {
      const rows = await trx
        .deleteFrom('checkins')
        .where('session_id', '=', s.id)
        .where('enrollment_id', 'in', ids)
        .returning('enrollment_id')
        .execute();
      changed = rows.map((r) => r.enrollment_id);
    }
    if (changed.length) {
      await recordAudit(trx, ctx, {
        action: input.present ? 'class.checkin.mark' : 'class.checkin.unmark',
        objectType: 'class_session',
        objectId: s.id,
        detail: { classId, enrollmentIds: changed },
      });
    }
    return { changed: changed.length, unchanged: ids.length - changed.length };
  });
}
