// What every PDF of the platform shares (certificates, class notices, demo evidence): a document
// collected into one Buffer, and the CJK font registered as 'cjk' and 'cjk-bold'.
import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export function newPdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

// the .ttc files are tens of MB: read once per process, not once per document
const fontFiles = new Map<string, Buffer>();
const fontFile = (p: string) => fontFiles.get(p) ?? fontFiles.set(p, readFileSync(p)).get(p)!;

/** Registers 'cjk' and 'cjk-bold'; the bold cut sits beside the regular one in Debian's fonts-noto-cjk, else regular serves. */
export function registerCjkFonts(doc: PDFKit.PDFDocument, fontPath: string): void {
  doc.registerFont('cjk', fontFile(fontPath), 'NotoSansCJKsc-Regular');
  const bold = fontPath.replace('Regular', 'Bold');
  if (bold !== fontPath && existsSync(bold)) doc.registerFont('cjk-bold', fontFile(bold), 'NotoSansCJKsc-Bold');
  else doc.registerFont('cjk-bold', fontFile(fontPath), 'NotoSansCJKsc-Regular');
}
