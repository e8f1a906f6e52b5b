// Two-person rule for the platform's own accounts (province admin, sys / security / audit admins):
// the security admin proposes (create, reset password, disable, enable), an audit admin approves or
// rejects. Nobody decides a request they filed or one about their own account (the database refuses
// decided_by = requested_by too). A decision is one versioned UPDATE: of two approvers clicking at
// once exactly one wins, the other gets 409. The change itself runs in the same transaction, and a
// temporary password goes back once, to the approver who made it happen; it is never stored.
import { ROLE_LABELS, type Role } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { PlatformAccountAction } from '../../db/types.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import * as repo from './admin-accounts.repository.ts';
import * as requests from './requests.repository.ts';
import { applyPasswordReset, applyStatus, temporaryPassword } from './admin-accounts.service.ts';
import { isPlatformAccount, type PlatformRole } from './rules.ts';

export type Proposal =
  | { action: 'create'; role: PlatformRole; loginName: string; name: string; reason: string }
  | { action: 'reset_password' | 'disable' | 'enable'; userId: number; reason: string };

export const ACTION_LABELS: Record<PlatformAccountAction, string> = {
  create: '创建账号',
  reset_password: '重置密码',
  disable: '停用账号',
  enable: '启用账号',
};
export const TAKEN = '该申请已被处理（可能已由其他审计管理员处理），请刷新';
/** Roles the platform cannot lose: with no active security or audit admin, nothing could be approved again. */
const KEEP_ONE: Role[] = ['security_admin', 'audit_admin'];

async function lastOfRole(db: Executor, userId: number, roles: { role: string }[]) {
  for (const r of roles)
    if (KEEP_ONE.includes(r.role as Role) && (await repo.otherActiveWithRole(db, r.role as Role, userId)) === 0) return r.role as Role;
  return null;
}

async function platformTarget(db: Executor, userId: number) {
  const acc = await repo.accountOf(db, userId);
  if (!acc || !isPlatformAccount(acc.roles)) throw notFound('平台管理员账号');
  return acc;
}

export async function propose(deps: Deps, ctx: ActorCtx, p: Proposal) {
  const { actor } = ctx;
  requirePermission(actor, 'adminAccount.propose');
  let values: { role: PlatformRole | null; login_name: string | null; name: string | null; target_user_id: number | null };
  if (p.action === 'create') {
    if (await repo.loginNameTaken(deps.db, p.loginName)) throw conflict('该登录名已被使用', 'ALREADY_EXISTS');
    values = { role: p.role, login_name: p.loginName, name: p.name, target_user_id: null };
  } else {
    const acc = await platformTarget(deps.db, p.userId);
    if (acc.id === actor.userId) throw forbidden('不能为自己的账号提出申请');
    if (p.action === 'disable' && acc.status === 'disabled') throw invalid('该账号已停用');
    if (p.action === 'enable' && acc.status === 'active') throw invalid('该账号已是启用状态');
    const last = p.action === 'disable' && (await lastOfRole(deps.db, acc.id, acc.roles));
    if (last) throw conflict(`这是最后一个启用的${ROLE_LABELS[last]}账号，不能停用`, 'LAST_OF_ROLE');
    values = { role: null, login_name: null, name: null, target_user_id: acc.id };
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await requests.insertRequest(trx, { action: p.action, ...values, reason: p.reason, requested_by: actor.userId });
      await recordAudit(trx, ctx, {
        action: 'adminAccount.request',
        objectType: 'adminAccountRequest',
        objectId: row.id,
        detail: { action: p.action, role: values.role, loginName: values.login_name, targetUserId: values.target_user_id },
      });
      return { id: row.id, version: row.version, status: 'pending' as const };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('该账号（或登录名）已有一个待审批的申请', 'ALREADY_PENDING');
    throw e;
  }
}

export interface Decision {
  version: number;
  approve: boolean;
  reason?: string;
}

