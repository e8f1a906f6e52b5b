import { PROFILE_FIELDS, type ProfileField } from '@shixun/domain';
import type { ProfileValue } from './api/types.ts';

// Times: every moment is shown in the deployment's time zone (Asia/Shanghai unless the server's
// timeZone setting says otherwise, read from /api/public/config by ZoneGate before the pages render),
// never in the browser's own zone — a teacher abroad or a mis-set PC sees the same 21:24 as the county.
let zone = 'Asia/Shanghai';
const formats = new Map<string, Intl.DateTimeFormat>();

/** Sets the zone every helper here formats in (ZoneGate, from the public configuration). */
export function setTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return; // an unknown zone keeps the default rather than breaking every page
  }
  if (tz !== zone) formats.clear();
  zone = tz;
}

export const timeZone = () => zone;

function fmt(key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { ...opts, timeZone: zone, hourCycle: 'h23' });
    formats.set(key, f);
  }
  return f;
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(v: string | number | Date | null | undefined): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A moment as 2025-11-28 21:24:05 in the deployment's zone; '—' when empty. */
export function formatTime(v: string | number | Date | null | undefined): string {
  const d = toDate(v);
  if (!d) return v === null || v === undefined || v === '' ? '—' : String(v);
  return fmt('time', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    d,
  );
}

/** A moment without seconds: 2025-11-28 21:24. */
export function formatMinute(v: string | number | Date | null | undefined): string {
  const d = toDate(v);
  if (!d) return v === null || v === undefined || v === '' ? '—' : String(v);
  return fmt('minute', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** The calendar day of a moment (or a 'YYYY-MM-DD' day as it is): 2025-11-28. */
export function formatDate(v: string | number | Date | null | undefined): string {
  if (typeof v === 'string' && DAY_ONLY.test(v)) return v;
  const d = toDate(v);
  if (!d) return v === null || v === undefined || v === '' ? '—' : String(v);
  return fmt('day', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** A day in words, for certificates and notices: 2025年11月28日. */
export function formatDateLong(v: string | number | Date | null | undefined): string {
  const day = formatDate(v);
  const m = day.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** The clock time of a moment: 21:24. */
export function formatClock(v: string | number | Date | null | undefined): string {
  const d = toDate(v);
  if (!d) return '—';
  return fmt('clock', { hour: '2-digit', minute: '2-digit' }).format(d);
}

/** Today in the deployment's zone, 'YYYY-MM-DD'. */
export const todayInZone = () => formatDate(new Date());

export function formatValue(field: ProfileField | undefined, v: ProfileValue): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field?.type === 'bool' || typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

export const fieldByKey = (key: string) => PROFILE_FIELDS.find((f) => f.key === key);

export const ACCOUNT_STATUS: Record<string, { text: string; color: string }> = {
  active: { text: '正常', color: 'green' },
  pending: { text: '待审核', color: 'orange' },
  disabled: { text: '已停用', color: 'red' },
  rejected: { text: '未通过', color: 'red' },
};

export const REVIEW_STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '待审核', color: 'orange' },
  approved: { text: '已通过', color: 'green' },
  rejected: { text: '未通过', color: 'red' },
};
