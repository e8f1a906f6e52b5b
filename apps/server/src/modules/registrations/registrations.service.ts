// 注册审核: a registered account stays `pending` until an admin of its school approves it.
import { maskIdNumber, maskPhone } from '@shixun/domain';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { decideRegistration, isVisible, listRegistered, type AccountStatus } from './registrations.repository.ts';

type Outcome = 'pending' | 'approved' | 'rejected';
const STATUS_OF: Record<Outcome, AccountStatus> = { pending: 'pending', approved: 'active', rejected: 'rejected' };

export async function listRegistrations(deps: Deps, ctx: ActorCtx, q: { status: Outcome; page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'registration.review');
  const { rows, total } = await listRegistered(deps.db, teacherScope(ctx.actor), { ...q, status: STATUS_OF[q.status] });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      phone: maskPhone(r.phone),
      schoolName: r.school_name,
      createdAt: r.created_at,
      status: q.status,
      rejectReason: r.reject_reason,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function reviewRegistration(deps: Deps, ctx: ActorCtx, id: number, outcome: 'approved' | 'rejected', reason: string | null) {
  requirePermission(ctx.actor, 'registration.review');
  if (!(await isVisible(deps.db, teacherScope(ctx.actor), id))) throw notFound('注册申请');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await decideRegistration(trx, id, STATUS_OF[outcome], reason))) throw conflict('该注册申请已被处理，请刷新后查看');
    await recordAudit(trx, ctx, {
      action: `registration.${outcome === 'approved' ? 'approve' : 'reject'}`,
      objectType: 'user',
      objectId: id,
      detail: reason ? { reason } : undefined,
    });
  });
  return { ok: true as const, status: outcome };
}
