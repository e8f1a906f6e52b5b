// The zip check and the worker-thread reader on files built here: honest ones from exceljs and hand-made
// hostile ones (test/xlsx-bombs.ts) whose counts, sizes and headers lie.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombXlsx, plainXlsx, zip } from '../../test/xlsx-bombs.ts';
import { readFirstSheet, type SpreadsheetLimits } from './xlsx-reader.ts';
import { ZipRefused, countElements, inspectZip } from './zip-guard.mjs';

const LIMITS: SpreadsheetLimits = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 200, maxCells: 2_000_000 };
const read = (data: Buffer, limits: Partial<SpreadsheetLimits> = {}, maxRows = 100) =>
  readFirstSheet(data, { limits: { ...LIMITS, ...limits }, maxRows, unreadable: '文件无法读取' });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ZipRefused ? e.kind : `other: ${(e as Error).message}`;
  }
  return 'accepted';
};
const guard = (buf: Buffer, o: Partial<SpreadsheetLimits> = {}) => refusal(() => inspectZip(buf, { ...LIMITS, ...o }));

async function workbook(fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('数据'));
  wb.addWorksheet('填写说明').addRow(['说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('inspectZip', () => {
  it('passes an ordinary workbook and shows every part once', async () => {
    const names: string[] = [];
    const r = inspectZip(await workbook((ws) => ws.addRow(['a'])), { ...LIMITS, onEntry: (n) => names.push(n) });
    expect(r.entries).toBe(names.length);
    expect(names).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses too many entries and sizes declared past the limit before inflating anything', () => {
    const many = zip(Array.from({ length: 201 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('<a/>') })));
    expect(guard(many)).toBe('too_many_entries');
    expect(guard(many, { maxEntries: 201 })).toBe('accepted');
    let inflated = 0;
    const big = zip([{ name: 'a.xml', data: Buffer.alloc(10_000, 32) }]);
    expect(refusal(() => inspectZip(big, { ...LIMITS, maxUncompressedBytes: 9_999, onEntry: () => inflated++ }))).toBe('too_large');
    expect(inflated).toBe(0);
  });

  it('stops inflating at the budget when a header lies about the size', () => {
    const lying = zip([{ name: 'a.xml', data: Buffer.alloc(1_000_000, 32), declaredSize: 10 }]);
    expect(guard(lying, { maxUncompressedBytes: 100_000 })).toBe('too_large');
    // within the budget, a size that does not match is a damaged file
    expect(guard(lying)).toBe('corrupt');
    const stored = zip([{ name: 'a.xml', data: Buffer.alloc(100_000, 32), stored: true, declaredSize: 10 }]);
    expect(guard(stored, { maxUncompressedBytes: 50_000 })).toBe('too_large');
  });

  it('refuses a zip whose local entries differ from its directory (what a streaming reader would see instead)', () => {
    const good = zip([
      { name: 'a.xml', data: Buffer.from('<a/>') },
      { name: 'b.xml', data: Buffer.from('<b/>') },
    ]);
    expect(guard(good)).toBe('accepted');
    const renamed = Buffer.from(good);
    renamed.write('z', 30); // the first local header's name
    expect(guard(renamed)).toBe('corrupt');
    // an entry hidden between the listed ones, unknown to the directory
    const hidden = zip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const sneaky = zip([
      { name: 'a.xml', data: Buffer.from('<a/>') },
      { name: 'b.xml', data: Buffer.alloc(1000, 32) },
    ]);
    const cd = sneaky.readUInt32LE(sneaky.length - 6);
    const firstEnd = hidden.readUInt32LE(hidden.length - 6);
    // drop b.xml from the directory but leave its bytes in the file
    const dirA = sneaky.subarray(cd, cd + 46 + 5);
    const end = Buffer.from(sneaky.subarray(sneaky.length - 22));
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(dirA.length, 12);
    expect(firstEnd).toBeLessThan(cd);
    expect(guard(Buffer.concat([sneaky.subarray(0, cd), dirA, end]))).toBe('corrupt');
    expect(guard(Buffer.from('not a zip at all, just text that is long enough'))).toBe('corrupt');
    expect(guard(good.subarray(0, good.length - 5))).toBe('corrupt');
  });

  it('counts elements on the raw XML, with or without a namespace prefix', () => {
    expect(countElements(Buffer.from('<sst><si><t>a</t></si><x:si><t/></x:si><si/><sign/></sst>'), 'si')).toBe(3);
    expect(countElements(Buffer.from('<row><c r="A1"/><c r="B1"><v>1</v></c><col/></row>'), 'c')).toBe(2);
  });
});

