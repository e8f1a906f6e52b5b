// What a certifier may enter, checked the same way for one entry, a spreadsheet row and an
// adjustment. Pure functions: the policy and "today" come in, a Chinese sentence (or null) comes out.
import type { CreditLevel, CreditPolicy, Role } from '@shixun/domain';
import type { Actor } from '../../access/policy.ts';

/** A single 校本研修 entry above this is almost surely a typo (a year asks 10); a larger amount is an adjustment. */
export const MAX_SCHOOL_BASED_AMOUNT = 50;
export const MAX_HOURS = 500;
/** An adjustment corrects a mistake; anything larger than a whole cycle's requirement is not one. */
export const MAX_ADJUSTMENT = 200;

const twoDecimals = (x: number) => Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The year must fall in a cycle of the policy (credits are valid only within their cycle) and not lie ahead. */
export function yearError(policy: CreditPolicy, year: number, today: string): string | null {
  if (!Number.isInteger(year)) return '年度必须是四位整数，如 2025';
  if (year > Number(today.slice(0, 4))) return `年度 ${year} 晚于今年，不能提前认定`;
  if (!policy.cycles.some((c) => year >= c.startYear && year <= c.endYear)) return `年度 ${year} 不在学分政策的任何培训周期内`;
  return null;
}

/** The day of certification: a real date, not in the future, in the year or early the next (a December activity certified in January). */
export function dateError(date: string, year: number, today: string): string | null {
  if (!isRealDate(date)) return '认定日期不正确，格式应为 YYYY-MM-DD，如 2025-06-30';
  if (date > today) return '认定日期不能晚于今天';
  const y = Number(date.slice(0, 4));
  if (y < year) return `认定日期 ${date} 早于所属年度 ${year}`;
  if (y > year + 1) return `认定日期 ${date} 距所属年度 ${year} 太远，只能在当年或次年认定`;
  return null;
}

export function amountError(amount: number, what = '学分', max = MAX_SCHOOL_BASED_AMOUNT): string | null {
  if (!Number.isFinite(amount)) return `${what}必须是数字`;
  if (amount <= 0) return `${what}必须大于 0`;
  if (!twoDecimals(amount)) return `${what}最多保留两位小数`;
  if (amount > max) return `${what}不能超过 ${max}`;
  return null;
}

export function hoursError(hours: number | undefined): string | null {
  if (hours === undefined) return null;
  if (!Number.isFinite(hours) || hours < 0) return '学时不能为负数';
  if (!twoDecimals(hours)) return '学时最多保留两位小数';
  if (hours > MAX_HOURS) return `学时不能超过 ${MAX_HOURS}`;
  return null;
}

export function categoryError(policy: CreditPolicy, category: string): string | null {
  return policy.categories.some((c) => c.id === category) ? null : `学分类型“${category}”不在当前学分政策中`;
}

export function adjustmentAmountError(amount: number): string | null {
  if (!Number.isFinite(amount)) return '调整学分必须是数字';
  if (amount === 0) return '调整学分不能为 0';
  if (!twoDecimals(amount)) return '调整学分最多保留两位小数';
  if (Math.abs(amount) > MAX_ADJUSTMENT) return `调整学分的绝对值不能超过 ${MAX_ADJUSTMENT}`;
  return null;
}

const LEVEL_OF_ROLE: Partial<Record<Role, CreditLevel>> = {
  school_admin: 'school',
  county_admin: 'county',
  city_admin: 'city',
  province_admin: 'province',
};
export const LEVEL_NAMES: Record<CreditLevel, string> = {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
  school: '校级',
};
// national credits are corrected by the province that runs the platform
const RANK: Record<CreditLevel, number> = { school: 1, county: 2, city: 3, province: 4, national: 4 };

/** The level an admin certifies at ("谁组织、谁认定"). */
export function adminLevel(actor: Actor): CreditLevel | null {
  return LEVEL_OF_ROLE[actor.role] ?? null;
}

/** An admin corrects what their own level or a level below certified, never a higher level's credits. */
export function mayCorrect(actor: Actor, entryLevel: CreditLevel): boolean {
  const own = adminLevel(actor);
  return own !== null && RANK[own] >= RANK[entryLevel];
}

export interface SchoolBasedValues {
  year: number;
  date: string;
  title: string;
  amount: number;
  hours?: number;
  category: string;
}

/** All value checks of one 校本研修 entry (single entry and spreadsheet row alike), first problem first. */
export function schoolBasedError(policy: CreditPolicy, v: SchoolBasedValues, today: string): string | null {
  if (!v.title.trim()) return '请填写研修内容';
  if (v.title.trim().length > 200) return '研修内容不能超过 200 字';
  return (
    yearError(policy, v.year, today) ??
    dateError(v.date, v.year, today) ??
    amountError(v.amount) ??
    hoursError(v.hours) ??
    categoryError(policy, v.category)
  );
}
