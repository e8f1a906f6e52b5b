import { createReadStream } from 'node:fs';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { ok, type App } from '../../http/types.ts';
import { findTeacher } from '../teachers/teachers.repository.ts';
import { photoFile, photoKind } from './photos.ts';
import { getOwnProfile, ownChanges, requestKeyChange, updateOwnProfile, uploadOwnPhoto } from './profile.service.ts';

const tags = ['profile'];
export function profileRoutes(app: App, deps: Deps) {
  app.get('/api/profile', { config: { access: 'profile.self' }, schema: { tags, summary: '我的基本信息' } }, async (req) =>
    getOwnProfile(deps, req.ctx),
  );
  app.put(
    '/api/profile',
    { config: { access: 'profile.self' }, schema: { tags, summary: '修改基本信息（普通字段）', body: z.record(z.string(), z.unknown()) } },
    async (req) => updateOwnProfile(deps, req.ctx, req.body),
  );
  app.get('/api/profile/changes', { config: { access: 'profile.self' }, schema: { tags, summary: '我的信息变更申请' } }, async (req) =>
    ownChanges(deps, req.ctx),
  );
  app.post(
    '/api/profile/changes',
    {
      config: { access: 'profile.self' },
      schema: {
        tags,
        summary: '申请修改关键字段',
        body: z.object({ changes: z.record(z.string(), z.unknown()), reason: z.string().trim().min(1, '请填写申请理由').max(500) }),
      },
    },
    async (req, reply) => {
      const r = await requestKeyChange(deps, req.ctx, req.body);
      reply.code(201);
      return r;
    },
  );
  app.post(
    '/api/profile/photos/:kind',
    {
      config: { access: 'profile.self' },
      schema: { tags, summary: '上传证书照片 / 头像（JPG、PNG）', params: z.object({ kind: photoKind }) },
    },
    async (req) => {
      const file = await req.file();
      if (!file) throw invalid('请选择要上传的图片');
      const data = await file.toBuffer();
      await uploadOwnPhoto(deps, req.ctx, req.params.kind, data);
      return ok;
    },
  );
  app.get(
    '/api/profile/photos/:kind',
    { config: { access: 'profile.self' }, schema: { tags, summary: '我的证书照片 / 头像', params: z.object({ kind: photoKind }) } },
    async (req, reply) => {
      const row = await findTeacher(deps.db, {}, req.actor!.userId);
      const file = row && photoFile(deps, req.params.kind === 'cert' ? row.cert_photo : row.avatar);
      if (!file) throw notFound('照片');
      return reply.type(file.mime).header('cache-control', 'private, no-store').send(createReadStream(file.path));
    },
  );
}
