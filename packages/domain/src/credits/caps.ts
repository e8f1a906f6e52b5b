// What of each credit counts toward the total when a category has a cap (ruling: level minimums are
// «其中» of the cycle total, so a credit a cap keeps out of the total does not count toward them).
// Credits fill a cap in the order they were certified (the entry's date, then its id): the ones above
// the cap are the latest. A reversal nets against its original first, so a corrected credit frees
// its place. The parts add up exactly to the capped amount (a telescoping sum: each credit's part is
// the capped running total after it less the capped running total before it).
import type { Hundredths } from './amounts.ts';
import type { CreditPosting } from './ledger.ts';

export interface Item {
  rootId: string;
  date: string;
  posting: CreditPosting;
  /** Net of the original and its reversals. */
  value: Hundredths;
}

/** One item per original entry, reversals netted in, in certification order. */
export function itemsOf(ps: readonly CreditPosting[]): Item[] {
  const byRoot = new Map<string, Item>();
  for (const p of ps) {
    const it = byRoot.get(p.rootId);
    if (it) it.value += p.value;
    else byRoot.set(p.rootId, { rootId: p.rootId, date: p.date, posting: p, value: p.value });
  }
  return [...byRoot.values()].sort((a, b) => (a.date === b.date ? (a.rootId < b.rootId ? -1 : 1) : a.date < b.date ? -1 : 1));
}

/** The part of each item that counts under `cap` (all of it without a cap). */
export function fill(items: readonly { value: Hundredths }[], cap: Hundredths | undefined): Hundredths[] {
  if (cap === undefined) return items.map((i) => i.value);
  let running = 0;
  return items.map((i) => {
    const before = Math.min(running, cap);
    running += i.value;
    return Math.min(running, cap) - before;
  });
}
