import { audit as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { listAuditEntries, recordAuditNow } from './audit.service.ts';
import { verifyAndCheckpoint } from './checkpoints.ts';

export function auditRoutes(app: App, deps: Deps) {
  app.get(c.auditLog.path, { config: { access: 'audit.read' }, schema: schemaOf(c.auditLog) }, async (req) => ({
    ...(await listAuditEntries(deps.db, req.query)),
    lastCheckpoint: deps.auditCheckpoints.latest(),
  }));

  app.post(c.verifyChain.path, { config: { access: 'audit.read' }, schema: schemaOf(c.verifyChain) }, async (req) => {
    const result = await verifyAndCheckpoint(deps.db, deps.auditCheckpoints);
    await recordAuditNow(deps.db, req.ctx, {
      action: 'audit.verify',
      result: result.ok ? 'success' : 'failure',
      detail: { checked: result.checked, brokenAt: result.brokenAt, checkpoint: result.checkpoint.status },
    });
    return result;
  });
}
