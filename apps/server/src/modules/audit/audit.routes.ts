import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { pageQuery, type App } from '../../http/types.ts';
import { listAuditEntries, recordAuditNow } from './audit.service.ts';
import { verifyAndCheckpoint } from './checkpoints.ts';

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: z.object({ action: z.string().max(64).optional(), actor: z.string().max(50).optional(), ...pageQuery }),
      },
    },
    async (req) => ({ ...(await listAuditEntries(deps.db, req.query)), lastCheckpoint: deps.auditCheckpoints.latest() }),
  );

  app.post(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], summary: '校验审计日志链（HMAC）并与最近的签名检查点比对，通过后写入新检查点' },
    },
    async (req) => {
      const result = await verifyAndCheckpoint(deps.db, deps.auditCheckpoints);
      await recordAuditNow(deps.db, req.ctx, {
        action: 'audit.verify',
        result: result.ok ? 'success' : 'failure',
        detail: { checked: result.checked, brokenAt: result.brokenAt, checkpoint: result.checkpoint.status },
      });
      return result;
    },
  );
}
