import { audit as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { type App, contentDisposition } from '../../http/types.ts';
import { exportAuditEntries, listAuditEntries } from './audit-view.ts';
import { recordAuditNow } from './audit.service.ts';
import { verifyAndCheckpoint } from './checkpoints.ts';

export function auditRoutes(app: App, deps: Deps) {
  app.get(c.auditLog.path, { config: { access: 'audit.read' }, schema: schemaOf(c.auditLog) }, async (req) => ({
    ...(await listAuditEntries(deps, req.query)),
    lastCheckpoint: deps.auditCheckpoints.latest(),
  }));

  app.get(c.exportLog.path, { config: { access: 'audit.read' }, schema: schemaOf(c.exportLog) }, async (req, reply) => {
    const { filename, stream } = await exportAuditEntries(deps, actorCtx(req), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', 'audit-log.xlsx', filename))
      .header('cache-control', 'private, no-store')
      .send(stream);
  });

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
