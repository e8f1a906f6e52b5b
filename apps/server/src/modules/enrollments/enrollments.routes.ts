// 遴选, 申报, 审核, 分配, 学员名单, a project's figures and the teacher's 我的专项培训 over HTTP: thin
// routes declared from their contracts, one call each.
import { enrollments as c, myProjects as my } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { applyToProject } from './apply.service.ts';
import { myEnrollment, myProjects, openProjects } from './my-projects.service.ts';
import { decide, decideMany, reviewQueue } from './review.service.ts';
import { candidates, selectTeachers } from './selection.service.ts';
import { projectStats } from './stats.service.ts';
import { withdrawApplication } from './withdraw.service.ts';
import { enrollmentForAdmin, exportTrainees, trainees } from './trainees.service.ts';

export function enrollmentRoutes(app: App, deps: Deps) {
  // admins: selection, trainees, assignment, figures
  app.get(c.candidates.path, { config: { access: 'project.select' }, schema: schemaOf(c.candidates) }, async (req) =>
    candidates(deps, actorCtx(req), req.params.id, req.query),
  );
  app.post(c.selectTeachers.path, { config: { access: 'project.select' }, schema: schemaOf(c.selectTeachers) }, async (req, reply) => {
    reply.code(201);
    return selectTeachers(deps, actorCtx(req), req.params.id, req.body.teacherIds);
  });
  app.get(c.trainees.path, { config: { access: 'project.read' }, schema: schemaOf(c.trainees) }, async (req) =>
    trainees(deps, actorCtx(req), req.params.id, req.query),
  );
  app.get(c.exportTrainees.path, { config: { access: 'project.read' }, schema: schemaOf(c.exportTrainees) }, async (req, reply) => {
    const { filename, buffer } = await exportTrainees(deps, actorCtx(req), req.params.id, req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', 'trainees.xlsx', filename))
      .header('cache-control', 'private, no-store')
      .send(buffer);
  });
  app.get(c.projectStats.path, { config: { access: 'project.read' }, schema: schemaOf(c.projectStats) }, async (req) =>
    projectStats(deps, actorCtx(req), req.params.id),
  );

  // review
  app.get(c.pending.path, { config: { access: 'project.review' }, schema: schemaOf(c.pending) }, async (req) =>
    reviewQueue(deps, actorCtx(req), req.query),
  );
  app.post(c.approveMany.path, { config: { access: 'project.review' }, schema: schemaOf(c.approveMany) }, async (req) =>
    decideMany(deps, actorCtx(req), req.body.items, true),
  );
  app.post(c.returnMany.path, { config: { access: 'project.review' }, schema: schemaOf(c.returnMany) }, async (req) =>
    decideMany(deps, actorCtx(req), req.body.items, false, req.body.reason),
  );
  app.get(c.enrollmentForAdmin.path, { config: { access: 'project.read' }, schema: schemaOf(c.enrollmentForAdmin) }, async (req) =>
    enrollmentForAdmin(deps, actorCtx(req), req.params.id),
  );
  app.post(c.approve.path, { config: { access: 'project.review' }, schema: schemaOf(c.approve) }, async (req) =>
    decide(deps, actorCtx(req), req.params.id, { version: req.body.version, approve: true }),
  );
  app.post(c.returnOne.path, { config: { access: 'project.review' }, schema: schemaOf(c.returnOne) }, async (req) =>
    decide(deps, actorCtx(req), req.params.id, { version: req.body.version, approve: false, reason: req.body.reason }),
  );

  // the teacher
  app.post(my.apply.path, { config: { access: 'project.self' }, schema: schemaOf(my.apply) }, async (req, reply) => {
    reply.code(201);
    return applyToProject(deps, actorCtx(req), req.params.id);
  });
  app.post(my.withdraw.path, { config: { access: 'project.self' }, schema: schemaOf(my.withdraw) }, async (req) =>
    withdrawApplication(deps, actorCtx(req), req.params.id, req.body.version),
  );
  app.get(my.myProjects.path, { config: { access: 'project.self' }, schema: schemaOf(my.myProjects) }, async (req) =>
    myProjects(deps, actorCtx(req), req.query),
  );
  app.get(my.openProjects.path, { config: { access: 'project.self' }, schema: schemaOf(my.openProjects) }, async (req) =>
    openProjects(deps, actorCtx(req)),
  );
  app.get(my.myEnrollment.path, { config: { access: 'project.self' }, schema: schemaOf(my.myEnrollment) }, async (req) =>
    myEnrollment(deps, actorCtx(req), req.params.id),
  );
}
