import { account, auth } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { setSessionCookies } from '../../http/auth-hook.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { disableTotp, enableTotp, loginWithSecondFactor, setupTotp, totpStatus } from './two-factor.service.ts';

const limited = { access: 'session' as const, rateLimit: { max: 10, timeWindow: 60_000 } };

export function twoFactorRoutes(app: App, deps: Deps) {
  app.post(
    auth.loginTotp.path,
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.loginPerMinutePerIp, timeWindow: 60_000 } },
      schema: schemaOf(auth.loginTotp),
    },
    async (req, reply) => {
      const r = await loginWithSecondFactor(deps, req.ctx, req.body);
      setSessionCookies(reply, r, deps);
      return { user: r.user, csrfToken: r.csrfToken };
    },
  );

  app.get(account.totpStatus.path, { config: { access: 'session' }, schema: schemaOf(account.totpStatus) }, async (req) =>
    totpStatus(deps, actorCtx(req)),
  );

  app.post(account.totpSetup.path, { config: limited, schema: schemaOf(account.totpSetup) }, async (req) => setupTotp(deps, actorCtx(req)));

  app.post(account.totpEnable.path, { config: limited, schema: schemaOf(account.totpEnable) }, async (req) =>
    enableTotp(deps, actorCtx(req), req.body.code),
  );

  app.post(account.totpDisable.path, { config: limited, schema: schemaOf(account.totpDisable) }, async (req) =>
    disableTotp(deps, actorCtx(req), req.body),
  );
}
