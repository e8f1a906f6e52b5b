// 学分银行 as a PDF 学习记录: the holder, the totals of the whole ledger per cycle and per year, then the
// filtered entries as a table that runs over as many A4 pages as it needs (the header row repeated).
import { maskIdNumber } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import { newPdf, registerCjkFonts } from '../../pdf/document.ts';
import { bankBatch } from './credit-bank.repository.ts';
import { bankEntryView, bankFilterOf, bankSummary, type BankFilterQuery, type BankHolder } from './credit-bank.service.ts';
import { filterText } from './bank-xlsx.ts';

const W = 595.28,
  H = 841.89,
  M = 40; // A4, points
const INK = '#262626',
  GREY = '#8c8c8c',
  LINE = '#d9d9d9',
  HEAD = '#f0f5ff',
  STRUCK = '#a8071a';
const fmt = (x: number) => String(Math.round(x * 100) / 100);

interface Col {
  t: string;
  w: number;
  align?: 'left' | 'center' | 'right';
}

/** At most this many entries go into one PDF (a lifetime is a few hundred); the xlsx has no limit. */
export const PDF_MAX_ENTRIES = 2000;

export async function bankPdf(deps: Deps, holder: BankHolder, q: BankFilterQuery, issuer: string) {
  const { policy, version, totals } = await bankSummary(deps, holder);
  const filter = bankFilterOf(policy, q);
  const categoryName = (id: string) => policy.categories.find((c) => c.id === id)?.name ?? id;
  const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: deps.config.timeZone }).format(Date.now());
  const { doc, done } = newPdf({ size: 'A4', margin: 0, info: { Title: `${holder.name} 学分银行学习记录`, Author: issuer } });
  registerCjkFonts(doc, deps.config.pdfFont);
  let y = M;

  const text = (
    s: string,
    x: number,
    at: number,
    o: { size?: number; bold?: boolean; color?: string; width?: number; align?: Col['align'] } = {},
  ) =>
    doc
      .font(o.bold ? 'cjk-bold' : 'cjk')
      .fontSize(o.size ?? 9)
      .fillColor(o.color ?? INK)
      .text(s, x, at, { width: o.width ?? W - 2 * M, align: o.align ?? 'left', height: (o.size ?? 9) * 1.5, ellipsis: true });

  const table = (cols: Col[], rows: { cells: string[]; color?: string }[], rowH = 18) => {
    const header = () => {
      doc
        .rect(M, y, W - 2 * M, rowH)
        .fillColor(HEAD)
        .fill();
      let x = M;
      for (const c of cols) {
        text(c.t, x + 3, y + 5, { bold: true, width: c.w - 6, align: c.align });
        x += c.w;
      }
      y += rowH;
    };
    header();
    for (const r of rows) {
      if (y + rowH > H - M) {
        doc.addPage({ size: 'A4', margin: 0 });
        y = M;
        header();
      }
      let x = M;
      r.cells.forEach((v, i) => {
        const c = cols[i];
        if (!c) return;
        text(v, x + 3, y + 5, { width: c.w - 6, align: c.align, color: r.color });
        x += c.w;
      });
      doc
        .moveTo(M, y + rowH)
        .lineTo(W - M, y + rowH)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke();
      y += rowH;
    }
    y += 12;
  };

  text(issuer, M, y, { color: GREY });
  y += 18;
  text('学分银行 · 学习记录', M, y, { size: 20, bold: true, align: 'center' });
  y += 34;
  const idMasked = maskIdNumber(holder.idNumber);
  text(`教师：${holder.name}${idMasked ? `（证件号码 ${idMasked}）` : ''}`, M, y, { size: 11 });
  y += 18;
  text(`依据《${policy.name}》（第 ${version} 版）统计，导出于 ${stamp}。合计已抵减冲销记录。`, M, y, { color: GREY });
  y += 22;

  text(`全部记录合计：${fmt(totals.total.amount)} 学分，${fmt(totals.total.hours)} 学时，${totals.total.entries} 条记录`, M, y, {
    size: 11,
    bold: true,
  });
  y += 22;
  const sumCols: Col[] = [
    { t: '培训周期 / 年度', w: 235 },
    { t: '学分', w: 90, align: 'right' },
    { t: '学时', w: 90, align: 'right' },
    { t: '记录数', w: 100, align: 'right' },
  ];
  table(sumCols, [
    ...totals.cycles.map((c) => ({
      cells: [c.startYear ? `${c.name}（${c.startYear}–${c.endYear}）` : c.name, fmt(c.amount), fmt(c.hours), String(c.entries)],
    })),
    ...totals.years.map((t) => ({ cells: [`${t.year} 年`, fmt(t.amount), fmt(t.hours), String(t.entries)] })),
  ]);

  text(`学分明细（${filterText(q, categoryName)}）`, M, y, { size: 12, bold: true });
  y += 20;
  const rows: { cells: string[]; color?: string }[] = [];
  let after: { date: string; id: number } | null = null;
  while (rows.length < PDF_MAX_ENTRIES) {
    const batch = await bankBatch(deps.db, holder.id, filter, after, 500);
    for (const r of batch) {
      const e = bankEntryView(policy, r);
      // short words: the column is narrow (the xlsx says when and which)
      const state = e.reversalOf !== null ? `冲销 #${e.reversalOf}` : e.reversedBy ? '已冲销' : '有效';
      rows.push({
        cells: [e.date, `#${e.id} ${e.title}`, e.categoryName, e.sourceLabel, fmt(e.amount), e.hours === null ? '—' : fmt(e.hours), state],
        color: state === '有效' ? undefined : STRUCK,
      });
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < 500) break;
    after = { date: last.entry_date, id: last.id };
  }
  table(
    [
      { t: '认定日期', w: 62 },
      { t: '名称', w: 178 },
      { t: '学分类型', w: 72 },
      { t: '来源', w: 68 },
      { t: '学分', w: 40, align: 'right' },
      { t: '学时', w: 40, align: 'right' },
      { t: '状态', w: 55 },
    ],
    rows.length ? rows : [{ cells: ['—', '没有符合条件的记录'] }],
  );
  doc.end();
  return { pdf: await done, fileName: `学分银行_${holder.name}_${stamp}.pdf`, asciiName: `credit-bank-${stamp}.pdf` };
}
