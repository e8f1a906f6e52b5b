// 账号安全管理: the security admin sees locked (account, IP) pairs and lifts an account's locks.
import type { Deps, RequestCtx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listLockedAccounts, unlockAccount } from '../auth/lockout.ts';

/** One row per locked pair: a stranger's IP can be locked while the owner's is not. */
export async function lockedAccounts(deps: Deps) {
  return (await listLockedAccounts(deps.db)).map((r) => ({ ...r, key: `${r.id}@${r.ip}` }));
}

/** Lifts the account's locks on every IP. */
export async function unlockUser(deps: Deps, ctx: RequestCtx, userId: number) {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await unlockAccount(trx, userId))) throw notFound('账号');
    await recordAudit(trx, ctx, { action: 'security.unlock', objectType: 'user', objectId: userId });
  });
}
