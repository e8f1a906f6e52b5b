// Dates as they are in China (Asia/Shanghai, UTC+8 all year: no daylight saving time since 1991):
// a year turns at 00:00 in Beijing, which is 16:00 UTC on 31 December.
import { chinaDate } from '@shixun/domain';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The next turn of the year in China after the given instant: the year that starts and its first instant. */
export function nextYearTurn(now: Date): { year: number; at: Date } {
  const year = Number(chinaDate(now).slice(0, 4)) + 1;
  return { year, at: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS) };
}
