import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { pageQuery, type App } from '../../http/types.ts';
import { listOutbox } from './notifier.ts';

export function outboxRoutes(app: App, deps: Deps) {
  app.get('/api/outbox', {
    config: { access: 'outbox.read' },
    schema: { tags: ['platform'], summary: '通知发件箱（内置通知渠道）', querystring: z.object(pageQuery) },
  }, async (req) => listOutbox(deps.db, req.query.page, req.query.pageSize));
}
