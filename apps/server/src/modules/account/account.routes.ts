import { account as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { ok, type App } from '../../http/types.ts';
import { changeContact, sendChangeCode } from './account.service.ts';

const limited = { access: 'session' as const, rateLimit: { max: 10, timeWindow: 60_000 } };

export function accountRoutes(app: App, deps: Deps) {
  app.post(c.phoneCode.path, { config: limited, schema: schemaOf(c.phoneCode) }, async (req) =>
    sendChangeCode(deps, actorCtx(req), 'phone', req.body.phone),
  );
  app.post(c.changePhone.path, { config: { access: 'session' }, schema: schemaOf(c.changePhone) }, async (req) => {
    await changeContact(deps, actorCtx(req), 'phone', req.body.phone, req.body.code);
    return ok;
  });
  app.post(c.emailCode.path, { config: limited, schema: schemaOf(c.emailCode) }, async (req) =>
    sendChangeCode(deps, actorCtx(req), 'email', req.body.email),
  );
  app.post(c.changeEmail.path, { config: { access: 'session' }, schema: schemaOf(c.changeEmail) }, async (req) => {
    await changeContact(deps, actorCtx(req), 'email', req.body.email, req.body.code);
    return ok;
  });
}
