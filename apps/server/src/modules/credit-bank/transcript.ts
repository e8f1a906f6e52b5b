// The record a transcript credential carries: every entry that counts (an entry cancelled by a 冲销, and
// the 冲销 itself, cancel out and are left out), oldest first, with their total — which is therefore the
// ledger's net total — and one line per cycle.
import type { Deps } from '../../context.ts';
import { bankBatch } from './credit-bank.repository.ts';
import { bankEntryView, bankSummary, type BankEntryView, type BankHolder } from './credit-bank.service.ts';

const fmt = (x: number) => String(Math.round(x * 100) / 100);

export async function bankTranscript(deps: Deps, holder: BankHolder) {
  const { policy, totals } = await bankSummary(deps, holder);
  const entries: BankEntryView[] = [];
  let after: { date: string; id: number } | null = null;
  for (;;) {
    const rows = await bankBatch(deps.db, holder.id, {}, after, 1000);
    for (const r of rows) {
      const e = bankEntryView(policy, r);
      if (e.reversalOf === null && e.reversedBy === null) entries.push(e);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < 1000) break;
    after = { date: last.entry_date, id: last.id };
  }
  const sumH = (f: (e: BankEntryView) => number) => entries.reduce((s, e) => s + Math.round(f(e) * 100), 0) / 100;
  return {
    entries,
    total: { amount: sumH((e) => e.amount), hours: sumH((e) => e.hours ?? 0), entries: entries.length },
    cycles: totals.cycles.map((c) => `${c.name}${c.startYear ? `（${c.startYear}–${c.endYear}）` : ''}：${fmt(c.amount)} 学分`),
  };
}
