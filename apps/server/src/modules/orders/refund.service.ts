// 申请退款: only a paid order whose item says a refund is still allowed (for an elective: learning has not
// started, no progress, no score). The order goes 退款中 with its refund row, the gateway is asked, and on
// its answer the order is 已退款 and the item released — each step one transaction, so a gateway that fails
// leaves the order visibly 退款中 rather than half refunded.
import { conflict } from '../../http/errors.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { refundRefusal } from './order-items.ts';
import { finishRefund, insertRefund } from './orders.repository.ts';
import { changeOrder, newRefundNo, ownOrder, providerOf, viewOf } from './orders.service.ts';

export async function refundOrder(deps: Deps, ctx: ActorCtx, id: number, body: { version: number; reason: string }) {
  const row = await ownOrder(deps, ctx, id);
  if (row.status !== 'paid') throw conflict('只有已支付的订单可以申请退款', 'NOT_PAID');
  if (row.payer !== 'teacher') throw conflict('该订单由学校统一支付，退款请联系学校', 'SCHOOL_PAYS');
  const provider = providerOf(deps, row.provider);
  if (!provider) throw conflict('支付渠道暂不可用，请稍后再申请退款', 'PAYMENT_UNAVAILABLE');
  const started = await deps.db.transaction().execute(async (trx) => {
    // checked inside the transaction that moves the order, against the item as it is now
    const refusal = await refundRefusal(trx, row);
    if (refusal) throw conflict(refusal, 'NOT_REFUNDABLE');
    const moved = await changeOrder(trx, ctx, {
      id,
      from: 'paid',
      to: 'refunding',
      version: body.version,
      action: 'order.refund.request',
      detail: { reason: body.reason },
    });
    if (!moved) throw conflict('订单刚刚有了变化，请刷新后查看', 'STALE');
    const refund = await insertRefund(trx, {
      orderId: id,
      outRefundNo: newRefundNo(),
      amountFen: row.amount_fen,
      reason: body.reason,
      requestedBy: ctx.actor.userId,
    });
    return { moved, refund };
  });
  const answer = await provider
    .refund({ outTradeNo: row.out_trade_no, outRefundNo: started.refund.out_refund_no, amountFen: started.refund.amount_fen })
    .catch(() => ({ ok: false, providerRefundNo: null }));
  const done = await deps.db.transaction().execute(async (trx) => {
    await finishRefund(trx, {
      id: started.refund.id,
      status: answer.ok ? 'succeeded' : 'failed',
      providerRefundNo: answer.providerRefundNo,
    });
    if (!answer.ok) {
      await recordAudit(trx, ctx, { action: 'order.refund.failed', objectType: 'order', objectId: id, result: 'failure' });
      return undefined;
    }
    return changeOrder(trx, ctx, {
      id,
      from: 'refunding',
      to: 'refunded',
      action: 'order.refunded',
      endReason: `已退款：${body.reason}`,
      detail: { outRefundNo: started.refund.out_refund_no },
    });
  });
  return { order: await viewOf(deps.db, done ?? started.moved) };
}
