// The one way to read an uploaded xlsx. A spreadsheet is a zip of XML, and a 1 MB upload can expand
// to gigabytes (25 million shared strings froze the server for 30 s and took 3 GB). So the file is
// read in a worker thread (xlsx-worker.mjs) that first checks the zip (entry count, declared and
// actual uncompressed size, under a hard inflate cap), counts cells before and while it streams the
// rows, and runs with a capped heap and a time limit. The event loop only waits for a message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CellValue } from 'exceljs';
import type { Config } from '../config.ts';
import { AppError, invalid } from '../http/errors.ts';

export type SpreadsheetLimits = Config['spreadsheet'];
/** A row that holds at least one value: n is its row number in the sheet (1 = the header row), values[col] with col from 1. */
export interface SheetRow {
  n: number;
  values: CellValue[];
}
export interface ReadSheetOptions {
  limits: SpreadsheetLimits;
  /** Rows with values (the header included) to return; past that, reading stops and `truncated` is set. */
  maxRows: number;
  /** What to tell the user when the file is no readable xlsx: each import names its own template. */
  unreadable: string;
}

const WORKER = new URL('./xlsx-worker.mjs', import.meta.url);
/** A valid 5000-row sheet reads in about a second; a file still busy after this is not a school's sheet. */
const TIME_LIMIT_MS = 20_000;
/** The worker's JavaScript heap: a sheet at the cell limit fits, a runaway parse dies alone. */
const HEAP_MB = 256;
/** Files read at the same time; more wait their turn, so parallel uploads cannot multiply the heap. */
const PARALLEL = 2;

const tooLarge = () => new AppError(400, 'SPREADSHEET_TOO_LARGE', '文件解压后过大，请检查文件或拆分后再导入');
const REFUSALS: Record<string, (o: ReadSheetOptions) => AppError> = {
  too_large: tooLarge,
  too_many_entries: () =>
    new AppError(400, 'SPREADSHEET_TOO_LARGE', '文件内部的组成部分过多，不是常规的 Excel 文件，请用 Excel 另存为 xlsx 后再导入'),
  too_many_cells: (o) =>
    new AppError(
      400,
      'SPREADSHEET_TOO_MANY_CELLS',
      `表格的单元格过多（超过 ${o.limits.maxCells.toLocaleString('en-US')} 个），请删除多余的行、列或工作表，或拆分后再导入`,
    ),
  too_slow: () => new AppError(400, 'SPREADSHEET_TOO_COMPLEX', '文件过于复杂，未能在限定时间内读完，请检查文件或拆分后再导入'),
  corrupt: (o) => invalid(o.unreadable),
  no_sheet: () => invalid('文件中没有工作表'),
};

type Reply = { ok: true; rows: SheetRow[]; truncated: boolean } | { ok: false; kind: string; detail?: string };

let running = 0;
const queue: Array<() => void> = [];
async function turn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next)
      next(); // the slot passes on, running stays the same
    else running--;
  }
}

function inWorker(data: Buffer, o: ReadSheetOptions): Promise<Reply> {
  return new Promise((resolve) => {
    // exceljs parks worksheets that come before the shared strings in temp files, and a worker cut
    // short never deletes them: each job gets its own directory, removed here whatever happens
    const scratch = mkdtempSync(path.join(tmpdir(), 'shixun-xlsx-'));
    // a copy the worker owns: the upload buffer may be a slice of a shared pool
    const copy = new Uint8Array(data);
    const worker = new Worker(WORKER, {
      workerData: { data: copy, limits: o.limits, maxRows: o.maxRows },
      transferList: [copy.buffer],
      env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const finish = (r: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // the turn ends when the worker is gone and its files with it, not when the answer is known
      worker
        .terminate()
        .catch(() => {})
        .finally(() => {
          rmSync(scratch, { recursive: true, force: true });
          resolve(r);
        });
    };
    const timer = setTimeout(() => finish({ ok: false, kind: 'too_slow' }), TIME_LIMIT_MS);
    worker.on('message', (m: Reply) => finish(m));
    worker.on('error', (e: Error & { code?: string }) =>
      finish({ ok: false, kind: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_slow' : 'unreadable', detail: e.message }),
    );
    worker.on('exit', () => finish({ ok: false, kind: 'unreadable', detail: 'worker exited' }));
  });
}

/** The first worksheet's rows that hold values; refuses (400, in Chinese) a file past the limits. */
export async function readFirstSheet(data: Buffer, o: ReadSheetOptions): Promise<{ rows: SheetRow[]; truncated: boolean }> {
  const r = await turn(() => inWorker(data, o));
  if (r.ok) return { rows: r.rows, truncated: r.truncated };
  throw (REFUSALS[r.kind] ?? ((x: ReadSheetOptions) => invalid(x.unreadable)))(o);
}

/** The cells of a row by column (from 1), or undefined. */
export const cellAt = (row: SheetRow | undefined, col: number): CellValue => row?.values[col];
