// 账号设置: the account owner's phone and email (proved by a code sent to the new address) and two-factor
// authentication (enrolment, recovery codes, switching it off).
import { PHONE_RE } from '@shixun/domain';
import { z } from 'zod';
import { PASSWORD_MAX, secondFactorCode, sixDigitCode } from './auth.ts';
import { ok, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['account'] as const;
export const phone = z.string().trim().regex(PHONE_RE, '手机号格式不正确');
export const EMAIL_MAX = 100;
export const email = z.string().trim().toLowerCase().email('邮箱格式不正确').max(EMAIL_MAX);
/** Where the code went, masked. */
const sent = z.object({ sentTo: z.string().nullable() });

export const phoneCode = route({
  method: 'POST',
  path: '/api/account/phone/code',
  summary: '修改手机号：向新手机发送验证码',
  tags,
  body: z.object({ phone }),
  response: sent,
});

export const changePhone = route({
  method: 'POST',
  path: '/api/account/phone',
  summary: '修改手机号',
  tags,
  body: z.object({ phone, code: sixDigitCode }),
  response: ok,
});

export const emailCode = route({
  method: 'POST',
  path: '/api/account/email/code',
  summary: '修改邮箱：向新邮箱发送验证码',
  tags,
  body: z.object({ email }),
  response: sent,
});

export const changeEmail = route({
  method: 'POST',
  path: '/api/account/email',
  summary: '修改邮箱',
  tags,
  body: z.object({ email, code: sixDigitCode }),
  response: ok,
});

export const totpStatus = route({
  method: 'GET',
  path: '/api/account/totp',
  summary: '两步验证状态',
  tags,
  response: z.object({ enabled: z.boolean(), enabledAt: timestamp.nullable(), required: z.boolean(), recoveryCodesLeft: z.number() }),
});

export const totpSetup = route({
  method: 'POST',
  path: '/api/account/totp/setup',
  summary: '两步验证：生成密钥和二维码',
  tags,
  response: z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() }),
});

export const totpEnable = route({
  method: 'POST',
  path: '/api/account/totp/enable',
  summary: '两步验证：输入验证码启用，返回恢复码（仅显示一次）',
  tags,
  body: z.object({ code: sixDigitCode }),
  response: z.object({ recoveryCodes: z.array(z.string()) }),
});

export const totpDisable = route({
  method: 'POST',
  path: '/api/account/totp/disable',
  summary: '停用两步验证（需密码和验证码）',
  tags,
  body: z.object({ password: z.string().min(1, '请输入登录密码').max(PASSWORD_MAX), code: secondFactorCode }),
  response: z.object({ required: z.boolean() }),
});
