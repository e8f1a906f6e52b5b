// 培训项目 over HTTP: the plan (create, edit drafts, publish, close), the form's choices and quotas.
// Thin: each route is one call into a service; the services check organiser level and scope.
import { projects as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { closeProject, createProject, getProject, publishProject, searchProjects, updateProject } from './projects.service.ts';
import { grantQuota, listQuotas } from './quotas.service.ts';
import { formOptions, institutions, projectTypes } from './reference.service.ts';

export function projectRoutes(app: App, deps: Deps) {
  app.get(c.projectTypes.path, { config: { access: 'project.read' }, schema: schemaOf(c.projectTypes) }, async (req) =>
    projectTypes(deps, actorCtx(req)),
  );
  app.get(c.institutions.path, { config: { access: 'project.read' }, schema: schemaOf(c.institutions) }, async (req) =>
    institutions(deps, actorCtx(req)),
  );
  app.get(c.formOptions.path, { config: { access: 'project.read' }, schema: schemaOf(c.formOptions) }, async (req) =>
    formOptions(deps, actorCtx(req)),
  );

  app.get(c.listProjects.path, { config: { access: 'project.read' }, schema: schemaOf(c.listProjects) }, async (req) =>
    searchProjects(deps, actorCtx(req), req.query),
  );
  app.post(c.createProject.path, { config: { access: 'project.plan' }, schema: schemaOf(c.createProject) }, async (req, reply) => {
    reply.code(201);
    return createProject(deps, actorCtx(req), req.body);
  });
  app.get(c.getProject.path, { config: { access: 'project.read' }, schema: schemaOf(c.getProject) }, async (req) =>
    getProject(deps, actorCtx(req), req.params.id),
  );
  app.put(c.updateProject.path, { config: { access: 'project.plan' }, schema: schemaOf(c.updateProject) }, async (req) =>
    updateProject(deps, actorCtx(req), req.params.id, req.body),
  );
  app.post(c.publishProject.path, { config: { access: 'project.plan' }, schema: schemaOf(c.publishProject) }, async (req) =>
    publishProject(deps, actorCtx(req), req.params.id),
  );
  app.post(c.closeProject.path, { config: { access: 'project.plan' }, schema: schemaOf(c.closeProject) }, async (req) =>
    closeProject(deps, actorCtx(req), req.params.id),
  );

  app.get(c.listQuotas.path, { config: { access: 'project.read' }, schema: schemaOf(c.listQuotas) }, async (req) =>
    listQuotas(deps, actorCtx(req), req.params.id),
  );
  app.post(c.grantQuota.path, { config: { access: 'project.plan' }, schema: schemaOf(c.grantQuota) }, async (req) =>
    grantQuota(deps, actorCtx(req), req.params.id, req.body),
  );
}
