import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { pageQuery, type App } from '../../http/types.ts';
import { listAuditEntries, recordAuditNow, verifyAuditChain } from './audit.service.ts';

export function auditRoutes(app: App, deps: Deps) {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: '审计日志', querystring: z.object({ action: z.string().max(64).optional(), actor: z.string().max(50).optional(), ...pageQuery }) },
  }, async (req) => listAuditEntries(deps.db, req.query));

  app.post('/api/audit/verify', {
    config: { access: 'audit.read' }, schema: { tags: ['audit'], summary: '校验审计日志哈希链' },
  }, async (req) => {
    const result = await verifyAuditChain(deps.db);
    await recordAuditNow(deps.db, req.ctx, { action: 'audit.verify', result: result.ok ? 'success' : 'failure', detail: { checked: result.checked, brokenAt: result.brokenAt } });
    return result;
  });
}
