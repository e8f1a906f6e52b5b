import { createReadStream } from 'node:fs';
import { profile as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { invalid } from '../../http/errors.ts';
import { ok, type App } from '../../http/types.ts';
import { teacherPhoto } from '../teachers/teachers.service.ts';
import { getOwnProfile, ownChanges, requestKeyChange, updateOwnProfile, uploadOwnPhoto } from './profile.service.ts';

export function profileRoutes(app: App, deps: Deps) {
  app.get(c.mine.path, { config: { access: 'profile.self' }, schema: schemaOf(c.mine) }, async (req) => getOwnProfile(deps, actorCtx(req)));

  app.put(c.update.path, { config: { access: 'profile.self' }, schema: schemaOf(c.update) }, async (req) =>
    updateOwnProfile(deps, actorCtx(req), req.body),
  );

  app.get(c.myChanges.path, { config: { access: 'profile.self' }, schema: schemaOf(c.myChanges) }, async (req) =>
    ownChanges(deps, actorCtx(req)),
  );

  app.post(c.requestChange.path, { config: { access: 'profile.self' }, schema: schemaOf(c.requestChange) }, async (req, reply) => {
    const r = await requestKeyChange(deps, actorCtx(req), req.body);
    reply.code(201);
    return r;
  });

  app.post(c.uploadPhoto.path, { config: { access: 'profile.self' }, schema: schemaOf(c.uploadPhoto) }, async (req) => {
    const ctx = actorCtx(req);
    const file = await req.file();
    if (!file) throw invalid('请选择要上传的图片');
    const data = await file.toBuffer();
    await uploadOwnPhoto(deps, ctx, req.params.kind, data);
    return ok;
  });

  app.get(c.myPhoto.path, { config: { access: 'profile.self' }, schema: schemaOf(c.myPhoto) }, async (req, reply) => {
    // the teacher's own: the id comes from the session, the scope is the whole province
    const file = await teacherPhoto(deps, {}, actorCtx(req).actor.userId, req.params.kind);
    return reply.type(file.mime).header('cache-control', 'private, no-store').send(createReadStream(file.path));
  });
}
