import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { setSessionCookies } from '../../http/auth-hook.ts';
import type { App } from '../../http/types.ts';
import { disableTotp, enableTotp, loginWithSecondFactor, setupTotp, totpStatus } from './two-factor.service.ts';

/** A 6-digit code from the authenticator app, or a recovery code (XXXXX-XXXXX). */
const code = z.string().trim().min(6, '请输入 6 位验证码或恢复码').max(20, '验证码格式不正确');
const limited = <A extends 'public' | 'session'>(access: A) => ({ access, rateLimit: { max: 10, timeWindow: 60_000 } });

export function twoFactorRoutes(app: App, deps: Deps) {
  app.post(
    '/api/auth/login/totp',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.loginPerMinutePerIp, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '登录第二步：输入验证器中的 6 位验证码或恢复码',
        body: z.object({ ticket: z.string().trim().min(1, '请重新登录').max(100), code }),
      },
    },
    async (req, reply) => {
      const r = await loginWithSecondFactor(deps, req.ctx, req.body);
      setSessionCookies(reply, r, deps);
      return { user: r.user, csrfToken: r.csrfToken };
    },
  );

  app.get('/api/account/totp', { config: { access: 'session' }, schema: { tags: ['account'], summary: '两步验证状态' } }, async (req) =>
    totpStatus(deps, req.ctx),
  );

  app.post(
    '/api/account/totp/setup',
    { config: limited('session'), schema: { tags: ['account'], summary: '两步验证：生成密钥和二维码' } },
    async (req) => setupTotp(deps, req.ctx),
  );

  app.post(
    '/api/account/totp/enable',
    {
      config: limited('session'),
      schema: {
        tags: ['account'],
        summary: '两步验证：输入验证码启用，返回恢复码（仅显示一次）',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, '验证码为 6 位数字'),
        }),
      },
    },
    async (req) => enableTotp(deps, req.ctx, req.body.code),
  );

  app.post(
    '/api/account/totp/disable',
    {
      config: limited('session'),
      schema: {
        tags: ['account'],
        summary: '停用两步验证（需密码和验证码）',
        body: z.object({ password: z.string().min(1, '请输入登录密码').max(128), code }),
      },
    },
    async (req) => disableTotp(deps, req.ctx, req.body),
  );
}
