// 开班通知: the institution writes the title and text, attaches files, and publishes; trainees then
// see it on their project page and print it. Editing after publishing changes what trainees see at
// once (the page says when it was last published).
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classForViewer } from './class-access.ts';
import { noticeFilesOf, ownClass, sessionsOf } from './classes.repository.ts';
import { checkNoticeFile, MAX_NOTICE_FILES, noticeFilePath, removeNoticeFile, writeNoticeFile } from './notice-files.ts';
import { renderNoticePdf } from './notice-pdf.ts';
import {
  countNoticeFiles,
  deleteNoticeFileRow,
  findNoticeFile,
  insertNoticeFile,
  markNoticePublished,
  updateNotice,
} from './notice.repository.ts';
import { fileView, noticeView } from './view.ts';

export interface NoticeInput {
  title: string;
  body: string;
  contact?: string;
}

export async function saveNotice(deps: Deps, ctx: ActorCtx, classId: number, input: NoticeInput) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor, classId, true);
    const row = await updateNotice(trx, c.id, input);
    await recordAudit(trx, ctx, {
      action: 'class.notice.save',
      objectType: 'training_class',
      objectId: c.id,
      detail: { title: input.title, length: input.body.length, contact: input.contact, published: !!row.notice_published_at },
    });
    return { notice: noticeView(row) };
  });
}

export async function publishNotice(deps: Deps, ctx: ActorCtx, classId: number) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor, classId, true);
    if (!c.notice_title?.trim() || !c.notice_body?.trim()) throw invalid('请先填写并保存开班通知的标题和正文，再发布');
    const row = await markNoticePublished(trx, c.id, new Date());
    await recordAudit(trx, ctx, {
      action: 'class.notice.publish',
      objectType: 'training_class',
      objectId: c.id,
      detail: { republish: !!c.notice_published_at },
    });
    return { notice: noticeView(row) };
  });
}

export async function addNoticeFile(deps: Deps, ctx: ActorCtx, classId: number, fileName: string | undefined, data: Buffer) {
  await ownClass(deps.db, ctx.actor, classId);
  const checked = await checkNoticeFile(deps.config, fileName, data);
  const stored = writeNoticeFile(deps.config, classId, checked);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await ownClass(trx, ctx.actor, classId, true);
      const n = await countNoticeFiles(trx, classId);
      if (n >= MAX_NOTICE_FILES) throw conflict(`每个班级的开班通知最多 ${MAX_NOTICE_FILES} 个附件，请先删除不需要的附件`);
      const f = await insertNoticeFile(trx, {
        classId,
        fileName: checked.fileName,
        storedName: stored,
        mime: checked.mime,
        size: checked.data.length,
      });
      await recordAudit(trx, ctx, {
        action: 'class.notice.file.add',
        objectType: 'training_class',
        objectId: classId,
        detail: { fileId: f.id, fileName: f.file_name, size: f.size },
      });
      return { file: fileView(f) };
    });
  } catch (e) {
    removeNoticeFile(deps.config, stored);
    throw e;
  }
}

export async function deleteNoticeFile(deps: Deps, ctx: ActorCtx, classId: number, fileId: number) {
  const stored = await deps.db.transaction().execute(async (trx) => {
    await ownClass(trx, ctx.actor, classId, true);
    const f = await deleteNoticeFileRow(trx, classId, fileId);
    if (!f) throw notFound('附件');
    await recordAudit(trx, ctx, {
      action: 'class.notice.file.delete',
      objectType: 'training_class',
      objectId: classId,
      detail: { fileId, fileName: f.file_name },
    });
    return f.stored_name;
  });
  // the row is gone for good (committed): only now is the file removed
  removeNoticeFile(deps.config, stored);
  return { ok: true as const };
}

export async function noticeFile(deps: Deps, ctx: ActorCtx, classId: number, fileId: number) {
  await classForViewer(deps.db, ctx.actor, classId);
  const f = await findNoticeFile(deps.db, classId, fileId);
  const p = f && noticeFilePath(deps.config, f.stored_name);
  if (!f || !p) throw notFound('附件');
  return { path: p, mime: f.mime, fileName: f.file_name, ext: f.stored_name.split('.').pop()! };
}

export async function noticeFiles(deps: Deps, classId: number) {
  return (await noticeFilesOf(deps.db, classId)).map(fileView);
}

export const notMultipart = () => new AppError(400, 'VALIDATION', '请选择要上传的附件（PDF、JPG、PNG、docx 或 xlsx）');

/** The printable notice: the institution may print its draft to check it; trainees once it is published. */
export async function noticePdf(deps: Deps, ctx: ActorCtx, classId: number) {
  const { c } = await classForViewer(deps.db, ctx.actor, classId);
  if (!c.notice_title?.trim()) throw invalid('开班通知尚未填写，请先填写标题和正文');
  const sessions = await sessionsOf(deps.db, classId);
  const files = await noticeFilesOf(deps.db, classId);
  const pdf = await renderNoticePdf({ c, sessions, files, fontPath: deps.config.pdfFont });
  return { pdf, fileName: `${c.name}开班通知.pdf`, asciiName: `class-${c.id}-notice.pdf` };
}
