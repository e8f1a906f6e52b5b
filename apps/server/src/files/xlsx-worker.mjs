// The worker thread behind xlsx-reader.ts: checks the zip, then streams the first worksheet's rows
// with exceljs's WorkbookReader, counting cells. It runs off the main thread so that a hostile file
// costs this thread's time and heap (capped by the parent), never the server's event loop.
// Plain JavaScript on purpose: worker threads have no TypeScript loader under tsx or vitest.
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { ZipRefused, countElements, inspectZip } from './zip-guard.mjs';

/** @typedef {{ data: Uint8Array, limits: { maxUncompressedBytes: number, maxEntries: number, maxCells: number }, maxRows: number }} Job */

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** @param {Job} job */
export async function readRows({ data, limits, maxRows }) {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let cells = 0;
  let sheets = 0;
  inspectZip(buf, {
    ...limits,
    // counted on the raw XML before exceljs builds an object for each: a file declaring millions of
    // strings or cells is refused here, in milliseconds
    onEntry(name, xml) {
      if (name === 'xl/sharedStrings.xml') cells = Math.max(cells, countElements(xml, 'si'));
      else if (SHEET.test(name)) sheets++, (cells = Math.max(cells, countElements(xml, 'c')));
      if (cells > limits.maxCells) throw new ZipRefused('too_many_cells', `more than ${limits.maxCells} cells`);
    },
  });
  if (!sheets) return { ok: false, kind: 'no_sheet' };

  // loaded only now: a refused file never pays for exceljs (a few hundred milliseconds)
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  /** @type {Array<{ n: number, values: unknown[] }>} */
  const rows = [];
  let counted = 0;
  let truncated = false;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // an empty row still costs a parse: it counts as one cell
      counted += Math.max(1, row.cellCount);
      if (counted > limits.maxCells) throw new ZipRefused('too_many_cells', `more than ${limits.maxCells} cells`);
      if (!row.hasValues) continue;
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      rows.push({ n: row.number, values: /** @type {unknown[]} */ (row.values) });
    }
    break; // only the first worksheet is read; the others (填写说明) are left unparsed
  }
  return { ok: true, rows, truncated };
}

if (parentPort && workerData) {
  const port = parentPort;
  readRows(/** @type {Job} */ (workerData)).then(
    (r) => port.postMessage(r),
    (e) =>
      port.postMessage(
        e instanceof ZipRefused
          ? { ok: false, kind: e.kind, detail: e.message }
          : { ok: false, kind: 'unreadable', detail: String(e?.message ?? e) },
      ),
  );
}
