import { outbox as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { listOutbox } from './notifier.ts';

export function outboxRoutes(app: App, deps: Deps) {
  app.get(c.outbox.path, { config: { access: 'outbox.read' }, schema: schemaOf(c.outbox) }, async (req) =>
    listOutbox(deps, req.query.page, req.query.pageSize),
  );
}
