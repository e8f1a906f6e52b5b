// 我的班级 (institution admin): classes, trainees, 开班通知 with attachments and PDF, 课程安排.
// All of the class's own routes are registered from here (check-in, scores, evaluation, the
// trainee's side in their own files), so modules/index.ts has one line for the whole area.
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition, idParam, type App, dbId } from '../../http/types.ts';
import { checkinRoutes } from './checkin.routes.ts';
import { classDetail, myClasses } from './classes.service.ts';
import { myClassRoutes } from './my-class.routes.ts';
import { noticeFileMaxBytes, noticeFileTooLarge } from './notice-files.ts';
import { addNoticeFile, deleteNoticeFile, noticeFile, noticePdf, notMultipart, publishNotice, saveNotice } from './notice.service.ts';
import { scoreRoutes } from './scores.routes.ts';
import { createSession, deleteSession, listSessions, sessionBody, updateSession } from './sessions.service.ts';

const tags = ['classes'];
const id = dbId;
const sessionParams = z.object({ id, sid: id });
const fileParams = z.object({ id, fileId: id });
const noticeBody = z.object({
  title: z.string({ error: '请填写通知标题' }).trim().min(1, '请填写通知标题').max(100, '通知标题不能超过 100 个字'),
  body: z.string({ error: '请填写通知正文' }).trim().min(1, '请填写通知正文').max(10_000, '通知正文不能超过 10000 个字'),
});

export function classRoutes(app: App, deps: Deps) {
  app.get(
    '/api/classes',
    { config: { access: 'class.manage' }, schema: { tags, summary: '本机构的班级（项目、日期、学员人数）' } },
    async (req) => myClasses(deps, req.ctx),
  );

  app.get(
    '/api/classes/:id',
    { config: { access: 'class.manage' }, schema: { tags, summary: '班级详情与学员（证件号脱敏、签到次数、成绩）', params: idParam } },
    async (req) => classDetail(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/classes/:id/notice',
    { config: { access: 'class.manage' }, schema: { tags, summary: '保存开班通知（标题、正文）', params: idParam, body: noticeBody } },
    async (req) => saveNotice(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/classes/:id/notice/publish',
    { config: { access: 'class.manage' }, schema: { tags, summary: '发布开班通知（学员可见）', params: idParam } },
    async (req) => publishNotice(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/classes/:id/notice/files',
    {
      config: { access: 'class.manage' },
      schema: { tags, summary: '上传开班通知附件（PDF、JPG、PNG、docx、xlsx；按内容识别）', params: idParam },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw notMultipart();
      const file = await req.file({ limits: { fileSize: noticeFileMaxBytes(deps.config) } });
      if (!file) throw notMultipart();
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? noticeFileTooLarge(deps.config) : e;
      });
      if (file.file.truncated) throw noticeFileTooLarge(deps.config);
      const r = await addNoticeFile(deps, req.ctx, req.params.id, file.filename, data);
      reply.code(201);
      return r;
    },
  );

  app.delete(
    '/api/classes/:id/notice/files/:fileId',
    { config: { access: 'class.manage' }, schema: { tags, summary: '删除开班通知附件', params: fileParams } },
    async (req) => deleteNoticeFile(deps, req.ctx, req.params.id, req.params.fileId),
  );

  // 'session' here, the rule in the service: the institution of the class, or its trainees once published
  app.get(
    '/api/classes/:id/notice/files/:fileId',
    { config: { access: 'session' }, schema: { tags, summary: '下载开班通知附件（本机构或本班学员）', params: fileParams } },
    async (req, reply) => {
      const f = await noticeFile(deps, req.ctx, req.params.id, req.params.fileId);
      return reply
        .type(f.mime)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition('attachment', `attachment.${f.ext}`, f.fileName))
        .send(createReadStream(f.path));
    },
  );

  app.get(
    '/api/classes/:id/notice.pdf',
    { config: { access: 'session' }, schema: { tags, summary: '开班通知 PDF（本机构或本班学员）', params: idParam } },
    async (req, reply) => {
      const r = await noticePdf(deps, req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition('inline', r.asciiName, r.fileName))
        .send(r.pdf);
    },
  );

  app.get(
    '/api/classes/:id/sessions',
    { config: { access: 'class.manage' }, schema: { tags, summary: '课程安排（含各课程签到人数）', params: idParam } },
    async (req) => listSessions(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/classes/:id/sessions',
    { config: { access: 'class.manage' }, schema: { tags, summary: '新增课程', params: idParam, body: sessionBody } },
    async (req, reply) => {
      const r = await createSession(deps, req.ctx, req.params.id, req.body);
      reply.code(201);
      return r;
    },
  );

  app.put(
    '/api/classes/:id/sessions/:sid',
    { config: { access: 'class.manage' }, schema: { tags, summary: '修改课程', params: sessionParams, body: sessionBody } },
    async (req) => updateSession(deps, req.ctx, req.params.id, req.params.sid, req.body),
  );

  app.delete(
    '/api/classes/:id/sessions/:sid',
    { config: { access: 'class.manage' }, schema: { tags, summary: '删除课程（已有签到的不能删除）', params: sessionParams } },
    async (req) => deleteSession(deps, req.ctx, req.params.id, req.params.sid),
  );

  checkinRoutes(app, deps);
  scoreRoutes(app, deps);
  myClassRoutes(app, deps);
}
