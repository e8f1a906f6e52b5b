// SQL of the 开班通知: its title, text and publication on the class row, and its attachments.
import type { Executor } from '../../context.ts';

const NOTICE_COLUMNS = ['notice_title', 'notice_body', 'notice_published_at', 'contact'] as const;

export function updateNotice(trx: Executor, classId: number, v: { title: string; body: string; contact?: string }) {
  return trx
    .updateTable('training_classes')
    .set({ notice_title: v.title, notice_body: v.body, ...(v.contact !== undefined ? { contact: v.contact } : {}) })
    .where('id', '=', classId)
    .returning(NOTICE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function markNoticePublished(trx: Executor, classId: number, at: Date) {
  return trx
    .updateTable('training_classes')
    .set({ notice_published_at: at })
    .where('id', '=', classId)
    .returning(NOTICE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function countNoticeFiles(db: Executor, classId: number): Promise<number> {
  const r = await db
    .selectFrom('class_notice_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertNoticeFile(trx: Executor, v: { classId: number; fileName: string; storedName: string; mime: string; size: number }) {
  return trx
    .insertInto('class_notice_files')
    .values({ class_id: v.classId, file_name: v.fileName, stored_name: v.storedName, mime: v.mime, size: v.size })
    .returning(['id', 'file_name', 'mime', 'size', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Deletes an attachment of the class; answers its stored name, or undefined when there is none. */
export function deleteNoticeFileRow(trx: Executor, classId: number, fileId: number) {
  return trx
    .deleteFrom('class_notice_files')
    .where('id', '=', fileId)
    .where('class_id', '=', classId)
    .returning(['stored_name', 'file_name'])
    .executeTakeFirst();
}

export function findNoticeFile(db: Executor, classId: number, fileId: number) {
  return db
    .selectFrom('class_notice_files')
    .select(['file_name', 'stored_name', 'mime'])
    .where('id', '=', fileId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
}
