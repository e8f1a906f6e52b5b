// The certificate as a one-page A4 PDF, drawn from the payload frozen at issue time — so the paper,
// the list and the public verification page always say the same thing. Positions are absolute
// (no page margins), which keeps pdfkit from ever spilling onto a second page.
import { chinaDate } from '@shixun/domain';
import { newPdf, registerCjkFonts } from '../../pdf/document.ts';
import QRCode from 'qrcode';
import type { CertificateRow } from './certificates.repository.ts';
import { formatCertificateCode } from './codes.ts';
import type { CreditCertificatePayload, CreditLine } from './credit-certificate.ts';
import { CERTIFICATE_KIND_LABELS, type CertificatePayload } from './issue.ts';

export interface PdfOptions {
  fontPath: string;
  verifyUrl: string;
  verifyPage: string;
  issuer: string;
  /** the holder's 证件照 (JPG/PNG), for certificates of projects that print it */
  photo?: Buffer;
}

const W = 595.28,
  H = 841.89; // A4 in points
const RED = '#9b1c1c',
  INK = '#262626',
  GREY = '#8c8c8c',
  LINE = '#d9b8b8';
const RESULT_COLOR: Record<string, string> = { completed: '#237804', not_required: '#237804', incomplete: '#a8071a' };

/** 2026-11-23 or a Date → 2026 年 11 月 23 日 (the date in China, whatever the server's zone). */
export function chineseDate(d: Date | string): string {
  const iso = typeof d === 'string' ? d : chinaDate(d);
  const [y, m, day] = iso.slice(0, 10).split('-').map(Number);
  return `${y} 年 ${m} 月 ${day} 日`;
}
const fmt = (x: number) => String(Math.round(x * 100) / 100);

export async function renderCertificatePdf(row: CertificateRow, o: PdfOptions): Promise<Buffer> {
  const { doc, done } = newPdf({
    size: 'A4',
    margin: 0,
    info: { Title: row.title, Author: o.issuer, Subject: CERTIFICATE_KIND_LABELS[row.kind] },
  });
  registerCjkFonts(doc, o.fontPath);

  frame(doc);
  doc.font('cjk').fontSize(11).fillColor(GREY).text(o.issuer, 0, 62, { width: W, align: 'center' });
  doc
    .font('cjk-bold')
    .fontSize(34)
    .fillColor(RED)
    .text(CERTIFICATE_KIND_LABELS[row.kind], 0, 86, { width: W, align: 'center', characterSpacing: 14 });
  doc
    .moveTo(W / 2 - 90, 142)
    .lineTo(W / 2 + 90, 142)
    .lineWidth(1)
    .strokeColor(RED)
    .stroke();

  const p = row.payload;
  if (row.kind === 'credit') creditBody(doc, p as unknown as CreditCertificatePayload);
  else genericBody(doc, p, o.photo);

  await footer(doc, row, o);
  if (row.revoked_at) revokedMark(doc);
  doc.end();
  return done;
}

/** 李秀英（证件号码 450102********0117），兴宁区第一小学 — the county only where the school's name lacks it. */
function holder(p: CertificatePayload): string {
  const t = p.teacher;
  const unit = t.school.startsWith(t.region) ? t.school : `${t.region}${t.school}`;
  return `${t.name}${t.idNumberMasked ? `（证件号码 ${t.idNumberMasked}）` : ''}，${unit}`;
}

function frame(doc: PDFKit.PDFDocument) {
  doc
    .rect(22, 22, W - 44, H - 44)
    .lineWidth(3)
    .strokeColor(RED)
    .stroke();
  doc
    .rect(30, 30, W - 60, H - 60)
    .lineWidth(0.8)
    .strokeColor(RED)
    .stroke();
}

