// SQL of 我的订单. A status change is one UPDATE guarded by the status (and the version) read: of two
// concurrent changes of one order — two notifications, a notification and a close — exactly one wins.
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { OrderStatus, OrderTable, RefundTable } from '../../db/types.ts';

export type OrderRow = Selectable<OrderTable>;
export type RefundRow = Selectable<RefundTable>;

export interface NewOrder {
  outTradeNo: string;
  teacherId: number;
  payer: 'teacher' | 'school';
  schoolId: number | null;
  itemKind: string;
  itemId: number;
  itemName: string;
  amountFen: number;
  provider: string;
  expiresAt: Date;
}

export function insertOrder(trx: Executor, o: NewOrder) {
  return trx
    .insertInto('orders')
    .values({
      out_trade_no: o.outTradeNo,
      teacher_id: o.teacherId,
      payer: o.payer,
      school_id: o.schoolId,
      item_kind: o.itemKind,
      item_id: o.itemId,
      item_name: o.itemName,
      amount_fen: o.amountFen,
      provider: o.provider,
      expires_at: o.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function orderById(db: Executor, id: number) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The teacher's own order; undefined for anyone else's (404 to the caller). */
export function teacherOrder(db: Executor, teacherId: number, id: number) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).where('teacher_id', '=', teacherId).executeTakeFirst();
}

/** The order under a row lock, by our number: notifications for one order are handled one at a time. */
export function lockOrderByTradeNo(trx: Executor, outTradeNo: string) {
  return trx.selectFrom('orders').selectAll().where('out_trade_no', '=', outTradeNo).forUpdate().executeTakeFirst();
}

export function orderByTradeNo(db: Executor, outTradeNo: string) {
  return db.selectFrom('orders').selectAll().where('out_trade_no', '=', outTradeNo).executeTakeFirst();
}

/** The live (pending, paid or refunding) order of a thing paid for. */
export function liveOrderOfItem(db: Executor, itemKind: string, itemId: number) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('item_kind', '=', itemKind)
    .where('item_id', '=', itemId)
    .where('status', 'in', ['pending', 'paid', 'refunding'])
    .executeTakeFirst();
}

export async function teacherOrders(
  db: Executor,
  teacherId: number,
  f: { statuses: readonly OrderStatus[]; page: number; pageSize: number },
) {
  const base = db
    .selectFrom('orders')
    .where('teacher_id', '=', teacherId)
    .where('status', 'in', [...f.statuses]);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function statusCounts(db: Executor, teacherId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('orders')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('teacher_id', '=', teacherId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export interface Transition {
  id: number;
  from: OrderStatus;
  to: OrderStatus;
  /** the version the caller read; omitted by the gateway's notification (the row lock orders them) */
  version?: number;
  paid?: { providerTradeNo: string; paidAt: Date };
  endReason?: string;
}

/** One status change at the status (and version) read; undefined when the order had moved on. */
export function moveOrder(trx: Executor, t: Transition) {
  const ends = t.to === 'cancelled' || t.to === 'closed' || t.to === 'refunded';
  let q = trx
    .updateTable('orders')
    .set({
      status: t.to,
      version: sql`version + 1`,
      updated_at: new Date(),
      ...(t.paid && { provider_trade_no: t.paid.providerTradeNo, paid_at: t.paid.paidAt }),
      ...(ends && { ended_at: new Date(), end_reason: t.endReason ?? null }),
    })
    .where('id', '=', t.id)
    .where('status', '=', t.from);
  if (t.version !== undefined) q = q.where('version', '=', t.version);
  return q.returningAll().executeTakeFirst();
}

/** Pending orders past their time, oldest first (the close sweep's batch). */
export function expiredPending(db: Executor, now: Date, f: { teacherId?: number; limit: number }) {
  let q = db.selectFrom('orders').selectAll().where('status', '=', 'pending').where('expires_at', '<', now);
  if (f.teacherId !== undefined) q = q.where('teacher_id', '=', f.teacherId);
  return q.orderBy('expires_at').limit(f.limit).execute();
}

export function setInvoice(trx: Executor, v: { id: number; teacherId: number; title: string; taxNo: string; email: string }) {
  return trx
    .updateTable('orders')
    .set({
      invoice_status: 'requested',
      invoice_title: v.title,
      invoice_tax_no: v.taxNo || null,
      invoice_email: v.email,
      invoice_requested_at: new Date(),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', v.id)
    .where('teacher_id', '=', v.teacherId)
    .where('status', '=', 'paid')
    .where('invoice_status', '=', 'none')
    .returningAll()
    .executeTakeFirst();
}

export interface NotificationRecord {
  provider: string;
  kind?: 'payment' | 'refund';
  outTradeNo: string | null;
  providerTradeNo: string | null;
  orderId: number | null;
  amountFen: number | null;
  rawBody: string;
  signatureValid: boolean;
  outcome: string;
}

export async function insertNotification(db: Executor, n: NotificationRecord) {
  await db
    .insertInto('payment_notifications')
    .values({
      provider: n.provider,
      kind: n.kind ?? 'payment',
      out_trade_no: n.outTradeNo,
      provider_trade_no: n.providerTradeNo,
      order_id: n.orderId,
      amount_fen: n.amountFen,
      raw_body: n.rawBody,
      signature_valid: n.signatureValid,
      outcome: n.outcome,
    })
    .execute();
}

export function notificationsOf(db: Executor, orderId: number) {
  return db.selectFrom('payment_notifications').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

export function insertRefund(
  trx: Executor,
  v: { orderId: number; outRefundNo: string; amountFen: number; reason: string; requestedBy: number },
) {
  return trx
    .insertInto('refunds')
    .values({ order_id: v.orderId, out_refund_no: v.outRefundNo, amount_fen: v.amountFen, reason: v.reason, requested_by: v.requestedBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function finishRefund(trx: Executor, v: { id: number; status: 'succeeded' | 'failed'; providerRefundNo: string | null }) {
  return trx
    .updateTable('refunds')
    .set({ status: v.status, provider_refund_no: v.providerRefundNo, finished_at: new Date() })
    .where('id', '=', v.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

export async function refundsOf(db: Executor, orderIds: number[]): Promise<Map<number, RefundRow>> {
  if (!orderIds.length) return new Map();
  const rows = await db.selectFrom('refunds').selectAll().where('order_id', 'in', orderIds).execute();
  return new Map(rows.map((r) => [r.order_id, r]));
}
