// 我的学分: the teacher's own evaluation under the active policy and the entries behind each cell.
// The teacher is the one in the session; no id comes from the request.
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { notFound } from '../../http/errors.ts';
import type { EntriesQuery } from './credits.schema.ts';
import { teacherEntries } from './entries.repository.ts';
import { activePolicy } from './policy.store.ts';
import { evaluateTeacher } from './standing.ts';
import { cellFilter, entryView, policyView } from './view.ts';

/** The evaluation and the policy it came from (the page shows the policy's name and version). */
export async function creditsOf(db: Executor, teacherId: number) {
  const { policy } = await activePolicy(db);
  const evaluation = await evaluateTeacher(db, teacherId);
  if (!evaluation) throw notFound('教师');
  return { policy: policyView(policy), evaluation };
}

export async function myCredits(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'credit.self');
  return creditsOf(deps.db, ctx.actor.userId);
}

export async function myEntries(deps: Deps, ctx: ActorCtx, q: EntriesQuery) {
  requirePermission(ctx.actor, 'credit.self');
  const { policy } = await activePolicy(deps.db);
  const rows = await teacherEntries(deps.db, ctx.actor.userId, cellFilter(policy, q));
  return { items: rows.map((r) => entryView(policy, r)) };
}
