import { createReadStream } from 'node:fs';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { idParam, pageQuery, type App } from '../../http/types.ts';
import { photoFile, photoKind } from '../profile/photos.ts';
import { editKeyFields, getTeacher, resetTeacherPassword, revealTeacher, searchTeachers, setTeacherStatus } from './teachers.service.ts';
import { findTeacher } from './teachers.repository.ts';
import { teacherScope } from '../../access/policy.ts';
import { notFound } from '../../http/errors.ts';

const tags = ['teachers'];

export function teacherRoutes(app: App, deps: Deps) {
  app.get(
    '/api/teachers',
    {
      config: { access: 'teacher.read' },
      schema: {
        tags,
        summary: '教师查询（管辖范围内）',
        querystring: z.object({
          q: z.string().max(50).optional(),
          regionCode: z
            .string()
            .regex(/^\d{2,6}$/)
            .optional(),
          schoolId: z.coerce.number().int().positive().optional(),
          subject: z.string().max(20).optional(),
          stage: z.string().max(20).optional(),
          status: z.enum(['active', 'pending', 'disabled', 'rejected']).optional(),
          ...pageQuery,
        }),
      },
    },
    async (req) => searchTeachers(deps, req.ctx, req.query),
  );

  app.get(
    '/api/teachers/:id',
    { config: { access: 'teacher.read' }, schema: { tags, summary: '教师详情', params: idParam } },
    async (req) => getTeacher(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/teachers/:id/reveal',
    { config: { access: 'teacher.reveal' }, schema: { tags, summary: '查看完整证件号与手机号（留痕）', params: idParam } },
    async (req) => revealTeacher(deps, req.ctx, req.params.id),
  );

  app.put(
    '/api/teachers/:id/key-fields',
    {
      config: { access: 'teacher.editKeyFields' },
      schema: { tags, summary: '修改关键字段（区县及以上管理员）', params: idParam, body: z.record(z.string(), z.unknown()) },
    },
    async (req) => editKeyFields(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/teachers/:id/password-reset',
    { config: { access: 'teacher.resetPassword' }, schema: { tags, summary: '重置密码', params: idParam } },
    async (req) => resetTeacherPassword(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/teachers/:id/status',
    {
      config: { access: 'teacher.setStatus' },
      schema: {
        tags,
        summary: '停用 / 启用账号',
        params: idParam,
        body: z.object({ status: z.enum(['active', 'disabled'], { error: '状态只能是启用或停用' }) }),
      },
    },
    async (req) => setTeacherStatus(deps, req.ctx, req.params.id, req.body.status),
  );

  app.get(
    '/api/teachers/:id/photos/:kind',
    {
      config: { access: 'teacher.read' },
      schema: { tags, summary: '教师照片', params: idParam.extend({ kind: photoKind }) },
    },
    async (req, reply) => {
      const row = await findTeacher(deps.db, teacherScope(req.actor!), req.params.id);
      const file = row && photoFile(deps, req.params.kind === 'cert' ? row.cert_photo : row.avatar);
      if (!file) throw notFound('照片');
      return reply.type(file.mime).header('cache-control', 'private, no-store').send(createReadStream(file.path));
    },
  );
}
