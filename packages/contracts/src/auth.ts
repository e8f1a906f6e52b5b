// 登录与账号安全: login (password, then the second factor), the session's own user, password changes,
// registration and forgotten passwords.
import { ROLES } from '@shixun/domain';
import { z } from 'zod';
import { dbId, ok } from './common.ts';
import { route } from './route.ts';

const tags = ['auth'] as const;

/** The logged-in user as the API shows it: personal numbers masked, scope with names. */
export const me = z.object({
  id: z.number(),
  name: z.string(),
  loginName: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  role: z.enum(ROLES),
  scope: z.object({
    regionCode: z.string().optional(),
    regionName: z.string().optional(),
    schoolId: z.number().optional(),
    schoolName: z.string().optional(),
    institutionId: z.number().optional(),
    institutionName: z.string().optional(),
  }),
  mustChangePassword: z.boolean(),
  mustEnrollTotp: z.boolean(),
  totpEnabled: z.boolean(),
});
/** A session: the user and the token to send back in X-CSRF-Token. */
export const session = z.object({ user: me, csrfToken: z.string() });
/** An account with two-factor authentication: no session until POST /api/auth/login/totp. */
export const twoFactorTicket = z.object({ twoFactorRequired: z.literal(true), ticket: z.string() });

/** A 6-digit code from the authenticator app, or a recovery code (XXXXX-XXXXX). */
export const secondFactorCode = z.string().trim().min(6, '请输入 6 位验证码或恢复码').max(20, '验证码格式不正确');
export const sixDigitCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字');
export const ACCOUNT_MAX = 64;
export const PASSWORD_MAX = 128;

export const login = route({
  method: 'POST',
  path: '/api/auth/login',
  summary: '登录（用户名 / 证件号 / 手机号）',
  tags,
  body: z.object({
    account: z.string().trim().min(1, '请输入账号').max(ACCOUNT_MAX),
    password: z.string().min(1, '请输入密码').max(PASSWORD_MAX),
  }),
  response: z.union([session, twoFactorTicket]),
});

export const loginTotp = route({
  method: 'POST',
  path: '/api/auth/login/totp',
  summary: '登录第二步：输入验证器中的 6 位验证码或恢复码',
  tags,
  body: z.object({ ticket: z.string().trim().min(1, '请重新登录').max(100), code: secondFactorCode }),
  response: session,
});

export const currentUser = route({ method: 'GET', path: '/api/auth/me', summary: '当前用户', tags, response: session });

export const logout = route({ method: 'POST', path: '/api/auth/logout', summary: '退出登录', tags, response: ok });

export const changePassword = route({
  method: 'POST',
  path: '/api/auth/password',
  summary: '修改密码',
  tags,
  body: z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: z.string().min(1, '请输入新密码').max(PASSWORD_MAX) }),
  response: ok,
});

export const register = route({
  method: 'POST',
  path: '/api/auth/register',
  summary: '注册账号（待学校管理员审核）',
  tags,
  body: z.object({
    idNumber: z.string().trim().min(1, '请输入证件号码').max(18),
    name: z.string().trim().min(1, '请输入姓名').max(50),
    phone: z.string().trim().min(1, '请输入手机号'),
    schoolId: dbId,
    password: z.string().max(PASSWORD_MAX),
    challengeId: z.string().trim().max(64).optional(),
    challengeAnswer: z.string().trim().max(16).optional(),
  }),
  response: z.object({ status: z.literal('pending') }),
  status: 201,
});

export const challenge = route({
  method: 'GET',
  path: '/api/auth/challenge',
  summary: '注册验证题（同一网络多次注册后需要回答）',
  tags,
  response: z.object({ id: z.string(), question: z.string() }),
});

export const forgotCode = route({
  method: 'POST',
  path: '/api/auth/forgot/code',
  summary: '忘记密码：发送验证码到绑定手机',
  tags,
  body: z.object({ account: z.string().trim().min(1, '请输入账号').max(ACCOUNT_MAX) }),
  response: z.object({ message: z.string() }),
});

export const forgotReset = route({
  method: 'POST',
  path: '/api/auth/forgot/reset',
  summary: '忘记密码：凭验证码重设密码',
  tags,
  body: z.object({ account: z.string().trim().min(1).max(ACCOUNT_MAX), code: sixDigitCode, newPassword: z.string().max(PASSWORD_MAX) }),
  response: ok,
});