describe('readFirstSheet (worker thread)', () => {
  it("returns the first worksheet's filled rows with numbers, dates, rich text and formula results", async () => {
    const data = await workbook((ws) => {
      ws.addRow(['证件号码', '姓名', '认定日期']);
      ws.addRow([450102, { richText: [{ text: '李' }, { text: '秀英' }] }, new Date(Date.UTC(2025, 5, 30))]);
      ws.addRow([]);
      ws.addRow(['x', { formula: '1+1', result: 2 }]);
    });
    const r = await read(data);
    expect(r.truncated).toBe(false);
    expect(r.rows.map((x) => x.n)).toEqual([1, 2, 4]);
    expect(r.rows[0]!.values.slice(1)).toEqual(['证件号码', '姓名', '认定日期']);
    expect(r.rows[1]!.values[1]).toBe(450102);
    expect(r.rows[1]!.values[3]).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(r.rows[1]!.values[2]).toMatchObject({ richText: [{ text: '李' }, { text: '秀英' }] });
    expect(r.rows[2]!.values[2]).toMatchObject({ formula: '1+1', result: 2 });
  });

  it('stops at maxRows and says so', async () => {
    const data = await workbook((ws) => {
      for (let i = 0; i < 50; i++) ws.addRow([i]);
    });
    const r = await read(data, {}, 10);
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });

  it('refuses too many cells, counted in the XML before parsing and while streaming', async () => {
    await expect(read(plainXlsx(['a'], 100, 10), { maxCells: 500 })).rejects.toMatchObject({
      status: 400,
      code: 'SPREADSHEET_TOO_MANY_CELLS',
    });
    await expect(read(plainXlsx(['a'], 100, 10), { maxCells: 500 })).rejects.toThrow('表格的单元格过多（超过 500 个）');
    expect((await read(plainXlsx(['a'], 40, 10), { maxCells: 500 })).rows).toHaveLength(41);
    // a string table bigger than the cell limit is refused even if the sheet uses none of it
    await expect(read(await bombXlsx(['a'], 1000), { maxCells: 500 })).rejects.toMatchObject({ code: 'SPREADSHEET_TOO_MANY_CELLS' });
  });

  it('refuses a zip bomb by its declared size and by its actual size when the header lies', async () => {
    const bomb = await bombXlsx(['a'], 5_000_000); // 85 MB of XML in ~200 KB
    expect(bomb.length).toBeLessThan(400_000);
    const started = Date.now();
    await expect(read(bomb)).rejects.toMatchObject({
      status: 400,
      code: 'SPREADSHEET_TOO_LARGE',
      message: '文件解压后过大，请检查文件或拆分后再导入',
    });
    const lying = await bombXlsx(['a'], 5_000_000, 1000);
    await expect(read(lying)).rejects.toMatchObject({ code: 'SPREADSHEET_TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers "unreadable" for what is not an xlsx, and leaves no temp files behind', async () => {
    // a temp root of this test's own: other test files read spreadsheets at the same time
    const own = mkdtempSync(path.join(tmpdir(), 'xlsx-reader-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      await expect(read(Buffer.from('学员编号,姓名\n1,张三\n'))).rejects.toMatchObject({ status: 400, message: '文件无法读取' });
      // exceljs writes the worksheet before the shared strings, so the reader parks it in a temp file
      await read(await workbook((ws) => ws.addRow(['a'])));
      await read(
        await workbook((ws) => {
          for (let i = 0; i < 50; i++) ws.addRow([`r${i}`]);
        }),
        {},
        5,
      );
      await expect(read(plainXlsx(['a'], 100, 10), { maxCells: 500 })).rejects.toThrow();
      expect(readdirSync(own)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(own, { recursive: true, force: true });
    }
  });
});
