import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { applyProfilePatch } from '../teachers/profile.write.ts';
import { decideChange, listChanges } from './profile-changes.repository.ts';

export async function listChangesInScope(deps: Deps, ctx: ActorCtx, q: { status?: string; page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'profileChange.review');
  const r = await listChanges(deps.db, { status: q.status, scope: teacherScope(ctx.actor) }, q);
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export async function reviewChange(deps: Deps, ctx: ActorCtx, id: number, outcome: 'approved' | 'rejected', reason: string | null) {
  const { actor } = ctx;
  requirePermission(actor, 'profileChange.review');
  const visible = await listChanges(deps.db, { id, scope: teacherScope(actor) }, { page: 1, pageSize: 1 });
  if (!visible.items.length) throw notFound('信息变更申请');
  await deps.db.transaction().execute(async (trx) => {
    const decided = await decideChange(trx, id, actor.userId, outcome, reason);
    if (!decided) throw conflict('该申请已被处理（可能其他管理员刚刚审核过），请刷新后查看');
    if (outcome === 'approved') {
      const patch = Object.fromEntries(Object.entries(decided.changes).map(([k, v]) => [k, v.to]));
      await applyProfilePatch(trx, decided.teacher_id, patch, deps.config.provinceCode);
    }
    await recordAudit(trx, ctx, {
      action: `profileChange.${outcome === 'approved' ? 'approve' : 'reject'}`,
      objectType: 'profileChange',
      objectId: id,
      detail: { teacherId: decided.teacher_id, fields: Object.keys(decided.changes) },
    });
  });
  return (await listChanges(deps.db, { id }, { page: 1, pageSize: 1 })).items[0]!;
}
