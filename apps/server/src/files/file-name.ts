// File names as users typed them are shown in lists and PDFs and sent back in download headers, so
// they must not be able to lie: `evil\u202efdp.exe` displays as «evilexe.pdf» (a right-to-left
// override) and would download as .exe. A safe name keeps what the user called the file, minus
// anything invisible or meaningful to a file system, with the extension of the type the BYTES have.

/** Control characters, format characters (bidi overrides and isolates U+202A–U+202E, U+2066–U+2069,
 *  marks U+200E/U+200F, zero-width U+200B–U+200D, U+2060, BOM U+FEFF, soft hyphen …), line and
 *  paragraph separators, lone surrogates and private-use characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}]/gu;
/** Windows forbids these in names; / and \ are path separators everywhere. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Names Windows treats as devices, with or without an extension. */
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_CHARS = 100;
/** File systems allow 255 bytes; Chinese takes 3 a character in UTF-8. */
const MAX_BYTES = 200;
const EXT = /\.[A-Za-z0-9]{1,10}$/;

/** The name without invisible characters: for headers and messages that show a name as it is stored. */
export const visibleText = (s: string) => s.replace(INVISIBLE, '');

function shorten(s: string, chars: number, bytes: number): string {
  let out = '';
  let n = 0;
  let size = 0;
  for (const ch of s) {
    size += Buffer.byteLength(ch);
    if (++n > chars || size > bytes) break;
    out += ch;
  }
  return out;
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');

/**
 * A name fit to store, show and download: the last path segment, without control, bidi and other
 * invisible characters or reserved characters, at most 100 characters, and, when the content's type
 * is known, ending in that type's extension (the typed extension is replaced, never trusted).
 */
export function safeFileName(name: string | null | undefined, detectedType?: { ext: string } | string | null, fallback = '文件'): string {
  const ext = (typeof detectedType === 'string' ? detectedType : detectedType?.ext)?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '';
  const last = visibleText((name ?? '').normalize('NFC'))
    .split(/[\\/]/)
    .pop()!;
  let stem = tidy(last.replace(RESERVED, '_').replace(/\p{Zs}/gu, ' '));
  if (ext) {
    stem = stem.replace(EXT, '');
    if (stem.toLowerCase().endsWith(`.${ext}`)) stem = stem.slice(0, -ext.length - 1);
  }
  const room = ext ? ext.length + 1 : 0;
  stem = tidy(shorten(stem, MAX_CHARS - room, MAX_BYTES - room));
  if (!stem) stem = fallback;
  if (DEVICE.test(stem)) stem = `_${stem}`;
  return ext ? `${stem}.${ext}` : stem;
}
