// Attachments of the 开班通知 (报到须知, 日程表, 回执表 …). The type is decided by the file's bytes,
// never by its name; files live under uploadDir, outside the web root, and are served only through a
// route that checks the caller is the institution or a trainee of the class.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { safeFileName } from '../../files/file-name.ts';
import { detectFileType, type FileExt } from '../../files/file-type.ts';
import { AppError, invalid } from '../../http/errors.ts';

export const MAX_NOTICE_FILES = 10;
const ALLOWED: readonly FileExt[] = ['pdf', 'jpg', 'png', 'docx', 'xlsx'];
const STORED_NAME = /^notice-\d+-[0-9a-f]{16}\.(pdf|jpg|png|docx|xlsx)$/;

/** A schedule scanned as PDF runs larger than a photo: at least 10 MB, more if the deployment allows. */
export const noticeFileMaxBytes = (config: Config) => Math.max(config.uploadMaxBytes, 10 * 1024 * 1024);
export const noticeFileTooLarge = (config: Config) =>
  new AppError(413, 'FILE_TOO_LARGE', `附件不能超过 ${Math.round(noticeFileMaxBytes(config) / 1024 / 1024)} MB，请压缩后重新上传`);

export interface CheckedFile {
  fileName: string;
  data: Buffer;
  mime: string;
  ext: string;
}

export async function checkNoticeFile(config: Config, fileName: string | undefined, data: Buffer): Promise<CheckedFile> {
  const name = safeFileName(fileName, null, '附件');
  if (!data.length) throw invalid(`附件“${name}”是空文件`);
  if (data.length > noticeFileMaxBytes(config)) throw noticeFileTooLarge(config);
  const type = await detectFileType(data, ALLOWED);
  if (!type) throw invalid(`附件“${name}”不是 PDF、JPG、PNG、Word（docx）或 Excel（xlsx）文件，请转换后重新上传`);
  // the shown name keeps what the user called it, but with the extension the content really has
  return { fileName: safeFileName(fileName, type, '附件'), data, mime: type.mime, ext: type.ext };
}

/** Writes the file and returns its stored name; the caller removes it if its transaction fails. */
export function writeNoticeFile(config: Config, classId: number, f: CheckedFile): string {
  mkdirSync(config.uploadDir, { recursive: true });
  const name = `notice-${classId}-${randomBytes(8).toString('hex')}.${f.ext}`;
  writeFileSync(path.join(config.uploadDir, name), f.data, { mode: 0o600 });
  return name;
}

export function removeNoticeFile(config: Config, storedName: string) {
  if (STORED_NAME.test(storedName)) rmSync(path.join(config.uploadDir, storedName), { force: true });
}

/** The file behind a stored name from the database (never a path a user typed), or null. */
export function noticeFilePath(config: Config, storedName: string): string | null {
  if (!STORED_NAME.test(storedName)) return null;
  const p = path.join(config.uploadDir, storedName);
  return existsSync(p) ? p : null;
}
