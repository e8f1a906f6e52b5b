// The printable 开班通知: what a trainee takes to the school's head to ask for leave (Hebei manual:
// «下载打印开班通知找校领导请假去参加学习»). A4, flowing text over as many pages as the body needs,
// with the class facts, the schedule and the attachment names.
import { newPdf, registerCjkFonts } from '../../pdf/document.ts';
import type { ClassRow } from './classes.repository.ts';
import { chinaDay, sessionWhen } from './view.ts';

export interface NoticePdfInput {
  c: ClassRow;
  sessions: { starts_at: Date; ends_at: Date; place: string; topic: string; lecturer: string }[];
  files: { file_name: string }[];
  fontPath: string;
}

const RED = '#9b1c1c',
  INK = '#262626',
  GREY = '#8c8c8c',
  LINE = '#d9d9d9';
const M = 60; // page margin

/** 2026-05-11 → 2026 年 5 月 11 日 */
const cn = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
};

export function renderNoticePdf({ c, sessions, files, fontPath }: NoticePdfInput): Promise<Buffer> {
  const { doc, done } = newPdf({
    size: 'A4',
    margins: { top: M, bottom: M, left: M, right: M },
    info: { Title: c.notice_title ?? '开班通知', Author: c.institution_name },
  });
  registerCjkFonts(doc, fontPath);
  const width = doc.page.width - 2 * M;

  doc.font('cjk-bold').fontSize(24).fillColor(RED).text('开 班 通 知', { align: 'center' });
  doc.moveDown(0.3);
  doc
    .font('cjk-bold')
    .fontSize(15)
    .fillColor(INK)
    .text(c.notice_title ?? '', { align: 'center' });
  doc.moveDown(0.6);
  const y = doc.y;
  doc
    .moveTo(M, y)
    .lineTo(M + width, y)
    .lineWidth(1)
    .strokeColor(RED)
    .stroke();
  doc.moveDown(0.8);

  const facts: [string, string][] = [
    ['项目名称', c.project_name],
    ['班级', c.name],
    ['承培机构', c.institution_name],
    ['组织单位', c.organiser_name],
    ['培训时间', `${cn(c.start_date)} 至 ${cn(c.end_date)}`],
    ['培训地点', c.place || '见课程安排'],
  ];
  for (const [k, v] of facts) {
    const top = doc.y;
    doc.font('cjk-bold').fontSize(11).fillColor(GREY).text(k, M, top, { width: 70 });
    doc
      .font('cjk')
      .fontSize(11)
      .fillColor(INK)
      .text(v, M + 76, top, { width: width - 76 });
    doc.moveDown(0.25);
  }
  doc.moveDown(0.8);

  doc.font('cjk').fontSize(12).fillColor(INK);
  for (const para of (c.notice_body ?? '').split(/\r?\n/)) {
    if (!para.trim()) {
      doc.moveDown(0.5);
      continue;
    }
    // a salutation (各位学员：) stands at the margin; paragraphs are indented two characters
    doc.text(para, M, doc.y, { width, lineGap: 5, indent: /[:：]\s*$/.test(para) ? 0 : 24 });
    doc.moveDown(0.3);
  }

  if (sessions.length) scheduleTable(doc, sessions, width);
  if (files.length) {
    doc.moveDown(1);
    doc.font('cjk-bold').fontSize(13).fillColor(INK).text('附件', M, doc.y);
    doc.moveDown(0.3);
    files.forEach((f, i) =>
      doc
        .font('cjk')
        .fontSize(11)
        .text(`${i + 1}. ${f.file_name}`, M, doc.y, { width }),
    );
    doc
      .font('cjk')
      .fontSize(9)
      .fillColor(GREY)
      .text('（附件请登录平台，在“我的专项培训”的项目详情中下载）', M, doc.y + 2, { width });
  }

  doc.moveDown(2);
  doc.font('cjk').fontSize(12).fillColor(INK).text(c.institution_name, M, doc.y, { width, align: 'right' });
  if (c.notice_published_at) doc.text(cn(chinaDay(c.notice_published_at)), M, doc.y + 4, { width, align: 'right' });
  doc.end();
  return done;
}

function scheduleTable(doc: PDFKit.PDFDocument, sessions: NoticePdfInput['sessions'], width: number) {
  doc.moveDown(1);
  doc.font('cjk-bold').fontSize(13).fillColor(INK).text('课程安排', M, doc.y);
  doc.moveDown(0.4);
  const cols = [
    { t: '时间', w: 150 },
    { t: '地点', w: 100 },
    { t: '主题', w: width - 330 },
    { t: '主讲', w: 80 },
  ];
  const row = (vals: string[], head = false) => {
    doc.font(head ? 'cjk-bold' : 'cjk').fontSize(10);
    const h = Math.max(22, ...vals.map((v, i) => doc.heightOfString(v, { width: cols[i]!.w - 8 }) + 10));
    if (doc.y + h > doc.page.height - M) doc.addPage();
    const top = doc.y;
    let x = M;
    if (head) doc.rect(M, top, width, h).fillColor('#f5f5f5').fill();
    vals.forEach((v, i) => {
      doc.rect(x, top, cols[i]!.w, h).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.fillColor(INK).text(v, x + 4, top + 5, { width: cols[i]!.w - 8 });
      x += cols[i]!.w;
    });
    doc.x = M;
    doc.y = top + h;
  };
  row(
    cols.map((c) => c.t),
    true,
  );
  for (const s of sessions) row([sessionWhen(s), s.place || '—', s.topic, s.lecturer || '—']);
}
