// 签到: the institution shows a rotating QR per session; a logged-in trainee scans it and is 已签到.
// Every refusal says why (expired, another class, not a trainee, not yet assigned); a second scan
// is not an error but «已签到过». The institution may also mark attendance by hand.
import QRCode from 'qrcode';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addEvents } from '../enrollments/events.ts';
import { checkCode, checkinCode, parseCheckinCode, STEP_MS } from './checkin-code.ts';
import { checkinWindow, outsideWindow } from './checkin-window.ts';
import { addCheckins, attendanceOf, enrollmentForScan, findCheckin, removeCheckins, sessionForScan } from './checkin.repository.ts';
import { ownClass, traineeNames } from './classes.repository.ts';
import { countSessionCheckins, findSession } from './sessions.repository.ts';
import { sessionView, sessionWhen } from './view.ts';

const ENROLLMENT_STATUS = { reviewing: '审核中', returned: '未通过审核', approved: '已通过审核、待分配班级', withdrawn: '已撤回' } as const;

async function ownSession(db: Executor, classId: number, sessionId: number) {
  const s = await findSession(db, classId, sessionId);
  if (!s) throw notFound('课程');
  return s;
}

/** The code of the current step, its URL and a PNG of the QR (rendered here: the web app needs no QR library). */
export async function currentCheckinCode(deps: Deps, ctx: ActorCtx, classId: number, sessionId: number, origin: string) {
  await ownClass(deps.db, ctx.actor, classId);
  const s = await ownSession(deps.db, classId, sessionId);
  const { code, expiresInMs } = checkinCode(s.id, s.checkin_secret);
  const url = `${origin}/space/checkin?c=${encodeURIComponent(code)}`;
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 480 });
  const checkedIn = await countSessionCheckins(deps.db, s.id);
  const closed = outsideWindow(s, deps.config.checkinWindow);
  const window = { ...checkinWindow(s, deps.config.checkinWindow), open: !closed, message: closed?.message ?? null };
  // the code itself is not audited: it would let an auditor sign anyone in for ten seconds
  return { code, url, qr, expiresInMs, stepMs: STEP_MS, session: sessionView(s), checkedIn, window };
}

const refuse = (status: number, code: string, message: string) => new AppError(status, code, message);

/** A trainee's scan. */
export async function checkIn(deps: Deps, ctx: ActorCtx, rawCode: string) {
  const actor = ctx.actor;
  const parsed = parseCheckinCode(rawCode);
  const INVALID = '签到码无效：请用手机扫描培训现场屏幕上的签到二维码';
  if (!parsed) throw refuse(400, 'CHECKIN_INVALID', INVALID);
  return deps.db.transaction().execute(async (trx) => {
    const s = await sessionForScan(trx, parsed.sessionId);
    const verdict = s ? checkCode(parsed, s.checkin_secret) : 'invalid';
    if (!s || verdict === 'invalid') throw refuse(400, 'CHECKIN_INVALID', INVALID);
    if (verdict === 'expired') throw refuse(400, 'CHECKIN_EXPIRED', '签到码已过期（二维码每 10 秒更新一次）：请重新扫描屏幕上最新的二维码');
    const closed = outsideWindow(s, deps.config.checkinWindow);
    if (closed) throw refuse(400, closed.code, closed.message);

    const e = await enrollmentForScan(trx, s.project_id, actor.userId);
    if (!e) throw refuse(403, 'NOT_IN_CLASS', `您不是「${s.project_name}」${s.class_name}的学员，不能签到`);
    if (e.status !== 'assigned' || e.class_id === null) {
      const st = e.status === 'assigned' ? '待分配班级' : ENROLLMENT_STATUS[e.status];
      throw refuse(403, 'NOT_ASSIGNED', `您报名的「${s.project_name}」尚未分配到班级（当前状态：${st}），暂不能签到`);
    }
    if (e.class_id !== s.class_id) {
      throw refuse(403, 'WRONG_CLASS', `这是${s.class_name}的签到码，您所在的班级是${e.class_name}，请扫描本班的签到二维码`);
    }
    const session = { ...sessionView(s), className: s.class_name, projectName: s.project_name };
    const [inserted] = await addCheckins(trx, { sessionId: s.id, enrollmentIds: [e.id], method: 'qr', byId: actor.userId });
    if (!inserted) {
      const prev = await findCheckin(trx, s.id, e.id);
      return { status: 'already' as const, message: '已签到过', at: prev.at, session };
    }
    await addEvents(trx, actor, [e.id], { action: 'checked_in', level: null, reason: `扫码签到：${s.topic}（${sessionWhen(s)}）` });
    await recordAudit(trx, ctx, {
      action: 'class.checkin',
      objectType: 'class_session',
      objectId: s.id,
      detail: { enrollmentId: e.id, method: 'qr' },
    });
    return { status: 'checked_in' as const, message: '签到成功', at: inserted.at, session };
  });
}

/** One session's attendance: every trainee with whether (and how) they are checked in. */
export async function sessionCheckins(deps: Deps, ctx: ActorCtx, classId: number, sessionId: number) {
  await ownClass(deps.db, ctx.actor, classId);
  const s = await ownSession(deps.db, classId, sessionId);
  const rows = await attendanceOf(deps.db, classId, sessionId);
  return {
    session: sessionView(s),
    items: rows.map((r) => ({
      enrollmentId: r.id,
      name: r.name,
      schoolName: r.school_name,
      checkedIn: !!r.at,
      at: r.at ?? null,
      method: r.method ?? null,
    })),
  };
}

/** 手工签到 (or its undoing): only trainees of this class; the whole list or nothing. */
export async function markCheckins(
  deps: Deps,
  ctx: ActorCtx,
  classId: number,
  sessionId: number,
  input: { enrollmentIds: number[]; present: boolean },
) {
  const actor = ctx.actor;
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, actor, classId, true);
    const s = await ownSession(trx, classId, sessionId);
    const ids = [...new Set(input.enrollmentIds)];
    const found = await traineeNames(trx, classId, ids);
    const stranger = ids.filter((id) => !found.some((f) => f.id === id));
    if (stranger.length) throw invalid(`学员编号 ${stranger.join('、')} 不是本班学员，未作任何修改`);
    let changed: number[];
    if (input.present) {
      const rows = await addCheckins(trx, { sessionId: s.id, enrollmentIds: ids, method: 'manual', byId: actor.userId });
      changed = rows.map((r) => r.enrollment_id);
      const who = { userId: actor.userId, name: c.institution_name };
      await addEvents(trx, who, changed, { action: 'checked_in', level: null, reason: `手工签到：${s.topic}（${sessionWhen(s)}）` });
    } else {
      changed = await removeCheckins(trx, s.id, ids);
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
