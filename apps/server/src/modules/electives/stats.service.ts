// The admins' figures of 自主选学: an elective's learners (progress, score, result — recorded by the
// provider on its class's score page) and enrolment and pass statistics by elective.
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { learnersOf, statsFor } from './electives.repository.ts';
import { REVIEW_STATUS_LABELS } from './electives.view.ts';
import { viewerOf, visibleElective } from './offer.service.ts';

const RESULT_LABELS = { passed: '已通过', failed: '未通过' } as const;

export async function electiveLearners(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const r = await visibleElective(deps.db, v, id);
  const rows = await learnersOf(deps.db, id);
  return {
    classId: r.class_id,
    // progress and scores are the provider's to record (its class page), as for a training project
    canRecord: v.kind === 'institution' && r.class_id !== null,
    items: rows.map((x) => ({
      enrollmentId: x.id,
      name: x.name,
      schoolName: x.school_name,
      enrolledAt: x.created_at,
      progress: x.progress,
      score: x.total_score === null ? null : Number(x.total_score),
      result: x.result,
      resultLabel: x.result ? RESULT_LABELS[x.result] : '学习中',
    })),
  };
}

const rate = (passed: number, enrolled: number) => (enrolled ? Math.round((passed / enrolled) * 1000) / 10 : null);

export async function electiveStats(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const rows = await statsFor(deps.db, v);
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    providerName: r.provider_name,
    reviewStatusLabel: REVIEW_STATUS_LABELS[r.review_status],
    capacity: r.capacity,
    enrolled: r.enrolled,
    cancelled: r.cancelled,
    passed: r.passed,
    failed: r.failed,
    passRate: rate(r.passed, r.enrolled),
  }));
  const sum = (k: 'enrolled' | 'cancelled' | 'passed' | 'failed') => items.reduce((s, x) => s + x[k], 0);
  return { items, totals: { enrolled: sum('enrolled'), cancelled: sum('cancelled'), passed: sum('passed'), failed: sum('failed') } };
}
