// The score spreadsheet: a template with the class's trainees filled in (学员编号 is the key, since a
// masked ID number cannot be one), and reading a filled-in copy back. Columns are found by header.
import ExcelJS from 'exceljs';
import { cellAt, readFirstSheet, type SpreadsheetLimits } from '../../files/xlsx-reader.ts';
import { invalid } from '../../http/errors.ts';
import { cellText } from '../credits/school-based.sheet.ts';

export const SCORE_COLUMNS = [
  { header: '学员编号', key: 'enrollmentId', width: 10, required: true },
  { header: '姓名', key: 'name', width: 12, required: true },
  { header: '证件号码', key: 'idNumber', width: 22, required: false },
  { header: '单位', key: 'school', width: 28, required: false },
  { header: '集中学习', key: 'onsite', width: 10, required: true },
  { header: '网络学习', key: 'online', width: 10, required: true },
] as const;
type Key = (typeof SCORE_COLUMNS)[number]['key'];
export type ScoreRawRow = { row: number } & Record<Key, string>;
export const MAX_SCORE_ROWS = 5000;

export interface TemplateRow {
  enrollmentId: number;
  name: string;
  idNumber: string | null;
  school: string;
  onsite: number | null;
  online: number | null;
}

export async function scoreTemplate(
  title: string,
  weights: { onsite: number; online: number; passMark: number },
  rows: TemplateRow[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.columns = SCORE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows)
    ws.addRow({
      enrollmentId: r.enrollmentId,
      name: r.name,
      idNumber: r.idNumber ?? '',
      school: r.school,
      onsite: r.onsite ?? undefined,
      online: r.online ?? undefined,
    });
  // the masked ID and school are for the eye only: grey, so nobody edits them expecting an effect
  for (const col of [3, 4]) ws.getColumn(col).font = { color: { argb: 'FF8C8C8C' } };
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  [
    '填写说明',
    `班级：${title}`,
    '1. 每行一名学员；请勿修改表头，也不要修改“学员编号”和“姓名”（两者须与平台一致，用于识别学员）。',
    '2. 证件号码已脱敏、单位仅供核对，修改它们不起作用。',
    '3. 集中学习、网络学习：0–100 的数字，最多两位小数；留空表示不修改该项成绩。',
    `4. 总成绩 = 集中学习 × ${weights.onsite}% + 网络学习 × ${weights.online}%，${weights.passMark} 分及以上为合格，由平台自动计算。`,
    '5. 合格的学员自动获得项目学分和结业证书；同一文件重复上传不会重复记入。',
  ].forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
  });
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readScoreSheet(data: Buffer, limits: SpreadsheetLimits): Promise<ScoreRawRow[]> {
  // the header and at most MAX_SCORE_ROWS filled rows are read; past that the file is refused unparsed
  const sheet = await readFirstSheet(data, {
    limits,
    maxRows: MAX_SCORE_ROWS + 1,
    unreadable: '文件无法读取：请上传由成绩模板填写的 xlsx 文件（不支持 xls、csv）',
  });
  const at = new Map<string, number>();
  sheet.rows
    .find((r) => r.n === 1)
    ?.values.forEach((v, col) => {
      if (v !== null && v !== undefined) at.set(cellText(v).replace(/^\*/, ''), col);
    });
  const missing = SCORE_COLUMNS.filter((c) => c.required && !at.has(c.header)).map((c) => c.header);
  if (missing.length) throw invalid(`表头缺少：${missing.join('、')}。请下载成绩模板，按模板的表头填写`);
  const tooMany = () => invalid(`一次最多导入 ${MAX_SCORE_ROWS} 行，请分成几个文件上传`);
  if (sheet.truncated) throw tooMany();
  const rows: ScoreRawRow[] = [];
  for (const r of sheet.rows) {
    if (r.n < 2) continue;
    const raw = { row: r.n } as ScoreRawRow;
    for (const c of SCORE_COLUMNS) {
      const col = at.get(c.header);
      raw[c.key] = col === undefined ? '' : cellText(cellAt(r, col));
    }
    if (SCORE_COLUMNS.every((c) => raw[c.key] === '')) continue;
    rows.push(raw);
    if (rows.length > MAX_SCORE_ROWS) throw tooMany();
  }
  if (!rows.length) throw invalid('文件中没有数据行：请从第二行开始填写');
  return rows;
}
