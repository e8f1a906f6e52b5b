// The type of an uploaded file, decided by its bytes (file-type's signatures), never by its name or
// the browser's word. Each upload names the types it accepts.
import { fileTypeFromBuffer } from 'file-type';

export const FILE_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileExt = keyof typeof FILE_TYPES;
export interface DetectedType {
  ext: FileExt;
  mime: (typeof FILE_TYPES)[FileExt];
}

/** The file's type if its content is one of `allowed`, else null. */
export async function detectFileType(data: Buffer, allowed: readonly FileExt[]): Promise<DetectedType | null> {
  const found = await fileTypeFromBuffer(data);
  const ext = allowed.find((e) => FILE_TYPES[e] === found?.mime);
  return ext ? { ext, mime: FILE_TYPES[ext] } : null;
}
