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
    /** 客服 contact shown on the login page and in the teacher's space; empty strings when not configured */
    support: z.object({ phone: z.string(), qq: z.string(), hours: z.string() }),
    /** the deployment's time zone (IANA): the web app shows every time in it */
    timeZone: z.string(),
  }),
});
