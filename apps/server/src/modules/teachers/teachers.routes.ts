import { createReadStream } from 'node:fs';
import { teachers as c } from '@shixun/contracts';
import { teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import {
  editKeyFields,
  getTeacher,
  resetTeacherPassword,
  revealTeacher,
  searchTeachers,
  setTeacherStatus,
  teacherPhoto,
} from './teachers.service.ts';

export function teacherRoutes(app: App, deps: Deps) {
  app.get(c.list.path, { config: { access: 'teacher.read' }, schema: schemaOf(c.list) }, async (req) =>
    searchTeachers(deps, actorCtx(req), req.query),
  );

  app.get(c.detail.path, { config: { access: 'teacher.read' }, schema: schemaOf(c.detail) }, async (req) =>
    getTeacher(deps, actorCtx(req), req.params.id),
  );

  app.post(c.reveal.path, { config: { access: 'teacher.reveal' }, schema: schemaOf(c.reveal) }, async (req) =>
    revealTeacher(deps, actorCtx(req), req.params.id),
  );

  app.put(c.editKeyFields.path, { config: { access: 'teacher.editKeyFields' }, schema: schemaOf(c.editKeyFields) }, async (req) =>
    editKeyFields(deps, actorCtx(req), req.params.id, req.body),
  );

  app.post(c.resetPassword.path, { config: { access: 'teacher.resetPassword' }, schema: schemaOf(c.resetPassword) }, async (req) =>
    resetTeacherPassword(deps, actorCtx(req), req.params.id),
  );

  app.post(c.setStatus.path, { config: { access: 'teacher.setStatus' }, schema: schemaOf(c.setStatus) }, async (req) =>
    setTeacherStatus(deps, actorCtx(req), req.params.id, req.body.status),
  );

  app.get(c.photo.path, { config: { access: 'teacher.read' }, schema: schemaOf(c.photo) }, async (req, reply) => {
    const file = await teacherPhoto(deps, teacherScope(actorCtx(req).actor), req.params.id, req.params.kind);
    return reply.type(file.mime).header('cache-control', 'private, no-store').send(createReadStream(file.path));
  });
}
