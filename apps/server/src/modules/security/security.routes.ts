import type { Deps } from '../../context.ts';
import { idParam, ok, type App } from '../../http/types.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { clearLockouts, listLockedAccounts } from '../auth/lockout.ts';

export function securityRoutes(app: App, deps: Deps) {
  // locks are per account and client IP: one row per locked pair (a stranger's IP can be locked while the owner's is not)
  app.get(
    '/api/security/locked',
    {
      config: { access: 'security.manage' },
      schema: { tags: ['security'], summary: '被锁定的账号（账号 + IP）' },
    },
    async () => ({
      items: (await listLockedAccounts(deps.db)).map((r) => ({ ...r, key: `${r.id}@${r.ip}` })),
    }),
  );

  app.post(
    '/api/security/users/:id/unlock',
    {
      config: { access: 'security.manage' },
      schema: { tags: ['security'], summary: '解锁账号（该账号在所有 IP 上的锁定）', params: idParam },
    },
    async (req) => {
      await deps.db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').select('id').where('id', '=', req.params.id).executeTakeFirst();
        if (!user) throw notFound('账号');
        await clearLockouts(trx, user.id);
        await recordAudit(trx, req.ctx, { action: 'security.unlock', objectType: 'user', objectId: req.params.id });
      });
      return ok;
    },
  );
}
