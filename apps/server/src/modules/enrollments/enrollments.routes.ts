// 遴选, 申报, 审核, 分配, 学员名单 and the teacher's 我的专项培训 over HTTP: thin routes, one call each.
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition, idParam, pageQuery, type App, dbId } from '../../http/types.ts';
import { applyToProject } from './apply.service.ts';
import { assignTrainees, projectClasses } from './assign.service.ts';
import { myEnrollment, myProjects, openProjects } from './my-projects.service.ts';
import { decide, decideMany, reviewQueue } from './review.service.ts';
import { candidates, selectTeachers } from './selection.service.ts';
import { TEACHER_TABS } from './tabs.ts';
import { enrollmentForAdmin, exportTrainees, trainees } from './trainees.service.ts';

const tags = ['enrollments'];
const ids = (what: string) =>
  z
    .array(z.int().positive(), { error: `请选择${what}` })
    .min(1, `请至少选择一名${what}`)
    .max(1000, `一次最多 1000 名${what}`);
const version = z.int({ error: '缺少版本号，请刷新后重试' }).positive();
const reason = z.string({ error: '请填写退回理由' }).trim().min(1, '请填写退回理由').max(500, '退回理由不能超过 500 字');
const traineeFilter = {
  status: z.enum(['reviewing', 'returned', 'approved', 'assigned', 'withdrawn']).optional(),
  stage: z.enum(['school', 'county', 'city', 'province', 'done']).optional(),
  origin: z.enum(['selected', 'applied']).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  schoolId: dbId.optional(),
  classId: dbId.optional(),
  result: z.enum(['passed', 'failed', 'none']).optional(),
  q: z.string().trim().max(50).optional(),
};
const dateQ = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional();

