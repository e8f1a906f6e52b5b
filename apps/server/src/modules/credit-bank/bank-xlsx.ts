// 学分银行 as a spreadsheet: the filtered entries (oldest first, read and written a batch at a time,
// streamed) and, on a second sheet, the totals of the whole ledger per cycle, year and source.
import type { Deps } from '../../context.ts';
import { addRow, streamWorkbook } from '../../files/xlsx-writer.ts';
import { bankBatch } from './credit-bank.repository.ts';
import {
  bankEntryView,
  bankFilterOf,
  bankSummary,
  type BankFilterQuery,
  type BankHolder,
  type BankEntryView,
} from './credit-bank.service.ts';
import { sourceLabel } from './totals.ts';

const BATCH = 1000;

/** What a row's standing is, in words: a cancelled entry and the row that cancels it both say so. */
export function entryState(e: Pick<BankEntryView, 'reversalOf' | 'reversedBy'>): string {
  if (e.reversalOf !== null) return `冲销第 ${e.reversalOf} 号记录`;
  if (e.reversedBy) return `已冲销${e.reversedBy.date ? `（${e.reversedBy.date}）` : ''}`;
  return '有效';
}

/** «2025 年 · 校本研修 · 学分类型 公共必修» — the filters as the file's heading says them. */
export function filterText(q: BankFilterQuery, categoryName: (id: string) => string): string {
  const parts = [
    q.year !== undefined ? `${q.year} 年` : null,
    q.source ? sourceLabel(q.source) : null,
    q.category ? `学分类型：${categoryName(q.category)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : '全部记录';
}

export async function bankWorkbook(deps: Deps, holder: BankHolder, q: BankFilterQuery) {
  const { policy, totals } = await bankSummary(deps, holder);
  const filter = bankFilterOf(policy, q);
  const categoryName = (id: string) => policy.categories.find((c) => c.id === id)?.name ?? id;
  const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: deps.config.timeZone }).format(Date.now());
  const stream = streamWorkbook(async (wb) => {
    const ws = wb.addWorksheet('学分明细');
    ws.columns = [12, 8, 40, 14, 12, 12, 10, 10, 10, 30, 22, 30].map((width) => ({ width }));
    addRow(ws, [`${holder.name} 的学分银行（${filterText(q, categoryName)}，导出于 ${stamp}）`]);
    addRow(ws, ['认定日期', '年度', '名称', '学分类型', '来源', '培训形式', '级别', '学分', '学时', '认定单位', '状态', '说明']);
    let after: { date: string; id: number } | null = null;
    for (;;) {
      const rows = await bankBatch(deps.db, holder.id, filter, after, BATCH);
      if (!rows.length) break;
      for (const r of rows) {
        const e = bankEntryView(policy, r);
        addRow(ws, [
          e.date,
          e.year,
          e.title,
          e.categoryName,
          e.sourceLabel,
          e.formLabel,
          e.levelLabel,
          e.amount,
          e.hours ?? '',
          e.certifier,
          entryState(e),
          e.reason ?? e.reversedBy?.reason ?? '',
        ]);
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < BATCH) break;
      after = { date: last.entry_date, id: last.id };
    }
    ws.commit();

    const sums = wb.addWorksheet('合计');
    sums.columns = [24, 12, 12, 10].map((width) => ({ width }));
    addRow(sums, ['全部记录合计（冲销已抵减）', '学分', '学时', '记录数']);
    addRow(sums, ['合计', totals.total.amount, totals.total.hours, totals.total.entries]);
    addRow(sums, []);
    addRow(sums, ['培训周期', '学分', '学时', '记录数']);
    for (const c of totals.cycles)
      addRow(sums, [c.startYear ? `${c.name}（${c.startYear}–${c.endYear}）` : c.name, c.amount, c.hours, c.entries]);
    addRow(sums, []);
    addRow(sums, ['年度', '学分', '学时', '记录数']);
    for (const y of totals.years) addRow(sums, [`${y.year} 年`, y.amount, y.hours, y.entries]);
    addRow(sums, []);
    addRow(sums, ['来源', '学分', '学时', '记录数']);
    for (const s of totals.sources) addRow(sums, [s.label, s.amount, s.hours, s.entries]);
    sums.commit();
  });
  return { stream, fileName: `学分银行_${holder.name}_${stamp}.xlsx`, asciiName: `credit-bank-${stamp}.xlsx` };
}
