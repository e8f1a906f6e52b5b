// 对账: payments (orders paid in the period, whatever happened to them later) and refunds (finished in the
// period), each with the gateway's number, so finance can match them line by line with the channel's bill.
import type { Executor } from '../../context.ts';

export async function reconciliationLines(db: Executor, from: Date, to: Date) {
  const [payments, refunds] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['paid_at as at', 'out_trade_no', 'provider_trade_no', 'provider', 'item_name', 'amount_fen'])
      .where('paid_at', '>=', from)
      .where('paid_at', '<', to)
      .orderBy('paid_at', 'desc')
      .limit(1000)
      .execute(),
    db
      .selectFrom('refunds as r')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .select([
        'r.finished_at as at',
        'o.out_trade_no',
        'r.provider_refund_no as provider_trade_no',
        'o.provider',
        'o.item_name',
        'r.amount_fen',
      ])
      .where('r.status', '=', 'succeeded')
      .where('r.finished_at', '>=', from)
      .where('r.finished_at', '<', to)
      .orderBy('r.finished_at', 'desc')
      .limit(1000)
      .execute(),
  ]);
  return { payments, refunds };
}
