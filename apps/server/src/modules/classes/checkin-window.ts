// When a session's check-in QR is accepted: from `minutesBefore` its start to `minutesAfter` its end
// (config.ts, checkinWindow; 30 minutes before to the end by default). The rotating code alone would
// let a screen shown on another day sign people in for a session held the day before.
import type { Config } from '../../config.ts';
import { chinaDay, chinaTime } from './view.ts';

interface Timed {
  starts_at: Date;
  ends_at: Date;
}

export function checkinWindow(s: Timed, w: Config['checkinWindow']) {
  return {
    opensAt: new Date(s.starts_at.getTime() - w.minutesBefore * 60_000),
    closesAt: new Date(s.ends_at.getTime() + w.minutesAfter * 60_000),
  };
}

const at = (d: Date, ref: Date) => (chinaDay(d) === chinaDay(ref) ? chinaTime(d) : `${chinaDay(d)} ${chinaTime(d)}`);

/** null inside the window; otherwise a stable code and a Chinese sentence that says what to do. */
export function outsideWindow(s: Timed, w: Config['checkinWindow'], now = new Date()) {
  const { opensAt, closesAt } = checkinWindow(s, w);
  if (now < opensAt) {
    return {
      code: 'CHECKIN_NOT_OPEN' as const,
      message: `签到尚未开始：本次课程 ${chinaDay(s.starts_at)} ${chinaTime(s.starts_at)} 开始，${at(opensAt, now)} 起可以扫码签到`,
    };
  }
  if (now > closesAt) {
    return {
      code: 'CHECKIN_CLOSED' as const,
      message: `签到已结束：本次课程（${chinaDay(s.starts_at)} ${chinaTime(s.starts_at)}–${chinaTime(s.ends_at)}）的扫码签到已于 ${at(closesAt, now)} 截止；如确实到场，请联系承培机构补签`,
    };
  }
  return null;
}
