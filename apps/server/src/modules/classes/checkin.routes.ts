// 签到 routes: the rotating code for the big screen, a session's attendance and manual marking
// (institution), and the trainee's scan.
import { classSchedule as s } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { checkIn, currentCheckinCode, markCheckins, sessionCheckins } from './checkin.service.ts';

const manage = { access: 'class.manage' } as const;

export function checkinRoutes(app: App, deps: Deps) {
  app.get(s.checkinCode.path, { config: manage, schema: schemaOf(s.checkinCode) }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return currentCheckinCode(deps, actorCtx(req), req.params.id, req.params.sid, deps.config.publicUrl);
  });

  app.get(s.sessionCheckins.path, { config: manage, schema: schemaOf(s.sessionCheckins) }, async (req) =>
    sessionCheckins(deps, actorCtx(req), req.params.id, req.params.sid),
  );

  app.post(s.markCheckins.path, { config: manage, schema: schemaOf(s.markCheckins) }, async (req) =>
    markCheckins(deps, actorCtx(req), req.params.id, req.params.sid, req.body),
  );

  app.post(s.checkIn.path, { config: { access: 'project.self' }, schema: schemaOf(s.checkIn) }, async (req) =>
    checkIn(deps, actorCtx(req), req.body.code),
  );
}
