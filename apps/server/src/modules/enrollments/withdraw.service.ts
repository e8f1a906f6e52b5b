// 撤回: a teacher takes back their own application (去申报) while it still waits at the first level
// of its review chain (the school). The place it holds, if any, is given back in the same
// transaction, with the timeline entry and the audit row. Racing a reviewer's decision, one
// conditional UPDATE picks exactly one winner; the loser gets 409. A withdrawn application is in no
// tab, and the teacher may apply again later (the enrolment starts over in place).
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ProjectLevel } from '../../db/types.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { releaseQuota } from '../projects/quotas.repository.ts';
import { reviewChain, STAGE_LABELS, type Stage } from './chain.ts';
import { ownEnrollment, withdrawOwnApplication } from './enrollments.repository.ts';
import { addEvents } from './events.ts';

export interface WithdrawFacts {
  origin: 'selected' | 'applied' | 'self';
  status: string;
  stage: Stage;
  level: ProjectLevel;
}

/** Only the teacher's own application, still waiting for the first level to decide. */
export function canWithdraw(f: WithdrawFacts): boolean {
  return f.origin === 'applied' && f.status === 'reviewing' && f.stage === reviewChain(f.level)[0];
}

function refusal(e: NonNullable<Awaited<ReturnType<typeof ownEnrollment>>>): string {
  if (e.origin !== 'applied') return '该报名由管理员遴选产生，不能撤回；如不能参加，请联系所在学校或区县';
  if (e.status === 'withdrawn') return '该申报已经撤回';
  if (e.status === 'returned') return '该申报已被退回，无需撤回';
  if (e.status !== 'reviewing') return '该申报已审核通过，不能撤回；如不能参加，请联系所在学校或区县';
  return `该申报已通过学校审核（当前待${STAGE_LABELS[e.stage]}审核），不能撤回；如不能参加，请联系所在学校或区县`;
}

export async function withdrawApplication(deps: Deps, ctx: ActorCtx, id: number, version: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.self');
  return deps.db.transaction().execute(async (trx) => {
    const e = await ownEnrollment(trx, actor.userId, id);
    if (!e) throw notFound('报名记录');
    if (!canWithdraw({ origin: e.origin, status: e.status, stage: e.stage, level: e.project_level })) {
      throw conflict(refusal(e), 'NOT_WITHDRAWABLE');
    }
    if (e.version !== version) throw conflict('该申报刚刚有了变化（可能已被审核），请刷新后查看', 'TAKEN');
    const done = await withdrawOwnApplication(trx, { id, teacherId: actor.userId, version, stage: e.stage });
    if (!done) throw conflict('该申报刚刚有了变化（可能已被审核），请刷新后查看', 'TAKEN');
    if (done.quota_id !== null) await releaseQuota(trx, done.quota_id, 1);
    await addEvents(trx, actor, [id], { action: 'withdrawn', level: null, reason: '本人撤回申报' });
    await recordAudit(trx, ctx, {
      action: 'enrollment.withdraw',
      objectType: 'enrollment',
      objectId: id,
      detail: { projectId: e.project_id, stage: e.stage, releasedQuotaId: done.quota_id },
    });
    return { id, status: 'withdrawn' as const, version: done.version };
  });
}
