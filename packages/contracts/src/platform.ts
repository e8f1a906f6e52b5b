// 平台: health check and the public configuration the login page needs before anyone logs in.
import { z } from 'zod';
import { route } from './route.ts';

const tags = ['platform'] as const;

export const health = route({
  method: 'GET',
  path: '/api/health',
  summary: '健康检查',
  tags,
  response: z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) }),
});

export const publicConfig = route({
  method: 'GET',
  path: '/api/public/config',
  summary: '平台公开配置',
  tags,
  response: z.object({
    title: z.string(),
    provinceCode: z.string(),
    provinceName: z.string(),
    passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number(), historyCount: z.number().optional() }),
  }),
});
