// Hostile spreadsheets, built at test time (no binary in the repository): a minimal xlsx written by
// hand as a zip, so that sizes, counts and headers can lie on purpose.
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's content; or `deflated` when it was compressed as a stream (too big to hold). */
  data?: Buffer;
  deflated?: { raw: Buffer; size: number; crc: number };
  /** Write this as the uncompressed size in both headers instead of the true one. */
  declaredSize?: number;
  /** Keep the part uncompressed (method 0). */
  stored?: boolean;
}

/** A zip of the parts in order: local headers, data, central directory, end record. */
export function zip(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const raw = p.deflated?.raw ?? (p.stored ? p.data! : deflateRawSync(p.data!));
    const size = p.declaredSize ?? p.deflated?.size ?? p.data!.length;
    const crc = p.deflated?.crc ?? crc32(p.data!);
    const method = p.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(raw.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(raw.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    out.push(local, name, raw);
    central.push(cd, name);
    offset += 30 + name.length + raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every xlsx has, around a given worksheet and shared strings. */
export function xlsxParts(sheet: ZipPart, sharedStrings: ZipPart): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(`<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { ...sharedStrings, name: 'xl/sharedStrings.xml' },
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ];
}

/** A worksheet whose first row holds shared strings 0…n-1 (the header) and `rows` more rows of numbers. */
export function sheetXml(headerCells: number, rows = 0, cellsPerRow = 1): Buffer {
  const col = (i: number) => (i < 26 ? '' : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));
  const header = Array.from({ length: headerCells }, (_, i) => `<c r="${col(i)}1" t="s"><v>${i}</v></c>`).join('');
  const body: string[] = [];
  for (let r = 2; r < rows + 2; r++)
    body.push(`<row r="${r}">${Array.from({ length: cellsPerRow }, (_, i) => `<c r="${col(i)}${r}"><v>${i}</v></c>`).join('')}</row>`);
  return xml(`<worksheet ${NS}><sheetData><row r="1">${header}</row>${body.join('')}</sheetData></worksheet>`);
}

/**
 * The shared strings of the outside tester's file: the header's strings, then `count` more tiny
 * strings, deflated as a stream (25 million strings are 400 MB of XML and about 1 MB compressed).
 */
export async function sharedStringsBomb(header: string[], count: number): Promise<NonNullable<ZipPart['deflated']>> {
  const z = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  let crc = 0,
    size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await once(z, 'drain');
  };
  await write(
    xml(
      `<sst ${NS} count="${count + header.length}" uniqueCount="${count + header.length}">${header.map((h) => `<si><t>${h}</t></si>`).join('')}`,
    ),
  );
  const block = Buffer.from('<si><t>a</t></si>'.repeat(4096));
  for (let left = count; left > 0; left -= 4096) await write(left >= 4096 ? block : block.subarray(0, left * 17));
  await write(Buffer.from('</sst>'));
  z.end();
  await once(z, 'end');
  return { raw: Buffer.concat(chunks), size, crc };
}

/** An xlsx around a deflated string table; its declared size is the true one unless `declaredSize`. */
export function xlsxWithStrings(header: string[], sst: NonNullable<ZipPart['deflated']>, declaredSize?: number): Buffer {
  return zip(xlsxParts({ name: '', data: sheetXml(header.length) }, { name: '', deflated: sst, declaredSize }));
}

/** The zip bomb as an xlsx: the template's header and `count` more shared strings. */
export async function bombXlsx(header: string[], count: number, declaredSize?: number): Promise<Buffer> {
  return xlsxWithStrings(header, await sharedStringsBomb(header, count), declaredSize);
}

/** A small, honest xlsx of the same hand-made kind: the header row and `rows` rows of numbers. */
export function plainXlsx(header: string[], rows = 0, cellsPerRow = 1): Buffer {
  const sst = xml(
    `<sst ${NS} count="${header.length}" uniqueCount="${header.length}">${header.map((h) => `<si><t>${h}</t></si>`).join('')}</sst>`,
  );
  return zip(xlsxParts({ name: '', data: sheetXml(header.length, rows, cellsPerRow) }, { name: '', data: sst }));
}
