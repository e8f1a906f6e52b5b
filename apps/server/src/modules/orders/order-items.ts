// What an order pays for belongs to another module (an elective enrolment, …). Orders cannot import those
// modules (they call orders to create their orders), so each kind of item registers here what happens when
// its order is paid or released, and whether a refund is still allowed (modules/order-items.ts) — the way
// the audit module learns how to name objects. Handlers run inside the transaction of the status change:
// the order and the item change together or not at all.
import type { Executor, RequestCtx } from '../../context.ts';
import type { OrderRow } from './orders.repository.ts';

export interface OrderEvent {
  order: OrderRow;
  ctx: RequestCtx;
}
type Handler = (trx: Executor, e: OrderEvent) => Promise<void>;
/** null: a refund is allowed; otherwise why not, in a Chinese sentence the teacher reads. */
type RefundCheck = (db: Executor, order: OrderRow) => Promise<string | null>;

const paid = new Map<string, Handler>();
const released = new Map<string, Handler>();
const refundChecks = new Map<string, RefundCheck>();

/** After the order moved to 已支付: e.g. place the teacher in the class. */
export function onOrderPaid(itemKind: string, handler: Handler) {
  paid.set(itemKind, handler);
}
/** After the order was closed, cancelled or refunded: e.g. free the place it held. */
export function onOrderReleased(itemKind: string, handler: Handler) {
  released.set(itemKind, handler);
}
export function onRefundCheck(itemKind: string, check: RefundCheck) {
  refundChecks.set(itemKind, check);
}

export async function orderPaid(trx: Executor, e: OrderEvent) {
  await paid.get(e.order.item_kind)?.(trx, e);
}
export async function orderReleased(trx: Executor, e: OrderEvent) {
  await released.get(e.order.item_kind)?.(trx, e);
}
export async function refundRefusal(db: Executor, order: OrderRow): Promise<string | null> {
  const check = refundChecks.get(order.item_kind);
  return check ? check(db, order) : null;
}
