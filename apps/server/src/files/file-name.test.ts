import { describe, expect, it } from 'vitest';
import { safeFileName, visibleText } from './file-name.ts';

describe('safeFileName', () => {
  it('drops a right-to-left override and takes the extension from the content, not the name', () => {
    // shown by a bidi-aware UI as «evilexe.pdf»; it is a PDF, so it becomes one
    expect(safeFileName('evil\u202efdp.exe', 'pdf')).toBe('evilfdp.pdf');
    expect(safeFileName('evil\u202efdp.exe', { ext: 'pdf' })).toBe('evilfdp.pdf');
    expect(safeFileName('照片.pdf', 'png')).toBe('照片.png');
    expect(safeFileName('报告.PDF', 'pdf')).toBe('报告.pdf');
    expect(safeFileName('report.pdf.exe', 'pdf')).toBe('report.pdf');
    expect(safeFileName('无扩展名', 'jpg')).toBe('无扩展名.jpg');
  });

  it('removes every control, bidi, zero-width and format character', () => {
    const hidden = [
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2060',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\ufeff',
      '\u00ad',
      '\u061c',
      '\u2028',
      '\u2029',
      '\ue000',
    ];
    for (const ch of hidden) expect(safeFileName(`证${ch}明.pdf`, 'pdf'), `U+${ch.codePointAt(0)!.toString(16)}`).toBe('证明.pdf');
    expect(safeFileName('a\r\nb\tc.pdf')).toBe('abc.pdf');
    expect(visibleText('a\u202eb\u2066c')).toBe('abc');
  });

  it('keeps only the last path segment and replaces characters file systems reserve', () => {
    expect(safeFileName('C:\\fakepath\\证书.pdf', 'pdf')).toBe('证书.pdf');
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('a<b>c:d"e|f?g*h.pdf', 'pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(safeFileName('..', 'pdf', '证明材料')).toBe('证明材料.pdf');
    expect(safeFileName('  .hidden  ', 'png')).toBe('hidden.png');
    expect(safeFileName('CON.pdf', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('lpt1', 'pdf')).toBe('_lpt1.pdf');
  });

  it('falls back to a name when nothing is left, and keeps the typed one when the type is unknown', () => {
    expect(safeFileName(undefined, 'pdf', '证明材料')).toBe('证明材料.pdf');
    expect(safeFileName('\u202e\u200b', null, '附件')).toBe('附件');
    expect(safeFileName('日程.docx')).toBe('日程.docx');
    expect(safeFileName('a\u3000\u00a0 b.pdf', 'pdf')).toBe('a b.pdf');
  });

  it('bounds the length in characters and in UTF-8 bytes without splitting a character', () => {
    expect(safeFileName(`${'a'.repeat(500)}.exe`, 'pdf')).toBe(`${'a'.repeat(96)}.pdf`);
    const long = safeFileName(`${'培训'.repeat(200)}.pdf`, 'pdf');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^(培训)+培?\.pdf$/);
    const emoji = safeFileName('😀'.repeat(200), 'png');
    expect(emoji).toMatch(/^(😀)+\.png$/u);
  });
});
