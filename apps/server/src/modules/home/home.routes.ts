// 我的主页 (teachers) and 工作台 (admins of teachers): read-only pages composed from the feature modules.
import { home as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { myHome } from './home.service.ts';
import { queueCounts, workbench } from './workbench.service.ts';

export function homeRoutes(app: App, deps: Deps) {
  app.get(c.myHome.path, { config: { access: 'profile.self' }, schema: schemaOf(c.myHome) }, async (req) => myHome(deps, actorCtx(req)));

  app.get(c.workbench.path, { config: { access: 'teacher.read' }, schema: schemaOf(c.workbench) }, async (req) =>
    workbench(deps, actorCtx(req)),
  );

  app.get(c.queueCounts.path, { config: { access: 'teacher.read' }, schema: schemaOf(c.queueCounts) }, async (req) =>
    queueCounts(deps, actorCtx(req)),
  );
}
