// Small shared pieces of how classes are shown: labels, China dates, hundredths.
import { chinaClock, chinaDate, PROJECT_LEVEL_LABELS, PROJECT_MODE_LABELS, TRAINEE_RESULT_LABELS } from '@shixun/domain';
import type { ClassRow } from './classes.repository.ts';

export const LEVEL_LABELS = PROJECT_LEVEL_LABELS;
export const MODE_LABELS = PROJECT_MODE_LABELS;
export const RESULT_LABELS = TRAINEE_RESULT_LABELS;

/** hundredths (the ledger's and the projects' unit) → a number with at most two decimals */
export const fromH = (h: number) => Math.round(h) / 100;

/** The calendar day in China (where every project's dates are meant), whatever the server's zone. */
export const chinaDay = (d: Date) => chinaDate(d);
export const chinaTime = (d: Date) => chinaClock(d);
/** 2026-05-11 08:30–11:30 */
export const sessionWhen = (s: { starts_at: Date; ends_at: Date }) =>
  `${chinaDay(s.starts_at)} ${chinaTime(s.starts_at)}–${chinaDay(s.ends_at) === chinaDay(s.starts_at) ? '' : `${chinaDay(s.ends_at)} `}${chinaTime(s.ends_at)}`;

/** Today in China, YYYY-MM-DD. */
export const chinaToday = () => chinaDate();

/** The project facts every class view carries. */
export function projectView(c: ClassRow) {
  return {
    id: c.project_id,
    name: c.project_name,
    year: c.year,
    level: c.level,
    levelLabel: LEVEL_LABELS[c.level],
    mode: c.mode,
    modeLabel: MODE_LABELS[c.mode],
    organiserName: c.organiser_name,
    startDate: c.start_date,
    endDate: c.end_date,
    place: c.place,
    hours: fromH(c.hours_h),
    credits: fromH(c.credit_amount_h),
    creditCategory: c.credit_category,
    onsiteWeight: c.onsite_weight,
    onlineWeight: c.online_weight,
    passMark: Number(c.pass_mark),
  };
}

export function noticeView(c: Pick<ClassRow, 'notice_title' | 'notice_body' | 'notice_published_at' | 'contact'>) {
  return { title: c.notice_title ?? '', body: c.notice_body ?? '', contact: c.contact, publishedAt: c.notice_published_at ?? null };
}

export function fileView(f: { id: number; file_name: string; mime: string; size: number; created_at: Date }) {
  return { id: f.id, fileName: f.file_name, mime: f.mime, size: f.size, uploadedAt: f.created_at };
}

export function sessionView(s: { id: number; starts_at: Date; ends_at: Date; place: string; topic: string; lecturer: string }) {
  return {
    id: s.id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    when: sessionWhen(s),
    place: s.place,
    topic: s.topic,
    lecturer: s.lecturer,
  };
}
