import { z } from 'zod';
import { PHONE_RE } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import { ok, type App } from '../../http/types.ts';
import { changeContact, sendChangeCode } from './account.service.ts';

const phone = z.string().trim().regex(PHONE_RE, '手机号格式不正确');
const email = z.string().trim().toLowerCase().email('邮箱格式不正确').max(100);
const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字');
const limited = (access: 'session') => ({ access, rateLimit: { max: 10, timeWindow: 60_000 } });

export function accountRoutes(app: App, deps: Deps) {
  app.post(
    '/api/account/phone/code',
    { config: limited('session'), schema: { tags: ['account'], summary: '修改手机号：向新手机发送验证码', body: z.object({ phone }) } },
    async (req) => sendChangeCode(deps, req.ctx, 'phone', req.body.phone),
  );
  app.post(
    '/api/account/phone',
    { config: { access: 'session' }, schema: { tags: ['account'], summary: '修改手机号', body: z.object({ phone, code }) } },
    async (req) => {
      await changeContact(deps, req.ctx, 'phone', req.body.phone, req.body.code);
      return ok;
    },
  );
  app.post(
    '/api/account/email/code',
    { config: limited('session'), schema: { tags: ['account'], summary: '修改邮箱：向新邮箱发送验证码', body: z.object({ email }) } },
    async (req) => sendChangeCode(deps, req.ctx, 'email', req.body.email),
  );
  app.post(
    '/api/account/email',
    { config: { access: 'session' }, schema: { tags: ['account'], summary: '修改邮箱', body: z.object({ email, code }) } },
    async (req) => {
      await changeContact(deps, req.ctx, 'email', req.body.email, req.body.code);
      return ok;
    },
  );
}
