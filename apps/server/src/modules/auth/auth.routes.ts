import { auth as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { clearSessionCookies, setSessionCookies } from '../../http/auth-hook.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { AppError } from '../../http/errors.ts';
import { ok, type App } from '../../http/types.ts';
import { describeMe } from './actor.ts';
import { changePassword, login, logout, resetForgotten, sendForgotCode } from './auth.service.ts';
import { issueChallenge } from './challenge.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';

const perMinute = (max: number) => ({ max, timeWindow: 60_000 });

export function authRoutes(app: App, deps: Deps) {
  app.post(
    c.login.path,
    { config: { access: 'public', rateLimit: perMinute(deps.config.rateLimit.loginPerMinutePerIp) }, schema: schemaOf(c.login) },
    async (req, reply) => {
      const r = await login(deps, req.ctx, req.body);
      if ('ticket' in r) return r; // { twoFactorRequired, ticket }: no session until POST /api/auth/login/totp
      setSessionCookies(reply, r, deps);
      return { user: r.user, csrfToken: r.csrfToken };
    },
  );

  app.get(c.currentUser.path, { config: { access: 'session' }, schema: schemaOf(c.currentUser) }, async (req) => {
    // the auth hook loaded the account and its CSRF token with the session
    if (!req.account || !req.csrfToken) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
    return { user: describeMe(req.account), csrfToken: req.csrfToken };
  });

  app.post(c.logout.path, { config: { access: 'session' }, schema: schemaOf(c.logout) }, async (req, reply) => {
    await logout(deps, req.ctx);
    clearSessionCookies(reply);
    return ok;
  });

  app.post(c.changePassword.path, { config: { access: 'session' }, schema: schemaOf(c.changePassword) }, async (req) => {
    await changePassword(deps, actorCtx(req), req.body);
    return ok;
  });

  app.get(c.challenge.path, { config: { access: 'public', rateLimit: perMinute(30) }, schema: schemaOf(c.challenge) }, async () =>
    issueChallenge(deps.db),
  );

  app.post(c.forgotCode.path, { config: { access: 'public', rateLimit: perMinute(10) }, schema: schemaOf(c.forgotCode) }, async (req) =>
    sendForgotCode(deps, req.ctx, req.body.account),
  );

  app.post(c.forgotReset.path, { config: { access: 'public', rateLimit: perMinute(10) }, schema: schemaOf(c.forgotReset) }, async (req) => {
    await resetForgotten(deps, req.ctx, req.body);
    return ok;
  });

  twoFactorRoutes(app, deps);
}
