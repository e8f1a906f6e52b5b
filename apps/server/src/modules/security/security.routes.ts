import { security as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { lockedAccounts, unlockUser } from './security.service.ts';

export function securityRoutes(app: App, deps: Deps) {
  app.get(c.lockedAccounts.path, { config: { access: 'security.manage' }, schema: schemaOf(c.lockedAccounts) }, async () => ({
    items: await lockedAccounts(deps),
  }));

  app.post(c.unlock.path, { config: { access: 'security.manage' }, schema: schemaOf(c.unlock) }, async (req) => {
    await unlockUser(deps, req.ctx, req.params.id);
    return { ok: true as const };
  });
}
