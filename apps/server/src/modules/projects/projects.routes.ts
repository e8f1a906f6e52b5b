// 培训项目 over HTTP: the plan (create, edit drafts, publish, close), figures and quotas. Thin: each
// route is one call into a service; the services check organiser level and scope.
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { idParam, pageQuery, type App } from '../../http/types.ts';
import { projectInput } from './projects.schema.ts';
import { closeProject, createProject, getProject, publishProject, searchProjects, updateProject } from './projects.service.ts';
import { formOptions, institutions, projectTypes } from './reference.service.ts';
import { grantQuota, listQuotas } from './quotas.service.ts';
import { projectStats } from './stats.service.ts';

const tags = ['projects'];
const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(['national', 'province', 'city', 'county', 'school']).optional(),
  status: z.enum(['draft', 'published', 'closed']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});
const grantBody = z.object({
  holder: z.string({ error: '请选择下级单位' }).regex(/^(\d{4}|\d{6}|school:\d+)$/, '下级单位不正确'),
  quota: z.int({ error: '名额必须是整数' }).min(0, '名额不能为负数').max(1_000_000, '名额过大'),
});

export function projectRoutes(app: App, deps: Deps) {
  app.get('/api/project-types', { config: { access: 'project.read' }, schema: { tags, summary: '项目类型及子类型' } }, async (req) =>
    projectTypes(deps, req.ctx),
  );
  app.get('/api/institutions', { config: { access: 'project.read' }, schema: { tags, summary: '承培机构' } }, async (req) =>
    institutions(deps, req.ctx),
  );
  app.get(
    '/api/projects/form-options',
    { config: { access: 'project.read' }, schema: { tags, summary: '项目表单的可选项（级别、学分类型、学段、学科）' } },
    async (req) => formOptions(deps, req.ctx),
  );

  app.get(
    '/api/projects',
    { config: { access: 'project.read' }, schema: { tags, summary: '培训项目列表（本单位组织或面向本单位的）', querystring: listQuery } },
    async (req) => searchProjects(deps, req.ctx, req.query),
  );
  app.post(
    '/api/projects',
    { config: { access: 'project.plan' }, schema: { tags, summary: '新建培训项目（草稿）', body: projectInput } },
    async (req, reply) => {
      reply.code(201);
      return createProject(deps, req.ctx, req.body);
    },
  );
  app.get(
    '/api/projects/:id',
    { config: { access: 'project.read' }, schema: { tags, summary: '培训项目详情', params: idParam } },
    async (req) => getProject(deps, req.ctx, req.params.id),
  );
  app.put(
    '/api/projects/:id',
    { config: { access: 'project.plan' }, schema: { tags, summary: '修改草稿', params: idParam, body: projectInput } },
    async (req) => updateProject(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/projects/:id/publish',
    { config: { access: 'project.plan' }, schema: { tags, summary: '发布（检查信息完整，开立组织单位的名额）', params: idParam } },
    async (req) => publishProject(deps, req.ctx, req.params.id),
  );
  app.post(
    '/api/projects/:id/close',
    { config: { access: 'project.plan' }, schema: { tags, summary: '关闭项目', params: idParam } },
    async (req) => closeProject(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/projects/:id/stats',
    { config: { access: 'project.read' }, schema: { tags, summary: '各环节人数（按下一级地区）', params: idParam } },
    async (req) => projectStats(deps, req.ctx, req.params.id),
  );
  app.get(
    '/api/projects/:id/quotas',
    { config: { access: 'project.read' }, schema: { tags, summary: '名额分配情况', params: idParam } },
    async (req) => listQuotas(deps, req.ctx, req.params.id),
  );
  app.post(
    '/api/projects/:id/quotas',
    {
      config: { access: 'project.plan' },
      schema: { tags, summary: '向下一级分配名额（设定该单位的名额）', params: idParam, body: grantBody },
    },
    async (req) => grantQuota(deps, req.ctx, req.params.id, req.body),
  );
}