export function enrollmentRoutes(app: App, deps: Deps) {
  // admins: selection, trainees, assignment
  app.get(
    '/api/projects/:id/candidates',
    {
      config: { access: 'project.select' },
      schema: {
        tags,
        summary: '可遴选的教师（管辖范围内）',
        params: idParam,
        querystring: z.object({
          q: z.string().trim().max(50).optional(),
          stage: z.string().max(20).optional(),
          subject: z.string().max(20).optional(),
          ...pageQuery,
        }),
      },
    },
    async (req) => candidates(deps, req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/projects/:id/selections',
    {
      config: { access: 'project.select' },
      schema: {
        tags,
        summary: '遴选教师（占用本单位名额，整批成功或整批不变）',
        params: idParam,
        body: z.object({ teacherIds: ids('教师') }),
      },
    },
    async (req, reply) => {
      reply.code(201);
      return selectTeachers(deps, req.ctx, req.params.id, req.body.teacherIds);
    },
  );
  app.get(
    '/api/projects/:id/enrollments',
    {
      config: { access: 'project.read' },
      schema: { tags, summary: '学员名单（管辖范围内）', params: idParam, querystring: z.object({ ...traineeFilter, ...pageQuery }) },
    },
    async (req) => trainees(deps, req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/projects/:id/enrollments/export.xlsx',
    {
      config: { access: 'project.read' },
      schema: { tags, summary: '导出学员名单（证件号、手机号已脱敏）', params: idParam, querystring: z.object(traineeFilter) },
    },
    async (req, reply) => {
      const { filename, buffer } = await exportTrainees(deps, req.ctx, req.params.id, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('attachment', 'trainees.xlsx', filename))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );
  app.get(
    '/api/projects/:id/classes',
    { config: { access: 'project.read' }, schema: { tags, summary: '项目的班级', params: idParam } },
    async (req) => projectClasses(deps, req.ctx, req.params.id),
  );
  app.post(
    '/api/projects/:id/assign',
    {
      config: { access: 'project.assign' },
      schema: {
        tags,
        summary: '分配学员至承培机构的班级（组织单位）',
        params: idParam,
        body: z.object({
          enrollmentIds: ids('学员'),
          institutionId: z.int({ error: '请选择承培机构' }).positive('请选择承培机构'),
          className: z.string({ error: '请填写班级名称' }).trim().min(1, '请填写班级名称').max(50, '班级名称不能超过 50 字'),
        }),
      },
    },
    async (req) => assignTrainees(deps, req.ctx, req.params.id, req.body),
  );

  // review
  app.get(
    '/api/enrollments/pending',
    {
      config: { access: 'project.review' },
      schema: {
        tags,
        summary: '待本级审核的报名',
        querystring: z.object({ projectId: dbId.optional(), q: z.string().trim().max(50).optional(), ...pageQuery }),
      },
    },
    async (req) => reviewQueue(deps, req.ctx, req.query),
  );
  app.post(
    '/api/enrollments/batch/approve',
    {
      config: { access: 'project.review' },
      schema: {
        tags,
        summary: '批量审核通过',
        body: z.object({
          items: z
            .array(z.object({ id: z.int().positive(), version }))
            .min(1, '请至少选择一条')
            .max(500, '一次最多 500 条'),
        }),
      },
    },
    async (req) => decideMany(deps, req.ctx, req.body.items, true),
  );
  app.post(
    '/api/enrollments/batch/return',
    {
      config: { access: 'project.review' },
      schema: {
        tags,
        summary: '批量退回',
        body: z.object({
          items: z
            .array(z.object({ id: z.int().positive(), version }))
            .min(1, '请至少选择一条')
            .max(500, '一次最多 500 条'),
          reason,
        }),
      },
    },
    async (req) => decideMany(deps, req.ctx, req.body.items, false, req.body.reason),
  );
  app.get(
    '/api/enrollments/:id',
    { config: { access: 'project.read' }, schema: { tags, summary: '报名记录与审核过程', params: idParam } },
    async (req) => enrollmentForAdmin(deps, req.ctx, req.params.id),
  );
  app.post(
    '/api/enrollments/:id/approve',
    {
      config: { access: 'project.review' },
      schema: { tags, summary: '审核通过（按所见版本）', params: idParam, body: z.object({ version }) },
    },
    async (req) => decide(deps, req.ctx, req.params.id, { version: req.body.version, approve: true }),
  );
  app.post(
    '/api/enrollments/:id/return',
    {
      config: { access: 'project.review' },
      schema: { tags, summary: '退回（未通过，须填写理由）', params: idParam, body: z.object({ version, reason }) },
    },
    async (req) => decide(deps, req.ctx, req.params.id, { version: req.body.version, approve: false, reason: req.body.reason }),
  );

  // the teacher
  app.post(
    '/api/projects/:id/apply',
    { config: { access: 'project.self' }, schema: { tags, summary: '去申报', params: idParam } },
    async (req, reply) => {
      reply.code(201);
      return applyToProject(deps, req.ctx, req.params.id);
    },
  );
  app.get(
    '/api/my/projects',
    {
      config: { access: 'project.self' },
      schema: {
        tags,
        summary: '我的专项培训（按页签，含各页签数量）',
        querystring: z.object({
          tab: z.enum(TEACHER_TABS).default('ongoing'),
          from: dateQ,
          to: dateQ,
          result: z.enum(['passed', 'failed', 'none']).optional(),
          q: z.string().trim().max(50).optional(),
          ...pageQuery,
        }),
      },
    },
    async (req) => myProjects(deps, req.ctx, req.query),
  );
  app.get(
    '/api/my/projects/open',
    { config: { access: 'project.self' }, schema: { tags, summary: '可申报的项目（去申报）' } },
    async (req) => openProjects(deps, req.ctx),
  );
  app.get(
    '/api/my/enrollments/:id',
    { config: { access: 'project.self' }, schema: { tags, summary: '我的一个报名：项目、状态、成绩与时间线', params: idParam } },
    async (req) => myEnrollment(deps, req.ctx, req.params.id),
  );
}
