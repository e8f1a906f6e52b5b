// Civil dates in China. Training dates, application windows, 认定日期 and "this year" are meant in
// Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving since 1991), whatever the server's
// zone: in UTC it is still yesterday until 08:00, and 1 January starts at 16:00 UTC on 31 December.
// One implementation here; the modules' helpers (projects/dates.ts, classes/view.ts …) call it.
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: CHINA_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** The date in China at the given instant (now by default), YYYY-MM-DD. */
export const chinaDate = (at: Date = new Date()): string => DAY.format(at);

/** The date in China `days` days from now (negative: ago), YYYY-MM-DD. */
export const chinaDateFromNow = (days: number): string => chinaDate(new Date(Date.now() + days * 86_400_000));

/** The time of day in China at the given instant, HH:mm. */
export const chinaClock = (at: Date): string => CLOCK.format(at);
