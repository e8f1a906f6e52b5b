// Types of zip-guard.mjs (plain JavaScript so that a worker thread can load it without a TypeScript loader).
export type ZipRefusal = 'too_many_entries' | 'too_large' | 'too_many_cells' | 'corrupt';
export class ZipRefused extends Error {
  kind: ZipRefusal;
  constructor(kind: ZipRefusal, detail: string);
}
export function inspectZip(
  buf: Buffer,
  o: { maxEntries: number; maxUncompressedBytes: number; onEntry?: (name: string, data: Buffer) => void },
): { entries: number; uncompressedBytes: number };
export function countElements(xml: Buffer, local: string): number;
