import type { Deps } from '../../context.ts';
import { idParam, ok, type App } from '../../http/types.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';

export function securityRoutes(app: App, deps: Deps) {
  app.get('/api/security/locked', {
    config: { access: 'security.manage' }, schema: { tags: ['security'], summary: '被锁定的账号' },
  }, async () => ({
    items: await deps.db.selectFrom('users').select(['id', 'name', 'login_name as loginName', 'locked_until as lockedUntil'])
      .where('locked_until', '>', new Date()).orderBy('locked_until', 'desc').limit(200).execute(),
  }));

  app.post('/api/security/users/:id/unlock', {
    config: { access: 'security.manage' }, schema: { tags: ['security'], summary: '解锁账号', params: idParam },
  }, async (req) => {
    await deps.db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('users').set({ locked_until: null, failed_logins: 0, first_failed_at: null })
        .where('id', '=', req.params.id).returning('id').executeTakeFirst();
      if (!r) throw notFound('账号');
      await recordAudit(trx, req.ctx, { action: 'security.unlock', objectType: 'user', objectId: req.params.id });
    });
    return ok;
  });
}
