// The trainee's routes (their enrolment's class, certificate, evaluation) and the organiser's
// evaluation summary of a project.
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition, idParam, type App } from '../../http/types.ts';
import { projectEvaluation, submitEvaluation } from './evaluation.service.ts';
import { myCertificatePdf, myClass } from './my-class.service.ts';

const tags = ['classes'];

export function myClassRoutes(app: App, deps: Deps) {
  app.get(
    '/api/my/enrollments/:id/class',
    {
      config: { access: 'project.self' },
      schema: { tags, summary: '我的班级：开班通知、课程安排与我的签到、成绩、证书、训后评估', params: idParam },
    },
    async (req) => myClass(deps, req.ctx, req.params.id),
  );

  app.get(
    '/api/my/enrollments/:id/certificate.pdf',
    { config: { access: 'project.self' }, schema: { tags, summary: '打印结业证书（PDF）', params: idParam } },
    async (req, reply) => {
      const r = await myCertificatePdf(deps, req.ctx, req.params.id, deps.config.publicUrl);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition('inline', r.asciiName, r.fileName))
        .send(r.pdf);
    },
  );

  app.post(
    '/api/my/enrollments/:id/evaluation',
    {
      config: { access: 'project.self' },
      schema: {
        tags,
        summary: '提交训后评估（匿名，每人一次）',
        params: idParam,
        body: z.object({ answers: z.record(z.string(), z.unknown(), { error: '请填写评估内容' }) }),
      },
    },
    async (req, reply) => {
      const r = await submitEvaluation(deps, req.ctx, req.params.id, req.body.answers);
      reply.code(201);
      return r;
    },
  );

  app.get(
    '/api/projects/:id/evaluation-summary',
    {
      config: { access: 'project.read' },
      schema: { tags, summary: '项目训后评估汇总（组织单位及上级；少于 3 份不显示）', params: idParam },
    },
    async (req) => projectEvaluation(deps, req.ctx, req.params.id),
  );
}
