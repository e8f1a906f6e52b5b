// 学分申报 evidence (证明材料): the type is decided by the file's bytes, never by its name or the
// browser's word, and files live under uploadDir, outside the web root, served only through a route
// that checks who is asking.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { safeFileName } from '../../files/file-name.ts';
import { detectFileType, type FileExt } from '../../files/file-type.ts';
import { AppError, invalid } from '../../http/errors.ts';

export const MAX_EVIDENCE_FILES = 5;
const ALLOWED: readonly FileExt[] = ['pdf', 'jpg', 'png'];
// uploads carry 16 random hex digits; demo evidence (demo.ts) is named claim-<teacher>-demo-<n>
const STORED_NAME = /^claim-\d+-(?:[0-9a-f]{16}|demo-\d+)\.(pdf|jpg|png)$/;

/** Scanned certificates run larger than photos: at least 5 MB each, more if the deployment allows it. */
export const evidenceMaxBytes = (config: Config) => Math.max(config.uploadMaxBytes, 5 * 1024 * 1024);
export const tooLarge = (config: Config) =>
  new AppError(413, 'FILE_TOO_LARGE', `每个证明材料不能超过 ${Math.round(evidenceMaxBytes(config) / 1024 / 1024)} MB，请压缩后重新上传`);

export interface EvidenceUpload {
  fileName: string;
  data: Buffer;
}
export interface CheckedEvidence {
  fileName: string;
  data: Buffer;
  mime: string;
  ext: string;
}

/** `kept`: files a 重新申报 keeps from the returned claim; they count towards the limit. */
export async function checkEvidence(config: Config, files: EvidenceUpload[], kept = 0): Promise<CheckedEvidence[]> {
  if (!files.length && !kept) throw invalid('请上传至少 1 个证明材料（PDF、JPG 或 PNG）', { files: '请上传证明材料' });
  if (files.length + kept > MAX_EVIDENCE_FILES) {
    const msg = kept
      ? `证明材料合计最多 ${MAX_EVIDENCE_FILES} 个（原申报的 ${kept} 个已沿用）`
      : `证明材料最多上传 ${MAX_EVIDENCE_FILES} 个`;
    throw invalid(msg, { files: '文件过多' });
  }
  const checked: CheckedEvidence[] = [];
  for (const f of files) {
    const shown = safeFileName(f.fileName, null, '证明材料');
    if (!f.data.length) throw invalid(`证明材料“${shown}”是空文件`, { files: '空文件' });
    if (f.data.length > evidenceMaxBytes(config)) throw tooLarge(config);
    const type = await detectFileType(f.data, ALLOWED);
    if (!type) throw invalid(`证明材料“${shown}”不是 PDF、JPG 或 PNG 文件，请转换后重新上传`, { files: '文件格式不支持' });
    // stored and shown with the extension of what the bytes are: `evil\u202efdp.exe` becomes `evilfdp.pdf`
    checked.push({ fileName: safeFileName(f.fileName, type, '证明材料'), data: f.data, mime: type.mime, ext: type.ext });
  }
  return checked;
}

/** Writes the files and returns their stored names; the caller removes them if its transaction fails. */
export function writeEvidence(config: Config, teacherId: number, files: CheckedEvidence[]): string[] {
  mkdirSync(config.uploadDir, { recursive: true });
  return files.map((f) => {
    const name = `claim-${teacherId}-${randomBytes(8).toString('hex')}.${f.ext}`;
    writeFileSync(path.join(config.uploadDir, name), f.data, { mode: 0o600 });
    return name;
  });
}

export function removeEvidence(config: Config, storedNames: string[]) {
  for (const n of storedNames) if (STORED_NAME.test(n)) rmSync(path.join(config.uploadDir, n), { force: true });
}

/** The file behind a stored name from the database (never a path a user typed), or null. */
export function evidencePath(config: Config, storedName: string): string | null {
  if (!STORED_NAME.test(storedName)) return null;
  const p = path.join(config.uploadDir, storedName);
  return existsSync(p) ? p : null;
}
