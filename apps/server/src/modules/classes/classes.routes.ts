// 我的班级 (institution admin): classes, trainees, 开班通知 with attachments and PDF, 课程安排.
// All of the class's own routes are registered from here (check-in, scores, evaluation, the
// trainee's side in their own files), so modules/index.ts has one line for the whole area.
import { createReadStream } from 'node:fs';
import { classes as c, enrollments as e, classSchedule as s } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { assignTrainees, projectClasses } from './assign.service.ts';
import { checkinRoutes } from './checkin.routes.ts';
import { classDetail, myClasses } from './classes.service.ts';
import { myClassRoutes } from './my-class.routes.ts';
import { noticeFileMaxBytes, noticeFileTooLarge } from './notice-files.ts';
import { addNoticeFile, deleteNoticeFile, noticeFile, noticePdf, notMultipart, publishNotice, saveNotice } from './notice.service.ts';
import { scoreRoutes } from './scores.routes.ts';
import { createSession, deleteSession, listSessions, updateSession } from './sessions.service.ts';

const manage = { access: 'class.manage' } as const;

export function classRoutes(app: App, deps: Deps) {
  app.get(c.listClasses.path, { config: manage, schema: schemaOf(c.listClasses) }, async (req) => myClasses(deps, actorCtx(req)));

  app.get(c.classDetail.path, { config: manage, schema: schemaOf(c.classDetail) }, async (req) =>
    classDetail(deps, actorCtx(req), req.params.id),
  );

  app.put(c.saveNotice.path, { config: manage, schema: schemaOf(c.saveNotice) }, async (req) =>
    saveNotice(deps, actorCtx(req), req.params.id, req.body),
  );

  app.post(c.publishNotice.path, { config: manage, schema: schemaOf(c.publishNotice) }, async (req) =>
    publishNotice(deps, actorCtx(req), req.params.id),
  );

  app.post(c.addNoticeFile.path, { config: manage, schema: schemaOf(c.addNoticeFile) }, async (req, reply) => {
    if (!req.isMultipart()) throw notMultipart();
    const file = await req.file({ limits: { fileSize: noticeFileMaxBytes(deps.config) } });
    if (!file) throw notMultipart();
    const data = await file.toBuffer().catch((e: { code?: string }) => {
      throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? noticeFileTooLarge(deps.config) : e;
    });
    if (file.file.truncated) throw noticeFileTooLarge(deps.config);
    const r = await addNoticeFile(deps, actorCtx(req), req.params.id, file.filename, data);
    return reply.code(201).send(r);
  });

  app.delete(c.deleteNoticeFile.path, { config: manage, schema: schemaOf(c.deleteNoticeFile) }, async (req) =>
    deleteNoticeFile(deps, actorCtx(req), req.params.id, req.params.fileId),
  );

  // 'session' here, the rule in the service: the institution of the class, or its trainees once published
  app.get(c.downloadNoticeFile.path, { config: { access: 'session' }, schema: schemaOf(c.downloadNoticeFile) }, async (req, reply) => {
    const f = await noticeFile(deps, actorCtx(req), req.params.id, req.params.fileId);
    return reply
      .type(f.mime)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('attachment', `attachment.${f.ext}`, f.fileName))
      .send(createReadStream(f.path));
  });

  app.get(c.noticePdf.path, { config: { access: 'session' }, schema: schemaOf(c.noticePdf) }, async (req, reply) => {
    const r = await noticePdf(deps, actorCtx(req), req.params.id);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('inline', r.asciiName, r.fileName))
      .send(r.pdf);
  });

  app.get(s.listSessions.path, { config: manage, schema: schemaOf(s.listSessions) }, async (req) =>
    listSessions(deps, actorCtx(req), req.params.id),
  );

  app.post(s.createSession.path, { config: manage, schema: schemaOf(s.createSession) }, async (req, reply) => {
    const r = await createSession(deps, actorCtx(req), req.params.id, req.body);
    return reply.code(201).send(r);
  });

  app.put(s.updateSession.path, { config: manage, schema: schemaOf(s.updateSession) }, async (req) =>
    updateSession(deps, actorCtx(req), req.params.id, req.params.sid, req.body),
  );

  app.delete(s.deleteSession.path, { config: manage, schema: schemaOf(s.deleteSession) }, async (req) =>
    deleteSession(deps, actorCtx(req), req.params.id, req.params.sid),
  );

  // 分配至承培机构: the organiser places approved trainees in a class (the paths stay with the project's trainees)
  app.get(e.projectClasses.path, { config: { access: 'project.read' }, schema: schemaOf(e.projectClasses) }, async (req) =>
    projectClasses(deps, actorCtx(req), req.params.id),
  );
  app.post(e.assignTrainees.path, { config: { access: 'project.assign' }, schema: schemaOf(e.assignTrainees) }, async (req) =>
    assignTrainees(deps, actorCtx(req), req.params.id, req.body),
  );
  checkinRoutes(app, deps);
  scoreRoutes(app, deps);
  myClassRoutes(app, deps);
}
