import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { clearSessionCookies, setSessionCookies } from '../../http/auth-hook.ts';
import { ok, type App, dbId } from '../../http/types.ts';
import { describeMe } from './actor.ts';
import { changePassword, login, logout, register, resetForgotten, sendForgotCode } from './auth.service.ts';
import { issueChallenge } from './challenge.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';

export function authRoutes(app: App, deps: Deps) {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.loginPerMinutePerIp, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '登录（用户名 / 证件号 / 手机号）',
        body: z.object({ account: z.string().trim().min(1, '请输入账号').max(64), password: z.string().min(1, '请输入密码').max(128) }),
      },
    },
    async (req, reply) => {
      const r = await login(deps, req.ctx, req.body);
      if ('ticket' in r) return r; // { twoFactorRequired, ticket }: no session until POST /api/auth/login/totp
      setSessionCookies(reply, r, deps);
      return { user: r.user, csrfToken: r.csrfToken };
    },
  );

  app.get('/api/auth/me', { config: { access: 'session' }, schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => ({
    user: describeMe(req.account!),
    csrfToken: req.csrfToken,
  }));

  app.post('/api/auth/logout', { config: { access: 'session' }, schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    await logout(deps, req.ctx);
    clearSessionCookies(reply);
    return ok;
  });

  app.post(
    '/api/auth/password',
    {
      config: { access: 'session' },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: z.string().min(1, '请输入新密码').max(128) }),
      },
    },
    async (req) => {
      await changePassword(deps, req.ctx, req.body);
      return ok;
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '注册账号（待学校管理员审核）',
        body: z.object({
          idNumber: z.string().trim().min(1, '请输入证件号码').max(18),
          name: z.string().trim().min(1, '请输入姓名').max(50),
          phone: z.string().trim().min(1, '请输入手机号'),
          schoolId: dbId,
          password: z.string().max(128),
          challengeId: z.string().trim().max(64).optional(),
          challengeAnswer: z.string().trim().max(16).optional(),
        }),
      },
    },
    async (req, reply) => {
      const r = await register(deps, req.ctx, req.body);
      reply.code(201);
      return { status: r.status };
    },
  );

  app.get(
    '/api/auth/challenge',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { tags: ['auth'], summary: '注册验证题（同一网络多次注册后需要回答）' },
    },
    async () => issueChallenge(deps.db),
  );

  app.post(
    '/api/auth/forgot/code',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '忘记密码：发送验证码到绑定手机',
        body: z.object({ account: z.string().trim().min(1, '请输入账号').max(64) }),
      },
    },
    async (req) => sendForgotCode(deps, req.ctx, req.body.account),
  );

  app.post(
    '/api/auth/forgot/reset',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: '忘记密码：凭验证码重设密码',
        body: z.object({
          account: z.string().trim().min(1).max(64),
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, '验证码为 6 位数字'),
          newPassword: z.string().max(128),
        }),
      },
    },
    async (req) => {
      await resetForgotten(deps, req.ctx, req.body);
      return ok;
    },
  );

  twoFactorRoutes(app, deps);
}
