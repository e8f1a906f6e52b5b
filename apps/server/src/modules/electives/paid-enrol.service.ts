// 报名付费课程 (payer: the teacher). Enrolling takes the place at once (the quota row's conditional UPDATE,
// as for free courses) and creates a pending order in the same transaction; the enrolment waits outside the
// class (status 'approved') until the order is paid. The orders module tells us through the hooks
// registered in modules/order-items.ts: paid → placed in the class (学习中); closed, cancelled or refunded →
// withdrawn and the place given back. A refund is allowed only before the learning window and with no
// progress or score.
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addEvents } from '../enrollments/events.ts';
import {
  enrolSelfUnpaid,
  liveSelfEnrolment,
  placePaidEnrolment,
  refundFacts,
  withdrawOrderedEnrolment,
} from '../enrollments/paid-placement.repository.ts';
import type { OrderEvent } from '../orders/order-items.ts';
import { checkoutOf, createOrder, liveOrderFor } from '../orders/orders.service.ts';
import { chinaDay as today } from '../projects/dates.ts';
import { quotaRow, releaseQuota, useQuota } from '../projects/quotas.repository.ts';
import { electiveForTeacher, teacherFactsRow } from './catalogue.repository.ts';
import { enrolProblems } from './eligibility.ts';
import { electiveClassOf } from './paid-enrol.repository.ts';

export const ELECTIVE_ITEM = 'elective';

export async function orderElective(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'elective.self');
  const tr = await teacherFactsRow(deps.db, ctx.actor.userId);
  if (!tr) throw notFound('教师');
  const t = { id: tr.user_id, regionCode: tr.region_code, schoolId: tr.school_id, stage: tr.stage };
  const r = await electiveForTeacher(deps.db, t, id);
  if (!r) throw notFound('自主选学课程');
  if (r.price_fen <= 0) throw invalid('该课程免费，请直接报名');
  if (r.payer !== 'teacher') throw conflict('该课程由学校统一报名缴费，请联系本校管理员', 'SCHOOL_PAYS');
  // an unpaid enrolment already: its order again (去支付), not a second place
  const mine = await liveSelfEnrolment(deps.db, id, t.id);
  if (mine) {
    const o = mine.status === 'approved' ? await liveOrderFor(deps.db, ELECTIVE_ITEM, mine.id) : undefined;
    if (o?.status === 'pending') return checkoutOf(deps, o);
    throw conflict('您已报名该课程，请在“我的自主选学”中查看', 'ALREADY');
  }
  const problems = enrolProblems(
    {
      reviewStatus: r.review_status,
      applyStart: r.apply_start,
      applyEnd: r.apply_end,
      endDate: r.end_date,
      targetStages: r.target_stages,
      targetRegionCodes: r.target_region_codes,
      organiserRegionCode: r.organiser_region_code,
      capacity: null, // the quota UPDATE below decides «full»
      taken: 0,
      priceFen: 0, // paid is what this is for
    },
    t,
    today(),
  );
  if (problems.length) throw invalid(`不能报名：${problems.join('；')}`);
  if (r.class_id === null) throw conflict('该课程的学习班尚未开设，请稍后再试');
  const order = await deps.db.transaction().execute(async (trx) => {
    let quotaId: number | null = null;
    if (r.capacity !== null) {
      const row = r.organiser_region_code ? await quotaRow(trx, id, r.organiser_region_code) : undefined;
      if (!row || !(await useQuota(trx, row.id, 1))) throw conflict('名额已满', 'FULL');
      quotaId = row.id;
    }
    const e = await enrolSelfUnpaid(trx, { projectId: id, teacherId: t.id, quotaId });
    if (!e) throw conflict('您已报名该课程，请在“我的自主选学”中查看', 'ALREADY');
    await addEvents(trx, ctx.actor, [e.id], { action: 'applied', level: null, reason: '自主报名（待支付）' });
    const o = await createOrder(trx, deps, ctx, {
      teacherId: t.id,
      payer: 'teacher',
      itemKind: ELECTIVE_ITEM,
      itemId: e.id,
      itemName: r.name,
      amountFen: r.price_fen,
    });
    await recordAudit(trx, ctx, {
      action: 'elective.enrol',
      objectType: 'enrollment',
      objectId: e.id,
      detail: { electiveId: id, quotaId, orderId: o.id, amountFen: o.amount_fen },
    });
    return o;
  });
  return checkoutOf(deps, order);
}

/** Order paid: the enrolment goes into the elective's class (what a free enrolment gets at once). */
export async function electivePaid(trx: Executor, { order }: OrderEvent) {
  const facts = await refundFacts(trx, order.item_id);
  const el = facts && (await electiveClassOf(trx, facts.project_id));
  const placed = el?.class_id ? await placePaidEnrolment(trx, { id: order.item_id, classId: el.class_id }) : undefined;
  // thrown: the payment is not recorded and the gateway delivers the notification again
  if (!placed) throw new Error(`订单 ${order.id} 的报名不在待支付状态`);
}

/** Order closed, cancelled or refunded: the enrolment withdrawn and its place given back. */
export async function electiveReleased(trx: Executor, { order }: OrderEvent) {
  const w = await withdrawOrderedEnrolment(trx, order.item_id);
  if (w?.quota_id) await releaseQuota(trx, w.quota_id, 1);
}

/** A refund only before the learning window starts and with nothing learnt or scored. */
export async function electiveRefundRefusal(db: Executor, order: OrderEvent['order']): Promise<string | null> {
  const f = await refundFacts(db, order.item_id);
  if (!f || f.status === 'withdrawn') return '报名已取消，不能退款';
  if (f.progress !== null || f.total_score !== null || f.online_score !== null || f.onsite_score !== null || f.result !== null)
    return '已有学习记录或成绩，不能退款';
  if (today() >= f.start_date) return '课程学习已经开始，不能退款';
  return null;
}
