// 成绩: 总成绩 = 集中学习 × onsite weight % + 网络学习 × online weight %, in hundredths so that
// 88.25 × 40% + 90 × 60% is exactly 89.30, never 89.29999; 合格 at or above the pass mark.

export interface Weights {
  onsite_weight: number;
  online_weight: number;
  pass_mark: number | string;
}
export interface ScorePair {
  onsite: number | null;
  online: number | null;
}

const toH = (x: number) => Math.round(x * 100);

/** A score as typed: 0–100, at most two decimals. Returns the Chinese complaint, or null. */
export function scoreError(label: string, x: unknown): string | null {
  if (typeof x !== 'number' || !Number.isFinite(x)) return `${label}应为 0–100 的数字`;
  if (x < 0 || x > 100) return `${label}应在 0–100 之间`;
  if (Math.abs(toH(x) - x * 100) > 1e-6) return `${label}最多保留两位小数`;
  return null;
}

/**
 * The total and result, or nulls while a part that counts (weight > 0) is still missing. A part
 * with weight 0 does not count and may stay empty.
 */
export function totalOf(w: Weights, s: ScorePair): { total: number | null; result: 'passed' | 'failed' | null } {
  if ((w.onsite_weight > 0 && s.onsite === null) || (w.online_weight > 0 && s.online === null)) return { total: null, result: null };
  const h = Math.round((toH(s.onsite ?? 0) * w.onsite_weight + toH(s.online ?? 0) * w.online_weight) / 100);
  return { total: h / 100, result: h >= toH(Number(w.pass_mark)) ? 'passed' : 'failed' };
}

export const sameScore = (a: number | null, b: number | null) => (a === null || b === null ? a === b : toH(a) === toH(b));
