// The 校本研修 spreadsheet: the template schools download, and reading a filled-in copy back into
// text cells. Columns are found by their header, so a school may reorder them; values are checked
// later, row by row, in school-based.import.ts.
import ExcelJS from 'exceljs';
import { cellAt, readFirstSheet, type SpreadsheetLimits } from '../../files/xlsx-reader.ts';
import { invalid } from '../../http/errors.ts';

export const COLUMNS = [
  { header: '证件号码', key: 'idNumber', width: 24, required: true },
  { header: '姓名', key: 'name', width: 12, required: true },
  { header: '年度', key: 'year', width: 8, required: true },
  { header: '认定日期', key: 'date', width: 14, required: true },
  { header: '研修内容', key: 'title', width: 40, required: true },
  { header: '学分', key: 'amount', width: 8, required: true },
  { header: '学时', key: 'hours', width: 8, required: false },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** numericId: Excel stored the ID number as a number and lost its last digits (the column was not text). */
export type RawRow = { row: number; numericId?: boolean } & Record<ColumnKey, string>;

/** A school has hundreds of teachers, a few entries each a term: this leaves room and keeps one transaction short. */
export const MAX_ROWS = 5000;

const HELP = [
  '填写说明',
  '1. 每行一条校本研修学分记录；第一行为表头，请勿修改表头文字。',
  '2. 证件号码：教师的 18 位身份证号，须为本校教师；姓名须与平台中的姓名一致。',
  '3. 年度：学分计入的年度，四位数字，如 2025；须在学分政策的培训周期内，且不晚于今年。',
  '4. 认定日期：格式 YYYY-MM-DD，如 2025-06-30；须在所属年度内或次年，且不晚于今天。',
  '5. 研修内容：校本研修活动的名称，不超过 200 字。',
  '6. 学分：大于 0，最多两位小数；学时可不填。',
  '7. 同一文件可以重复上传：已导入过的记录（同一教师、年度、日期、内容和学分）不会重复记入。',
];

export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('校本研修');
  // text format: Excel must not turn an ID number into 4.50102E+17 or a date into a serial number
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  HELP.forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
  });
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pad = (n: string) => n.padStart(2, '0');

/** Spreadsheet cell → trimmed text; dates as YYYY-MM-DD (Excel stores them as numbers or Date). */
export function cellText(v: ExcelJS.CellValue, asDate = false): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    // an Excel date serial (days since 1899-12-30) in a date column that was not formatted as text
    if (asDate && v > 20000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
    return String(v);
  }
  if (typeof v === 'string') return asDate ? normalizeDate(v.trim()) : v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if ('richText' in v) return cellText(v.richText.map((p) => p.text).join(''), asDate);
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue, asDate);
  if ('text' in v) return cellText(v.text as string, asDate);
  return '';
}

/** 2025/6/30, 2025.6.30, 2025年6月30日 → 2025-06-30; anything else is left for the date check to refuse. */
function normalizeDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : s;
}

export async function readSchoolBasedSheet(data: Buffer, limits: SpreadsheetLimits): Promise<RawRow[]> {
  // the header and at most MAX_ROWS filled rows are read; past that the file is refused unparsed
  const sheet = await readFirstSheet(data, {
    limits,
    maxRows: MAX_ROWS + 1,
    unreadable: '文件无法读取：请上传由模板填写的 xlsx 文件（不支持 xls、csv）',
  });
  const at = new Map<string, number>();
  sheet.rows
    .find((r) => r.n === 1)
    ?.values.forEach((v, col) => {
      if (v !== null && v !== undefined) at.set(cellText(v).replace(/^\*/, ''), col);
    });
  const missing = COLUMNS.filter((c) => c.required && !at.has(c.header)).map((c) => c.header);
  if (missing.length) throw invalid(`表头缺少：${missing.join('、')}。请下载模板，按模板的表头填写`);
  const tooMany = () => invalid(`一次最多导入 ${MAX_ROWS} 行，请分成几个文件上传`);
  if (sheet.truncated) throw tooMany();
  const rows: RawRow[] = [];
  for (const r of sheet.rows) {
    if (r.n < 2) continue;
    const raw = { row: r.n } as RawRow;
    for (const c of COLUMNS) {
      const col = at.get(c.header);
      raw[c.key] = col === undefined ? '' : cellText(cellAt(r, col), c.key === 'date');
    }
    if (COLUMNS.every((c) => raw[c.key] === '')) continue; // blank lines between blocks are not errors
    const idCol = at.get('证件号码');
    if (idCol !== undefined && typeof cellAt(r, idCol) === 'number') raw.numericId = true;
    rows.push(raw);
    if (rows.length > MAX_ROWS) throw tooMany();
  }
  if (!rows.length) throw invalid('文件中没有数据行：请从第二行开始填写');
  return rows;
}
