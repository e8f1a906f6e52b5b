import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { pageQuery, type App } from '../../http/types.ts';
import { listOutbox } from './notifier.ts';

export function outboxRoutes(app: App, deps: Deps) {
  app.get(
    '/api/outbox',
    {
      config: { access: 'outbox.read' },
      schema: {
        tags: ['platform'],
        summary: '通知发件箱：发送状态与脱敏的接收人（开发用发件箱 DEV_OUTBOX 才显示内容）',
        querystring: z.object(pageQuery),
      },
    },
    async (req) => listOutbox(deps, req.query.page, req.query.pageSize),
  );
}
