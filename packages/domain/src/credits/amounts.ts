// Credits come in fractions (0.5 学分, 7.2 …). Binary floats would let 0.1 + 0.2 drift away from 0.3,
// and the page would show totals that differ from the sum of the ledger, so the engine counts in
// integer hundredths and converts only at its edges (policy numbers in, result numbers out).
export type Hundredths = number;

/** A number has at most two decimals (what a ledger entry or a policy may hold). */
export function hasAtMostTwoDecimals(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
}

export function toHundredths(x: number): Hundredths {
  return Math.round(x * 100);
}

export function fromHundredths(h: Hundredths): number {
  return h / 100;
}

/** 300 → "3", 250 → "2.5", 705 → "7.05": how amounts read in Chinese sentences. */
export function formatHundredths(h: Hundredths): string {
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const decimals = frac === 0 ? '' : '.' + String(frac).padStart(2, '0').replace(/0$/, '');
  return (h < 0 ? '-' : '') + whole + decimals;
}

/**
 * part/whole of a requirement, rounded up to the hundredth: a pro-rated requirement is never
 * rounded in the teacher's favour below what the policy asks. Integer arithmetic, so exact.
 */
export function prorate(h: Hundredths, part: number, whole: number): Hundredths {
  if (part >= whole) return h;
  return Math.floor((h * part + whole - 1) / whole);
}
