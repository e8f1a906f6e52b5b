// 通知发件箱: what left the platform by SMS or email, with masked recipients.
import { z } from 'zod';
import { pageQuery, paged, timestamp } from './common.ts';
import { route } from './route.ts';

export const outboxMessage = z.object({
  id: z.number(),
  channel: z.enum(['sms', 'email']),
  recipient: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['queued', 'sent', 'failed']),
  statusLabel: z.string(),
  createdAt: timestamp,
  /** only on a development outbox (DEV_OUTBOX): the body carries verification codes */
  body: z.string().optional(),
});

export const outbox = route({
  method: 'GET',
  path: '/api/outbox',
  summary: '通知发件箱：发送状态与脱敏的接收人（开发用发件箱 DEV_OUTBOX 才显示内容）',
  tags: ['platform'],
  querystring: z.object(pageQuery),
  response: paged(outboxMessage).extend({ devOutbox: z.boolean() }),
});
