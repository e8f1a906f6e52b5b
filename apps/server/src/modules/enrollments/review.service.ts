// 审核: each level of the chain approves (the enrolment moves up, or is approved at the end) or
// returns it with a reason (未通过; its place is given back). A reviewer acts on the version they
// saw: one conditional UPDATE … WHERE version = $v AND stage = <my level> AND status = 'reviewing',
// so of two reviewers clicking at once exactly one changes the row and the other gets 409.
// An application takes its place when its first level approves it, in the same transaction: from
// the nearest quota row above the teacher (school, else county, city, organiser); when that row is
// full, a project set to walk up the tree (the default) takes it from the next row up that has a
// free place, one set to «nearest row only» refuses.
//
// The rows are tried nearest first with one conditional UPDATE each, so concurrent approvals never
// oversell any row.
import { maskIdNumber } from '@shixun/domain';
import { requirePermission, teacherScope, type Actor } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { LEVEL_LABELS } from '../projects/levels.ts';
import { nodeOf } from '../org/org.ts';
import { releaseQuota, rowsAbove, useQuota } from '../projects/quotas.repository.ts';
import { STAGE_LABELS, approvalAction, stageAfter, type ReviewStage } from './chain.ts';
import { applyDecision, findEnrollmentInScope, pendingAt, setQuotaOf, type QueueFilter } from './enrollments.repository.ts';
import { addEvents, timelinesOf } from './events.ts';

export const TAKEN = '该申请已被其他管理员处理，请刷新';

export interface Decision {
  version: number;
  approve: boolean;
  reason?: string;
}

async function reviewer(deps: Deps, actor: Actor) {
  requirePermission(actor, 'project.review');
  const node = await nodeOf(deps.db, actor);
  return { node, stage: node.level as ReviewStage, scope: teacherScope(actor) };
}

export async function decide(deps: Deps, ctx: ActorCtx, id: number, d: Decision) {
  const { actor } = ctx;
  const { stage, scope } = await reviewer(deps, actor);
  const e = await findEnrollmentInScope(deps.db, scope, id);
  if (!e) throw notFound('报名记录');
  if (e.version !== d.version || e.status !== 'reviewing') throw conflict(TAKEN, 'TAKEN');
  if (e.stage !== stage) throw forbidden(`该申请当前由${STAGE_LABELS[e.stage]}审核，不在您这一级`);
  if (e.project_status !== 'published') throw conflict('项目已关闭，不能再审核');
  if (!d.approve && !d.reason?.trim()) throw invalid('请填写退回理由');
  return deps.db.transaction().execute(async (trx) => {
    const next = d.approve ? stageAfter(e.project_level, stage) : e.stage;
    const status = !d.approve ? ('returned' as const) : next === 'done' ? ('approved' as const) : ('reviewing' as const);
    const done = await applyDecision(trx, id, { version: d.version, stage, next, status, clearQuota: !d.approve });
    if (!done) throw conflict(TAKEN, 'TAKEN');
    if (d.approve && e.quota_id === null) {
      const rows = await rowsAbove(trx, e.project_id, { schoolId: e.school_id, regionCode: e.region_code });
      const tried = e.project_quota_fallback === 'walk_up' ? rows : rows.slice(0, 1);
      let taken: number | undefined;
      for (const row of tried) {
        if (await useQuota(trx, row.id, 1)) {
          taken = row.id;
          break;
        }
      }
      if (taken === undefined) {
        const who = tried.length ? tried.map((r) => r.holder_name).join('、') : '该教师所在单位';
        const all = tried.length > 1 ? '都' : '';
        throw conflict(`名额已满：${who}在该项目中${all}没有剩余名额，不能通过（可以退回）`, 'QUOTA_EXCEEDED');
      }
      await setQuotaOf(trx, id, taken);
    }
    if (!d.approve && e.quota_id !== null) await releaseQuota(trx, e.quota_id, 1);
    const action = d.approve ? approvalAction(e.project_level, stage) : 'returned';
    await addEvents(trx, actor, [id], { action, level: stage, reason: d.approve ? null : d.reason!.trim() });
    await recordAudit(trx, ctx, {
      action: `enrollment.${d.approve ? 'approve' : 'return'}`,
      objectType: 'enrollment',
      objectId: id,
      detail: { projectId: e.project_id, stage, next: status === 'reviewing' ? next : status },
    });
    return { id, status, stage: next, version: done.version };
  });
}

/** Bulk approve / return: each one on its own (one conflict does not hold back the rest). */
export async function decideMany(deps: Deps, ctx: ActorCtx, items: { id: number; version: number }[], approve: boolean, reason?: string) {
  await reviewer(deps, ctx.actor);
  if (!approve && !reason?.trim()) throw invalid('请填写退回理由');
  const results: { id: number; ok: boolean; message?: string }[] = [];
  for (const it of items) {
    try {
      await decide(deps, ctx, it.id, { version: it.version, approve, reason });
      results.push({ id: it.id, ok: true });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id: it.id, ok: false, message: e.message });
    }
  }
  return { done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok), results };
}

export async function reviewQueue(deps: Deps, ctx: ActorCtx, f: QueueFilter) {
  const { stage, scope, node } = await reviewer(deps, ctx.actor);
  const { rows, total, byProject } = await pendingAt(deps.db, scope, stage, f);
  const timelines = await timelinesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      projectId: r.project_id,
      projectName: r.project_name,
      projectYear: r.project_year,
      projectLevelLabel: LEVEL_LABELS[r.project_level],
      teacherId: r.teacher_id,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      schoolName: r.school_name,
      countyName: r.county_name,
      stageLabel: r.teacher_stage,
      subject: r.teacher_subject,
      origin: r.origin,
      originLabel: r.origin === 'applied' ? '个人申报' : '遴选',
      createdAt: r.created_at,
      willTakeQuota: r.quota_id === null,
      timeline: timelines.get(r.id) ?? [],
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    byProject,
    level: stage,
    levelLabel: STAGE_LABELS[stage],
    nodeName: node.name,
  };
}
