// From ledger lines to postings: what the engine adds up. Reversals land where the entry they
// reverse counted, so a correction cancels the right cell even if it was booked in another year.
import { hasAtMostTwoDecimals, toHundredths, type Hundredths } from './amounts.ts';
import type { CreditForm, CreditLevel, CreditPolicy } from './policy.ts';
import type { CreditEntryFact } from './types.ts';

export interface CreditPosting {
  entryId: string;
  year: number;
  category: string;
  form: CreditForm;
  level: CreditLevel;
  value: Hundredths;
  /** The entry first booked (a reversal's original) and its date: where and when the credit counts. */
  rootId: string;
  date: string;
}

/** The entry's amount in the policy's unit, in hundredths. */
function valueOf(e: CreditEntryFact, policy: CreditPolicy, unit: CreditPolicy['unit']): Hundredths {
  if (unit === 'credit') return toHundredths(e.amount);
  // A 学时 policy takes the hours the source states; otherwise it converts 学分 at the policy's rate.
  if (e.hours !== undefined) return toHundredths(e.hours);
  return Math.round(toHundredths(e.amount) * policy.hoursPerCredit);
}

/** Follows reversalOf back to the entry first booked (a reversal of a reversal restores the original). */
function rootOf(e: CreditEntryFact, byId: ReadonlyMap<string, CreditEntryFact>): CreditEntryFact | undefined {
  let current = e;
  const seen = new Set<string>([e.id]);
  while (current.reversalOf !== undefined) {
    const next = byId.get(current.reversalOf);
    if (!next || seen.has(next.id)) return undefined;
    seen.add(next.id);
    current = next;
  }
  return current;
}

/**
 * `unit` converts to another unit than the policy's (the 定期注册 check counts 学时); `inCycles`
 * false keeps credits of years outside every fixed cycle (registration windows run by date).
 */
export function postEntries(
  policy: CreditPolicy,
  entries: readonly CreditEntryFact[],
  asOf: string,
  notes: string[],
  opts: { unit?: CreditPolicy['unit']; inCycles?: boolean } = {},
): CreditPosting[] {
  const unit = opts.unit ?? policy.unit;
  const onlyCycles = (opts.inCycles ?? true) && policy.cyclesFrom === 'fixed';
  const byId = new Map<string, CreditEntryFact>();
  let later = 0;
  for (const e of entries) {
    if (byId.has(e.id)) {
      notes.push(`学分记录 ${e.id} 重复出现，只计一次`);
      continue;
    }
    byId.set(e.id, e);
    // Not yet certified on asOf: evaluating an earlier date must not see later entries or corrections.
    if (e.date > asOf) later++;
  }
  if (later) notes.push(`${later} 条学分记录的日期晚于 ${asOf}，暂不计入`);

  const categories = new Set(policy.categories.map((c) => c.id));
  const inSomeCycle = (y: number) => policy.cycles.some((c) => y >= c.startYear && y <= c.endYear);
  const postings: CreditPosting[] = [];
  for (const e of byId.values()) {
    if (e.date > asOf) continue;
    let target = e;
    if (e.reversalOf !== undefined) {
      const root = rootOf(e, byId);
      if (root && root.date <= asOf) target = root;
      else notes.push(`冲正记录 ${e.id} 找不到原记录 ${e.reversalOf}，按它自己的年份和类型计入`);
    }
    if (!categories.has(target.category)) {
      notes.push(`学分记录 ${e.id} 的学分类型“${target.category}”不在本政策中，未计入`);
      continue;
    }
    if (onlyCycles && !inSomeCycle(target.year)) {
      notes.push(`学分记录 ${e.id} 的年份 ${target.year} 不在任何培训周期内，未计入（学分只在本周期内有效）`);
      continue;
    }
    if (!hasAtMostTwoDecimals(e.amount) || (e.hours !== undefined && !hasAtMostTwoDecimals(e.hours))) {
      notes.push(`学分记录 ${e.id} 的数量超过两位小数，按四舍五入到 0.01 计入`);
    }
    postings.push({
      entryId: e.id,
      year: target.year,
      category: target.category,
      form: target.form,
      level: target.level,
      value: valueOf(e, policy, unit),
      rootId: target.id,
      date: target.date,
    });
  }
  return postings;
}

export function sumPostings(ps: readonly CreditPosting[], pred: (p: CreditPosting) => boolean = () => true): Hundredths {
  let s = 0;
  for (const p of ps) if (pred(p)) s += p.value;
  return s;
}
