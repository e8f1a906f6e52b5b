// Orders for tests: a pending order for a test item (kind 'test', whose hooks the test registers), and
// notifications signed as the sandbox gateway signs them.
import { createOrder } from '../src/modules/orders/orders.service.ts';
import { hmacSign, sandboxSecret } from '../src/modules/orders/provider.ts';
import type { TestServer } from './harness.ts';

const ctx = { ip: '127.0.0.1', requestId: 'test' };

export async function newOrder(s: TestServer, o: { teacherId: number; itemId: number; amountFen?: number; itemKind?: string }) {
  return s.deps.db.transaction().execute((trx) =>
    createOrder(trx, s.deps, ctx, {
      teacherId: o.teacherId,
      payer: 'teacher',
      itemKind: o.itemKind ?? 'test',
      itemId: o.itemId,
      itemName: `测试商品 ${o.itemId}`,
      amountFen: o.amountFen ?? 19900,
    }),
  );
}

let seq = 0;
/** A TRADE_SUCCESS notification for the order, signed with the sandbox's secret (or `secret`). */
export function notification(
  s: TestServer,
  o: { outTradeNo: string; amountFen: number; tradeNo?: string; status?: string; secret?: Buffer },
): Record<string, string> {
  const fields: Record<string, string> = {
    notify_id: `n${++seq}`,
    out_trade_no: o.outTradeNo,
    trade_no: o.tradeNo ?? `T${Date.now()}${seq}`,
    total_fen: String(o.amountFen),
    trade_status: o.status ?? 'TRADE_SUCCESS',
    gmt_payment: new Date().toISOString(),
    sign_type: 'HMAC-SHA256',
  };
  return { ...fields, sign: hmacSign(o.secret ?? sandboxSecret(s.deps.config, s.deps.keys), fields) };
}

export function notificationsFor(s: TestServer, outTradeNo: string) {
  return s.deps.db
    .selectFrom('payment_notifications')
    .select(['outcome', 'signature_valid', 'order_id'])
    .where('out_trade_no', '=', outTradeNo)
    .orderBy('id')
    .execute();
}

export function orderRow(s: TestServer, id: number) {
  return s.deps.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