export async function decide(deps: Deps, ctx: ActorCtx, id: number, d: Decision) {
  const { actor } = ctx;
  requirePermission(actor, 'adminAccount.approve');
  const r = await requests.findRequest(deps.db, id);
  if (!r) throw notFound('申请');
  if (r.requested_by === actor.userId) throw forbidden('不能审批自己提出的申请');
  if (r.target_user_id === actor.userId) throw forbidden('不能审批关于自己账号的申请');
  if (r.status !== 'pending' || r.version !== d.version) throw conflict(TAKEN, 'TAKEN');
  if (!d.approve && !d.reason?.trim()) throw invalid('请填写驳回理由', { reason: '请填写驳回理由' });
  const password = d.approve && (r.action === 'create' || r.action === 'reset_password') ? temporaryPassword() : null;
  const hash = password ? await hashPassword(password) : null;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const done = await requests.decideRequest(trx, {
        id,
        version: d.version,
        approve: d.approve,
        decidedBy: actor.userId,
        reason: d.reason?.trim() || null,
      });
      if (!done) throw conflict(TAKEN, 'TAKEN');
      const resultUserId = d.approve ? await carryOut(deps, trx, r, hash) : null;
      if (resultUserId) await requests.setResultUser(trx, id, resultUserId);
      await recordAudit(trx, ctx, {
        action: d.approve ? 'adminAccount.request.approve' : 'adminAccount.request.reject',
        objectType: 'adminAccountRequest',
        objectId: id,
        detail: {
          action: r.action,
          role: r.role,
          loginName: r.login_name,
          targetUserId: r.target_user_id,
          resultUserId,
          requestedBy: r.requested_by,
        },
      });
      return {
        id,
        status: d.approve ? ('approved' as const) : ('rejected' as const),
        version: done.version,
        userId: resultUserId,
        temporaryPassword: password,
      };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('该登录名已被使用，无法创建：请驳回此申请', 'ALREADY_EXISTS');
    throw e;
  }
}

type RequestRow = {
  action: PlatformAccountAction;
  role: PlatformRole | null;
  login_name: string | null;
  name: string | null;
  target_user_id: number | null;
};

async function carryOut(deps: Deps, trx: Executor, r: RequestRow, hash: string | null): Promise<number> {
  if (r.action === 'create') {
    return repo.insertAdmin(
      trx,
      { loginName: r.login_name!, name: r.name!, role: r.role! },
      { region_code: deps.config.provinceCode, school_id: null, institution_id: null },
      hash!,
    );
  }
  const acc = await platformTarget(trx, r.target_user_id!);
  if (r.action === 'reset_password') await applyPasswordReset(trx, acc.id, hash!);
  else {
    const last = r.action === 'disable' && (await lastOfRole(trx, acc.id, acc.roles));
    if (last) throw conflict(`这是最后一个启用的${ROLE_LABELS[last]}账号，不能停用：请驳回此申请`, 'LAST_OF_ROLE');
    await applyStatus(trx, acc.id, r.action === 'disable' ? 'disabled' : 'active');
  }
  return acc.id;
}

export async function listRequests(
  deps: Deps,
  ctx: ActorCtx,
  q: { status?: 'pending' | 'approved' | 'rejected'; page: number; pageSize: number },
) {
  const { actor } = ctx;
  requirePermission(actor, 'adminAccount.requests');
  const { rows, total } = await requests.listRequestRows(deps.db, q);
  const canApprove = actor.roles.includes('audit_admin');
  return {
    items: rows.map((r) => ({
      id: r.id,
      action: r.action,
      actionLabel: ACTION_LABELS[r.action],
      role: r.role,
      loginName: r.login_name ?? r.target_login_name,
      name: r.name ?? r.target_name,
      targetUserId: r.target_user_id,
      reason: r.reason,
      status: r.status,
      version: r.version,
      requestedBy: r.requested_by_name,
      requestedAt: r.requested_at,
      decidedBy: r.decided_by_name,
      decidedAt: r.decided_at,
      decisionReason: r.decision_reason,
      canDecide: canApprove && r.status === 'pending' && r.requested_by !== actor.userId && r.target_user_id !== actor.userId,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
