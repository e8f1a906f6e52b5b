// 审核上架: the organising level's admin approves a submitted elective into the catalogue, or returns it
// with a reason. The decision is ONE versioned UPDATE (the pattern of enrollments/review.service.ts):
// two approvers acting on the same version cannot both win; the loser gets 409. Approving also
// publishes the plan (projects), opens the capacity's quota row and the provider's class — all in the
// decision's transaction, with its audit row.
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertClass } from '../classes/assign.repository.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { markPublished } from '../projects/projects.repository.ts';
import { insertRootQuota } from '../projects/quotas.repository.ts';
import { decide, pendingFor, setClass } from './electives.repository.ts';
import { summaryOf } from './electives.view.ts';
import { adminView, viewerOf, visibleElective } from './offer.service.ts';

const TAKEN = '该课程刚刚已被审核或修改，请刷新后查看';

async function reviewable(deps: Deps, ctx: ActorCtx, id: number, version: number) {
  requirePermission(ctx.actor, 'elective.review');
  const v = await viewerOf(deps.db, ctx.actor);
  const r = await visibleElective(deps.db, v, id);
  if (v.kind !== 'region' || r.organiser_region_code !== v.regionCode)
    throw forbidden(`该课程由${r.organiser_name}组织，由${r.organiser_name}审核`);
  if (r.review_status !== 'pending')
    throw conflict(r.review_status === 'published' ? '该课程已上架' : '该课程不在待审核状态', 'NOT_PENDING');
  if (r.version !== version) throw conflict(TAKEN, 'TAKEN');
  return { v, r };
}

export async function pendingElectives(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'elective.review');
  const v = await viewerOf(deps.db, ctx.actor);
  if (v.kind !== 'region') return { items: [] };
  const [rows, { policy }] = await Promise.all([pendingFor(deps.db, v.regionCode), activePolicy(deps.db)]);
  return { items: rows.map((r) => ({ ...summaryOf(r, policy), version: r.version, submittedAt: r.submitted_at })) };
}

export async function approveElective(deps: Deps, ctx: ActorCtx, id: number, version: number) {
  const { v, r } = await reviewable(deps, ctx, id, version);
  await deps.db.transaction().execute(async (trx) => {
    const done = await decide(trx, { id, version, to: 'published', reason: null, by: { id: ctx.actor.userId, name: ctx.actor.name } });
    if (!done) throw conflict(TAKEN, 'TAKEN');
    const plan = await markPublished(trx, id);
    if (!plan) throw conflict(TAKEN, 'TAKEN');
    // capacity: the organiser's quota row holds every place; enrolments take them with one conditional UPDATE
    if (r.capacity !== null && r.organiser_region_code)
      await insertRootQuota(trx, { projectId: id, holder: r.organiser_region_code, holderName: r.organiser_name, quota: r.capacity });
    if (r.provider_institution_id !== null) {
      const cls = await insertClass(trx, { projectId: id, institutionId: r.provider_institution_id, name: `${r.name}学习班` });
      if (!cls) throw conflict(TAKEN, 'TAKEN');
      await setClass(trx, id, cls.id);
    }
    await recordAudit(trx, ctx, {
      action: 'elective.approve',
      objectType: 'elective',
      objectId: id,
      detail: { name: r.name, capacity: r.capacity, priceFen: r.price_fen },
    });
  });
  return adminView(deps.db, v, await visibleElective(deps.db, v, id));
}

export async function returnElective(deps: Deps, ctx: ActorCtx, id: number, body: { version: number; reason: string }) {
  const { v, r } = await reviewable(deps, ctx, id, body.version);
  await deps.db.transaction().execute(async (trx) => {
    const done = await decide(trx, {
      id,
      version: body.version,
      to: 'returned',
      reason: body.reason,
      by: { id: ctx.actor.userId, name: ctx.actor.name },
    });
    if (!done) throw conflict(TAKEN, 'TAKEN');
    await recordAudit(trx, ctx, {
      action: 'elective.return',
      objectType: 'elective',
      objectId: id,
      detail: { name: r.name, reason: body.reason },
    });
  });
  return adminView(deps.db, v, await visibleElective(deps.db, v, id));
}
