// Calendar arithmetic on YYYY-MM-DD strings, in UTC so that no time zone moves a day.
const MS_PER_DAY = 86_400_000;

const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const yearOf = (d: string) => Number(d.slice(0, 4));

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export const daysInYear = (y: number) => (isLeap(y) ? 366 : 365);

/** Days from a to b (b − a); 0 for the same day. */
export const daysBetween = (a: string, b: string) => Math.round((utc(b) - utc(a)) / MS_PER_DAY);

export const addDays = (d: string, n: number) => iso(utc(d) + n * MS_PER_DAY);

/** The same day n years later; 29 February falls on 28 February in a common year (as PostgreSQL's date + interval does). */
export function addYears(d: string, n: number): string {
  const y = yearOf(d) + n;
  const md = d.slice(5);
  return md === '02-29' && !isLeap(y) ? `${y}-02-28` : `${String(y).padStart(4, '0')}-${md}`;
}
