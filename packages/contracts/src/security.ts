// 账号安全管理: locked (account, IP) pairs and unlocking them.
import { z } from 'zod';
import { idParams, listOf, ok, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['security'] as const;

/** One locked (account, IP) pair: a stranger's IP can be locked while the owner's is not. */
export const lockedAccount = z.object({
  key: z.string(),
  id: z.number(),
  name: z.string(),
  loginName: z.string().nullable(),
  ip: z.string(),
  failures: z.number(),
  lockedUntil: timestamp,
});

export const lockedAccounts = route({
  method: 'GET',
  path: '/api/security/locked',
  summary: '被锁定的账号（账号 + IP）',
  tags,
  response: listOf(lockedAccount),
});

export const unlock = route({
  method: 'POST',
  path: '/api/security/users/:id/unlock',
  summary: '解锁账号（该账号在所有 IP 上的锁定）',
  tags,
  params: idParams,
  response: ok,
});
