// Streamed spreadsheets (exceljs's streaming writer: memory stays flat however many rows): a workbook
// written into a stream the route sends as it fills. Every text cell a spreadsheet could read as a
// formula (= + - @, or a leading tab / carriage return) gets a leading apostrophe.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value a spreadsheet will never evaluate. */
export function neutralise(v: unknown): unknown {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

/** Appends one row of neutralised values and commits it (the row leaves memory). */
export function addRow(ws: ExcelJS.Worksheet, values: unknown[]) {
  ws.addRow(values.map(neutralise)).commit();
}

/** Starts writing a workbook; the stream is returned at once, a failure while writing destroys it. */
export function streamWorkbook(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): PassThrough {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  write(wb)
    .then(() => wb.commit())
    .catch((e) => stream.destroy(e as Error));
  return stream;
}
