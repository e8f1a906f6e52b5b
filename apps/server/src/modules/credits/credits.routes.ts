// Credits of one teacher: 我的学分 (the teacher), and the admin's view with 冲销 and 调整.
import { credits as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { myCredits, myEntries } from './my-credits.service.ts';
import { schoolBasedRoutes } from './school-based.routes.ts';
import { adjustCredits, reverseEntry, teacherCredits } from './teacher-credits.service.ts';

export function creditRoutes(app: App, deps: Deps) {
  app.get(c.myCredits.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myCredits) }, async (req) =>
    myCredits(deps, actorCtx(req)),
  );

  app.get(c.myEntries.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myEntries) }, async (req) =>
    myEntries(deps, actorCtx(req), req.query),
  );

  app.get(c.teacherCredits.path, { config: { access: 'credit.read' }, schema: schemaOf(c.teacherCredits) }, async (req) =>
    teacherCredits(deps, actorCtx(req), req.params.id),
  );

  app.post(c.reverseEntry.path, { config: { access: 'credit.adjust' }, schema: schemaOf(c.reverseEntry) }, async (req, reply) => {
    const r = await reverseEntry(deps, actorCtx(req), req.params.id, req.body.reason);
    reply.code(201);
    return r;
  });

  app.post(c.adjustCredits.path, { config: { access: 'credit.adjust' }, schema: schemaOf(c.adjustCredits) }, async (req, reply) => {
    const r = await adjustCredits(deps, actorCtx(req), req.params.id, req.body);
    reply.code(201);
    return r;
  });

  schoolBasedRoutes(app, deps);
}
