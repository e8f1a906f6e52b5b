// 证书照片 and 头像: type decided by the file's bytes (not its name), kept under uploadDir outside
// the web root, served only through routes that check who is asking.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { teachers } from '@shixun/contracts';
import type { z } from 'zod';
import type { Deps } from '../../context.ts';
import { AppError, invalid } from '../../http/errors.ts';

export type PhotoKind = z.infer<typeof teachers.photoKind>;
const ALLOWED: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

export async function storePhoto(deps: Deps, userId: number, kind: PhotoKind, data: Buffer): Promise<string> {
  if (!data.length) throw invalid('请选择要上传的图片');
  if (data.length > deps.config.uploadMaxBytes)
    throw new AppError(413, 'FILE_TOO_LARGE', `图片不能超过 ${deps.config.uploadMaxBytes / 1024 / 1024} MB`);
  const type = await fileTypeFromBuffer(data);
  const ext = type && ALLOWED[type.mime];
  if (!ext) throw invalid('只能上传 JPG 或 PNG 格式的图片');
  mkdirSync(deps.config.uploadDir, { recursive: true });
  const name = `${userId}-${kind}-${randomBytes(8).toString('hex')}.${ext}`;
  writeFileSync(path.join(deps.config.uploadDir, name), data, { mode: 0o600 });
  return name;
}

/** The stored file behind a name from the database, never a path a user typed. */
export function photoFile(deps: Deps, name: string | null | undefined): { path: string; mime: string } | null {
  if (!name || !/^\d+-(cert|avatar)-[0-9a-f]{16}\.(jpg|png)$/.test(name)) return null;
  const p = path.join(deps.config.uploadDir, name);
  if (!existsSync(p)) return null;
  return { path: p, mime: name.endsWith('.png') ? 'image/png' : 'image/jpeg' };
}
