// Training dates are civil dates in China: "today" for tabs and application windows is the date in
// Asia/Shanghai, not UTC (which is still yesterday until 08:00).
import { chinaDateFromNow } from '@shixun/domain';

/** YYYY-MM-DD in China, `offset` days from now. */
export const chinaDay = (offset = 0) => chinaDateFromNow(offset);
