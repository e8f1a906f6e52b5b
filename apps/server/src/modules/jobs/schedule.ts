// Dates as they are in China (Asia/Shanghai, UTC+8 all year: no daylight saving time since 1991):
// a year turns at 00:00 in Beijing, which is 16:00 UTC on 31 December.
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date in China at the given instant, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return CHINA_DAY.format(at);
}

/** The next turn of the year in China after the given instant: the year that starts and its first instant. */
export function nextYearTurn(now: Date): { year: number; at: Date } {
  const year = Number(chinaDate(now).slice(0, 4)) + 1;
  return { year, at: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS) };
}
