// The bank's totals, from the ledger summed by year × source × category: per year, per cycle, per
// source, per category and in all. Pure, so that "the parts add up to the whole" is checked without a
// database. Amounts are hundredths (amount_h) until the end: no float drift in the sums.
import { creditBank } from '@shixun/contracts';

const { CREDIT_BANK_SOURCE_LABELS, CREDIT_BANK_SOURCES } = creditBank;
type CreditBankSource = creditBank.CreditBankSource;

export interface LedgerGroup {
  year: number;
  source: string;
  category: string;
  entries: number;
  amountH: number;
  hoursH: number;
}

export interface CycleSpan {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
}

export interface BankSum {
  amount: number;
  hours: number;
  entries: number;
}

/** The id of the bucket for years no cycle of the policy covers. */
export const OUTSIDE_CYCLES = 'outside';

interface Acc {
  amountH: number;
  hoursH: number;
  entries: number;
}
const zero = (): Acc => ({ amountH: 0, hoursH: 0, entries: 0 });
const add = (a: Acc, g: Acc) => {
  a.amountH += g.amountH;
  a.hoursH += g.hoursH;
  a.entries += g.entries;
};
export const toSum = (a: Acc): BankSum => ({ amount: a.amountH / 100, hours: a.hoursH / 100, entries: a.entries });

function sumBy<K>(groups: LedgerGroup[], key: (g: LedgerGroup) => K): Map<K, Acc> {
  const m = new Map<K, Acc>();
  for (const g of groups) {
    const k = key(g);
    let a = m.get(k);
    if (!a) m.set(k, (a = zero()));
    add(a, g);
  }
  return m;
}

export const sourceLabel = (s: string) => CREDIT_BANK_SOURCE_LABELS[s as CreditBankSource] ?? s;

/** currentYear: the cycle under way shows even while empty (a teacher sees where it stands); other empty cycles do not. */
export function bankTotals(o: {
  groups: LedgerGroup[];
  cycles: readonly CycleSpan[];
  categoryName: (id: string) => string;
  currentYear: number;
}) {
  const { groups, cycles, categoryName } = o;
  const total = zero();
  for (const g of groups) add(total, g);
  const years = [...sumBy(groups, (g) => g.year)].sort(([a], [b]) => b - a).map(([year, a]) => ({ year, ...toSum(a) }));
  const cycleOf = (year: number) => cycles.find((c) => year >= c.startYear && year <= c.endYear)?.id ?? OUTSIDE_CYCLES;
  const byCycle = sumBy(groups, (g) => cycleOf(g.year));
  const cycleRows = [...cycles]
    .sort((a, b) => b.startYear - a.startYear)
    .filter((c) => byCycle.has(c.id) || (c.startYear <= o.currentYear && c.endYear >= o.currentYear))
    .map((c) => ({
      id: c.id,
      name: c.name,
      startYear: c.startYear as number | null,
      endYear: c.endYear as number | null,
      ...toSum(byCycle.get(c.id) ?? zero()),
    }));
  const outside = byCycle.get(OUTSIDE_CYCLES);
  if (outside) cycleRows.push({ id: OUTSIDE_CYCLES, name: '不在培训周期内', startYear: null, endYear: null, ...toSum(outside) });
  const bySource = sumBy(groups, (g) => g.source);
  const sources = [...bySource]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([source, a]) => ({ source, label: sourceLabel(source), ...toSum(a) }));
  const categories = [...sumBy(groups, (g) => g.category)].map(([category, a]) => ({
    category,
    name: categoryName(category),
    ...toSum(a),
  }));
  return { total: toSum(total), years, cycles: cycleRows, sources, categories };
}

const order = (s: string) => {
  const i = (CREDIT_BANK_SOURCES as readonly string[]).indexOf(s);
  return i < 0 ? CREDIT_BANK_SOURCES.length : i;
};