function creditBody(doc: PDFKit.PDFDocument, p: CreditCertificatePayload) {
  const intro =
    `兹证明 ${holder(p)}教师，${p.subject}认定情况如下。` +
    `依据《${p.policy.name}》（第 ${p.policy.version} 版），统计截至 ${chineseDate(p.asOf)}。`;
  doc
    .font('cjk')
    .fontSize(12.5)
    .fillColor(INK)
    .text(intro, 70, 166, { width: W - 140, lineGap: 7 });

  const unit = p.unit;
  const cols = [
    { t: '学分类型', w: 175 },
    { t: `已获${unit}`, w: 95 },
    { t: `要求${unit}`, w: 95 },
    { t: '状态', w: 90 },
  ];
  const x0 = (W - cols.reduce((s, c) => s + c.w, 0)) / 2;
  let y = Math.max(doc.y + 18, 240);
  const rowH = 25;
  const cells = (vals: string[], opts: { bold?: boolean; fill?: string } = {}) => {
    let x = x0;
    if (opts.fill)
      doc
        .rect(
          x0,
          y,
          cols.reduce((s, c) => s + c.w, 0),
          rowH,
        )
        .fillColor(opts.fill)
        .fill();
    vals.forEach((v, i) => {
      doc.rect(x, y, cols[i]!.w, rowH).lineWidth(0.6).strokeColor(LINE).stroke();
      doc
        .font(opts.bold ? 'cjk-bold' : 'cjk')
        .fontSize(11)
        .fillColor(INK)
        .text(v, x + 4, y + 6.5, { width: cols[i]!.w - 8, align: i === 0 ? 'left' : 'center', lineBreak: false });
      x += cols[i]!.w;
    });
    y += rowH;
  };
  const lineVals = (l: CreditLine, counted = false) => [
    l.name,
    fmt(counted ? l.counted : l.earned),
    l.required > 0 ? fmt(l.required) : '—',
    l.statusLabel,
  ];
  cells(
    cols.map((c) => c.t),
    { bold: true, fill: '#f6ecec' },
  );
  for (const l of p.categories) cells(lineVals(l));
  for (const l of p.groups) cells([`其中：${l.name}`, ...lineVals(l).slice(1)]);
  // the total counts what counts (caps applied), which is what the requirement is judged on
  cells(lineVals({ ...p.total, name: '合计' }, true), { bold: true, fill: '#fafafa' });

  y += 18;
  doc
    .font('cjk-bold')
    .fontSize(15)
    .fillColor(RESULT_COLOR[p.status] ?? '#ad6800')
    .text(`结论：${p.result}`, 70, y, { width: W - 140 });
  if (!p.compliant && p.missing.length) {
    // the cycle's own shortfalls first: they decide 达标; the yearly ones follow
    const cycleFirst = [...p.missing.filter((m) => !/^\d{4} 年/.test(m)), ...p.missing.filter((m) => /^\d{4} 年/.test(m))];
    const shown = cycleFirst.slice(0, 4).join('；') + (p.missing.length > 4 ? ` 等 ${p.missing.length} 项` : '');
    doc
      .font('cjk')
      .fontSize(10)
      .fillColor(GREY)
      .text(`尚缺：${shown}。`, 70, doc.y + 6, { width: W - 140, lineGap: 3, height: 60, ellipsis: true });
  }
}

/** Kinds without a credit table (结业证书): the subject, the result and the facts the issuer chose to print. */
// a 1-inch (一寸) photo, 25 × 35 mm
const PHOTO_W = 71,
  PHOTO_H = 99;

function genericBody(doc: PDFKit.PDFDocument, p: CertificatePayload, photo?: Buffer) {
  const textWidth = photo ? W - 140 - PHOTO_W - 20 : W - 140;
  if (photo) {
    const x = W - 70 - PHOTO_W;
    doc.image(photo, x, 168, { fit: [PHOTO_W, PHOTO_H], align: 'center', valign: 'center' });
    doc.rect(x, 168, PHOTO_W, PHOTO_H).lineWidth(0.6).strokeColor(LINE).stroke();
  }
  doc
    .font('cjk')
    .fontSize(13)
    .fillColor(INK)
    .text(`兹证明 ${holder(p)}教师，参加 ${p.subject}，考核结果：${p.result}。`, 70, 170, { width: textWidth, lineGap: 8 });
  const facts = Array.isArray(p.facts) ? (p.facts as { label: string; value: string }[]) : [];
  let y = Math.max(doc.y + 20, photo ? 168 + PHOTO_H + 16 : 0);
  for (const f of facts.slice(0, 12)) {
    doc.font('cjk-bold').fontSize(11.5).fillColor(INK).text(f.label, 90, y, { width: 110, lineBreak: false });
    doc.font('cjk').text(String(f.value), 200, y, { width: W - 290, lineBreak: false, ellipsis: true });
    y += 24;
  }
}

async function footer(doc: PDFKit.PDFDocument, row: CertificateRow, o: PdfOptions) {
  const qr = await QRCode.toBuffer(o.verifyUrl, { type: 'png', margin: 1, width: 360, errorCorrectionLevel: 'M' });
  const top = 620,
    size = 112;
  doc.image(qr, 70, top, { width: size, height: size });
  doc
    .font('cjk')
    .fontSize(9)
    .fillColor(GREY)
    .text('扫码验证证书真伪', 70, top + size + 4, { width: size, align: 'center' });
  const x = 200,
    w = W - x - 70;
  doc
    .font('cjk')
    .fontSize(10.5)
    .fillColor(GREY)
    .text('证书验证码', x, top + 4, { width: w });
  doc
    .font('cjk-bold')
    .fontSize(15)
    .fillColor(INK)
    .text(formatCertificateCode(row.code), x, top + 20, { width: w, characterSpacing: 1 });
  doc
    .font('cjk')
    .fontSize(10)
    .fillColor(GREY)
    .text(`验证方式：扫描左侧二维码，或访问 ${o.verifyPage} 输入验证码`, x, top + 46, { width: w, lineGap: 2 });
  doc
    .font('cjk')
    .fontSize(11.5)
    .fillColor(INK)
    .text(`颁发：${o.issuer}`, x, top + 84, { width: w });
  doc.text(`发证日期：${chineseDate(row.issued_at)}`, x, top + 104, { width: w });
}

function revokedMark(doc: PDFKit.PDFDocument) {
  doc
    .save()
    .rotate(-30, { origin: [W / 2, H / 2] })
    .font('cjk-bold')
    .fontSize(90)
    .fillColor('#cf1322', 0.18)
    .text('已撤销', 0, H / 2 - 60, { width: W, align: 'center', lineBreak: false })
    .restore();
}
