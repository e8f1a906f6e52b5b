// Checks an uploaded zip (xlsx, docx) before anything parses it, so that a few compressed kilobytes
// cannot turn into gigabytes. Plain JavaScript on purpose: it runs inside a worker thread, where no
// TypeScript loader is present (types: zip-guard.d.mts).
//
// The check walks the file the way exceljs's reader (unzipper's streaming parser) will: local headers
// one after another from byte 0. Every entry must match its central-directory record, entries must
// sit back to back, and each one is inflated here under a hard output cap. So the bytes exceljs later
// inflates are exactly the bytes measured here; a header that lies about sizes is caught by the cap.
import { inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

export class ZipRefused extends Error {
  /** @param {'too_many_entries' | 'too_large' | 'too_many_cells' | 'corrupt'} kind @param {string} detail */
  constructor(kind, detail) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
  }
}

const corrupt = (/** @type {string} */ detail) => new ZipRefused('corrupt', detail);

/** @param {Buffer} buf @param {number} at @param {number} len */
function need(buf, at, len) {
  if (at < 0 || at + len > buf.length) throw corrupt(`record at ${at} runs past the end`);
}

/** @param {Buffer} buf */
function findEnd(buf) {
  // the end record is 22 bytes plus a comment of at most 65535
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === END && at + 22 + buf.readUInt16LE(at + 20) === buf.length) return at;
  }
  throw corrupt('no end of central directory');
}

/**
 * @param {Buffer} buf
 * @param {{ maxEntries: number, maxUncompressedBytes: number, onEntry?: (name: string, data: Buffer) => void }} o
 * @returns {{ entries: number, uncompressedBytes: number }}
 */
export function inspectZip(buf, o) {
  if (buf.length < 22) throw corrupt('too short');
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 6) !== 0 || buf.readUInt16LE(end + 8) !== count)
    throw corrupt('multi-disk zip');
  // 0xffff entries or an offset of 0xffffffff means zip64, which no spreadsheet under our upload limit needs
  if (count > o.maxEntries || count === 0xffff) throw new ZipRefused('too_many_entries', `${count} entries`);
  if (cdOffset === 0xffffffff || cdOffset + cdSize !== end) throw corrupt('central directory is not where the end record says');

  /** @type {Array<{ name: Buffer, method: number, compressed: number, size: number, offset: number }>} */
  const entries = [];
  let declared = 0;
  for (let i = 0, at = cdOffset; i < count; i++) {
    need(buf, at, 46);
    if (buf.readUInt32LE(at) !== CENTRAL) throw corrupt(`central record ${i}`);
    const flags = buf.readUInt16LE(at + 8),
      method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20),
      size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28),
      extraLen = buf.readUInt16LE(at + 30),
      commentLen = buf.readUInt16LE(at + 32);
    need(buf, at + 46, nameLen + extraLen + commentLen);
    if (flags & 1) throw corrupt('encrypted entry');
    if (method !== 0 && method !== 8) throw corrupt(`compression method ${method}`);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new ZipRefused('too_large', 'zip64 entry');
    declared += size;
    if (declared > o.maxUncompressedBytes) throw new ZipRefused('too_large', `declares more than ${o.maxUncompressedBytes} bytes`);
    entries.push({ name: buf.subarray(at + 46, at + 46 + nameLen), method, compressed, size, offset: buf.readUInt32LE(at + 42) });
    at += 46 + nameLen + extraLen + commentLen;
    if (i === count - 1 && at !== end) throw corrupt('central directory size');
  }

  entries.sort((a, b) => a.offset - b.offset);
  let pos = 0;
  let inflated = 0;
  for (const e of entries) {
    if (e.offset !== pos) throw corrupt(`entry at ${e.offset}, expected ${pos}`);
    need(buf, pos, 30);
    if (buf.readUInt32LE(pos) !== LOCAL) throw corrupt(`local header at ${pos}`);
    const flags = buf.readUInt16LE(pos + 6),
      method = buf.readUInt16LE(pos + 8);
    const compressed = buf.readUInt32LE(pos + 18);
    const nameLen = buf.readUInt16LE(pos + 26),
      extraLen = buf.readUInt16LE(pos + 28);
    need(buf, pos + 30, nameLen + extraLen);
    if (method !== e.method || !buf.subarray(pos + 30, pos + 30 + nameLen).equals(e.name))
      throw corrupt(`local header at ${pos} differs from the directory`);
    const start = pos + 30 + nameLen + extraLen;
    need(buf, start, e.compressed);
    if (flags & 8 && compressed === 0) {
      // size known only from a trailing descriptor: a streaming reader takes the data up to the first signature
      if (buf.indexOf(DESCRIPTOR, start) !== start + e.compressed) throw corrupt(`descriptor of entry at ${pos}`);
      need(buf, start + e.compressed, 16);
      pos = start + e.compressed + 16;
    } else {
      if (compressed !== e.compressed) throw corrupt(`local size of entry at ${pos}`);
      pos = start + e.compressed;
    }
    const data = contentOf(buf.subarray(start, start + e.compressed), e.method, o.maxUncompressedBytes - inflated);
    inflated += data.length;
    if (inflated > o.maxUncompressedBytes) throw new ZipRefused('too_large', 'inflates past the budget');
    if (data.length !== e.size) throw corrupt(`entry at ${e.offset} is ${data.length} bytes, declared ${e.size}`);
    o.onEntry?.(e.name.toString('utf8'), data);
  }
  if (pos !== cdOffset) throw corrupt('bytes between the last entry and the central directory');
  return { entries: entries.length, uncompressedBytes: inflated };
}

/** @param {Buffer} raw @param {number} method @param {number} budget */
function contentOf(raw, method, budget) {
  if (method === 0) {
    if (raw.length > budget) throw new ZipRefused('too_large', 'stored entry over the budget');
    return raw;
  }
  try {
    // the cap is what is left of the whole file's budget, not the entry's declared size: a lying
    // header still cannot get past it, and the answer says "too large" rather than "damaged"
    const r = /** @type {{ buffer: Buffer, engine: { bytesWritten: number } }} */ (
      /** @type {unknown} */ (inflateRawSync(raw, { maxOutputLength: Math.max(1, budget), info: true }))
    );
    if (r.engine.bytesWritten !== raw.length) throw corrupt('data after the end of a deflate stream');
    return r.buffer;
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    if (/** @type {{ code?: string }} */ (e).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefused('too_large', 'inflates past the budget');
    throw corrupt(`deflate: ${/** @type {Error} */ (e).message}`);
  }
}

/**
 * How many elements named `local` (any namespace prefix) an XML part holds, counted on the raw bytes
 * without parsing: `<si>` in sharedStrings.xml, `<c ` in a worksheet.
 * @param {Buffer} xml @param {string} local
 */
export function countElements(xml, local) {
  const text = xml.toString('latin1');
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}[\\s/>]`, 'g');
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}
