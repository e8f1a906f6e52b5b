// 注册审核: a registered account stays `pending` until an admin of its school approves it.
import { maskIdNumber, maskPhone } from '@shixun/domain';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps, RequestCtx } from '../../context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

type Status = 'pending' | 'active' | 'rejected';
const STATUS_OF: Record<'pending' | 'approved' | 'rejected', Status> = { pending: 'pending', approved: 'active', rejected: 'rejected' };

export async function listRegistrations(
  deps: Deps,
  ctx: RequestCtx,
  q: { status: 'pending' | 'approved' | 'rejected'; page: number; pageSize: number },
) {
  requirePermission(ctx.actor!, 'registration.review');
  const base = teachersInScope(deps.db, teacherScope(ctx.actor!))
    .where('u.status', '=', STATUS_OF[q.status])
    .where('u.source', '=', 'register');
  const [rows, total] = await Promise.all([
    base
      .select(['u.id', 'u.name', 'u.id_number', 'u.phone', 's.name as school_name', 'u.created_at', 'u.status', 'u.reject_reason'])
      .orderBy('u.created_at', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
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
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function reviewRegistration(deps: Deps, ctx: RequestCtx, id: number, outcome: 'approved' | 'rejected', reason: string | null) {
  requirePermission(ctx.actor!, 'registration.review');
  const visible = await teachersInScope(deps.db, teacherScope(ctx.actor!)).select('u.id').where('u.id', '=', id).executeTakeFirst();
  if (!visible) throw notFound('注册申请');
  await deps.db.transaction().execute(async (trx) => {
    // only a pending account moves; a second reviewer (or a double click) finds nothing to change
    const r = await trx
      .updateTable('users')
      .set({ status: STATUS_OF[outcome], reject_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('source', '=', 'register')
      .returning('id')
      .executeTakeFirst();
    if (!r) throw conflict('该注册申请已被处理，请刷新后查看');
    await recordAudit(trx, ctx, {
      action: `registration.${outcome === 'approved' ? 'approve' : 'reject'}`,
      objectType: 'user',
      objectId: id,
      detail: reason ? { reason } : undefined,
    });
  });
  return { ok: true as const, status: outcome };
}
