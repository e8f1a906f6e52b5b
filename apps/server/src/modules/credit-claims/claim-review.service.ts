// The reviewer's side of 学分申报: "谁组织、谁认定" — a claim is decided by the admins of its review
// level whose scope holds the teacher. Approval posts the ledger entry in the same transaction.
import { requirePermission, teacherScope, type Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { postCreditEntry } from '../credits/ledger.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { today } from '../credits/standing.ts';
import { LEVEL_OF_ROLE, REVIEW_LEVEL_LABELS, unitLabel, type ClaimStatus, type ReviewLevel } from './claim-types.ts';
import {
  claimedThisYear,
  claimStatus,
  countByStatus,
  decideClaim,
  filesOf,
  findClaim,
  linkClaimEntry,
  listClaims,
  reviewerUnit,
} from './credit-claims.repository.ts';
import { reviewView } from './credit-claims.view.ts';

/** The level an admin reviews at, and the teachers they reach. */
function reviewerOf(actor: Actor) {
  requirePermission(actor, 'credit.claimReview');
  const level = LEVEL_OF_ROLE[actor.role];
  if (!level) throw forbidden();
  return { level, scope: teacherScope(actor) };
}

/**
 * A claim this admin may decide. Outside the scope it does not exist (404); inside the scope but
 * for another level, the admin is the wrong reviewer for it (403) — they can see the teacher anyway.
 */
async function reviewableClaim(db: Executor, actor: Actor, id: number) {
  const r = reviewerOf(actor);
  const row = await findClaim(db, { scope: r.scope, id });
  if (!row) throw notFound('学分申报');
  if (row.review_level !== r.level) {
    throw forbidden(`该申报由${REVIEW_LEVEL_LABELS[row.review_level as ReviewLevel] ?? row.review_level}管理员审核，您无权查看或处理`);
  }
  return row;
}

/** Exported for the evidence route: a reviewer sees a claim's files exactly when they may decide it. */
export const claimForReviewer = reviewableClaim;

export async function reviewQueue(deps: Deps, ctx: ActorCtx, q: { status?: ClaimStatus; q?: string; page: number; pageSize: number }) {
  const r = reviewerOf(ctx.actor);
  const { policy } = await activePolicy(deps.db);
  const f = { scope: r.scope, level: r.level, status: q.status, q: q.q };
  const list = await listClaims(deps.db, f, q);
  const counts = await countByStatus(deps.db, f);
  const files = await filesOf(
    deps.db,
    list.items.map((c) => c.id),
  );
  return {
    items: list.items.map((c) => reviewView(c, files, policy)),
    total: list.total,
    page: q.page,
    pageSize: q.pageSize,
    counts: {
      pending: counts.pending ?? 0,
      approved: counts.approved ?? 0,
      rejected: counts.rejected ?? 0,
      withdrawn: counts.withdrawn ?? 0,
    },
    level: r.level,
    levelLabel: REVIEW_LEVEL_LABELS[r.level],
    unitLabel: unitLabel(policy),
  };
}

export async function reviewDetail(deps: Deps, ctx: ActorCtx, id: number) {
  const row = await reviewableClaim(deps.db, ctx.actor, id);
  const { policy } = await activePolicy(deps.db);
  const type = policy.claimTypes.find((t) => t.id === row.claim_type);
  // what the teacher holds of this type and year (pending + approved), so the reviewer sees the cap
  const claimedH = await claimedThisYear(deps.db, row.teacher_id, row.claim_type, row.year);
  return {
    ...reviewView(row, await filesOf(deps.db, [id]), policy),
    unitLabel: unitLabel(policy),
    typeInfo: { evidence: type?.evidence ?? null, maxPerYear: type?.maxPerYear ?? null, claimedThisYear: claimedH / 100 },
  };
}

/** The certifier written on the ledger entry: the reviewer and the unit they act for. */
async function certifierOf(db: Executor, actor: Actor) {
  const unit = await reviewerUnit(db, actor.scope);
  return { id: actor.userId, name: actor.name, unit: unit || actor.name };
}

/** Why a conditional UPDATE changed nothing: the teacher withdrew, or another reviewer was faster. */
async function alreadyDecided(db: Executor, id: number) {
  const cur = await claimStatus(db, id);
  return conflict(cur?.status === 'withdrawn' ? '该申报已被教师撤回，无需审核' : '该申报已被其他管理员处理', 'CLAIM_DECIDED');
}

export async function approveClaim(deps: Deps, ctx: ActorCtx, id: number) {
  const actor = ctx.actor;
  await reviewableClaim(deps.db, actor, id);
  const certifier = await certifierOf(deps.db, actor);
  await deps.db.transaction().execute(async (trx) => {
    const c = await decideClaim(trx, id, actor.userId, 'approved', null);
    if (!c) throw await alreadyDecided(trx, id);
    const entry = await postCreditEntry(trx, ctx, {
      teacherId: c.teacher_id,
      date: today(),
      year: c.year,
      category: c.category,
      form: c.form,
      amount: c.amount_h / 100,
      title: `${c.claim_type_name}：${c.title}`,
      source: 'claim',
      sourceId: String(id),
      sourceKey: `claim:${id}`,
      level: c.review_level as ReviewLevel,
      certifier,
    });
    await linkClaimEntry(trx, id, entry.id);
    await recordAudit(trx, ctx, {
      action: 'creditClaim.approve',
      objectType: 'creditClaim',
      objectId: id,
      detail: { teacherId: c.teacher_id, entryId: entry.id, amount: c.amount_h / 100, year: c.year, category: c.category },
    });
  });
  return reviewDetail(deps, ctx, id);
}

export async function rejectClaim(deps: Deps, ctx: ActorCtx, id: number, reason: string) {
  const actor = ctx.actor;
  await reviewableClaim(deps.db, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    const c = await decideClaim(trx, id, actor.userId, 'rejected', reason);
    if (!c) throw await alreadyDecided(trx, id);
    await recordAudit(trx, ctx, {
      action: 'creditClaim.reject',
      objectType: 'creditClaim',
      objectId: id,
      detail: { teacherId: c.teacher_id, reason },
    });
  });
  return reviewDetail(deps, ctx, id);
}
