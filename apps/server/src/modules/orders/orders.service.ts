// 我的订单: creating an order for another module's item (in that module's transaction), the teacher's list
// and detail, 去支付, 取消订单, 申请发票, and closing unpaid orders after their time. Every status change
// is one guarded UPDATE, the item's hook and the audit row in one transaction.
import { randomBytes } from 'node:crypto';
import { orders as c } from '@shixun/contracts';
import type { z } from 'zod';
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor, RequestCtx } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orderPaid, orderReleased, refundRefusal } from './order-items.ts';
import {
  expiredPending,
  insertOrder,
  liveOrderOfItem,
  moveOrder,
  refundsOf,
  setInvoice,
  statusCounts,
  teacherOrder,
  teacherOrders,
  type OrderRow,
  type Transition,
} from './orders.repository.ts';
import { orderView } from './orders.view.ts';
import { SANDBOX, sandboxProvider, sandboxSecret, type PaymentProvider } from './provider.ts';

export type { OrderRow };
/** Who acts when no one does: the close sweep. */
export const SYSTEM_CTX: RequestCtx = { ip: '127.0.0.1', requestId: 'orders.system' };

export function providerOf(deps: Pick<Deps, 'config' | 'keys'>, name: string): PaymentProvider | null {
  if (name === SANDBOX && deps.config.payments.sandbox) return sandboxProvider(sandboxSecret(deps.config, deps.keys));
  return null;
}

/** 商户订单号: a time prefix for people reading it, random digits so numbers cannot be guessed. */
function newTradeNo(prefix: string) {
  const t = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `${prefix}${t}${BigInt(`0x${randomBytes(6).toString('hex')}`)
    .toString()
    .padStart(15, '0')
    .slice(0, 12)}`;
}
export const newRefundNo = () => newTradeNo('RF');

export interface CreateOrder {
  teacherId: number;
  payer: 'teacher' | 'school';
  schoolId?: number | null;
  itemKind: string;
  itemId: number;
  itemName: string;
  amountFen: number;
}

/** A pending order for an item, in the caller's transaction (the item and its order exist together). */
export async function createOrder(trx: Executor, deps: Pick<Deps, 'config'>, ctx: RequestCtx, o: CreateOrder) {
  if (!Number.isSafeInteger(o.amountFen) || o.amountFen <= 0) throw new Error('订单金额应为正整数（分）');
  const row = await insertOrder(trx, {
    outTradeNo: newTradeNo('SX'),
    teacherId: o.teacherId,
    payer: o.payer,
    schoolId: o.schoolId ?? null,
    itemKind: o.itemKind,
    itemId: o.itemId,
    itemName: o.itemName,
    amountFen: o.amountFen,
    provider: SANDBOX,
    expiresAt: new Date(Date.now() + deps.config.payments.orderTimeoutMinutes * 60_000),
  });
  await recordAudit(trx, ctx, {
    action: 'order.create',
    objectType: 'order',
    objectId: row.id,
    detail: { outTradeNo: row.out_trade_no, itemKind: o.itemKind, itemId: o.itemId, amountFen: o.amountFen },
  });
  return row;
}

/** The live order of an item (for a module that wants to answer «already ordered» with it). */
export function liveOrderFor(db: Executor, itemKind: string, itemId: number) {
  return liveOrderOfItem(db, itemKind, itemId);
}

/** A status change with the item's hook and its audit row; undefined when the order had moved on meanwhile. */
export async function changeOrder(
  trx: Executor,
  ctx: RequestCtx,
  t: Transition & { action: string; detail?: Record<string, unknown> },
): Promise<OrderRow | undefined> {
  const { action, detail, ...move } = t;
  const row = await moveOrder(trx, move);
  if (!row) return undefined;
  if (t.to === 'paid') await orderPaid(trx, { order: row, ctx });
  if (t.to === 'closed' || t.to === 'cancelled' || t.to === 'refunded') await orderReleased(trx, { order: row, ctx });
  await recordAudit(trx, ctx, {
    action,
    objectType: 'order',
    objectId: row.id,
    detail: { outTradeNo: row.out_trade_no, from: t.from, to: t.to, amountFen: row.amount_fen, ...detail },
  });
  return row;
}

/** Closes pending orders past their time (all, or one teacher's); how many closed. */
export async function closeExpiredOrders(db: Executor, f: { now?: Date; teacherId?: number; limit?: number } = {}) {
  const now = f.now ?? new Date();
  const due = await expiredPending(db, now, { teacherId: f.teacherId, limit: f.limit ?? 200 });
  let closed = 0;
  for (const o of due) {
    const done = await db.transaction().execute((trx) =>
      changeOrder(trx, SYSTEM_CTX, {
        id: o.id,
        from: 'pending',
        to: 'closed',
        version: o.version,
        action: 'order.close',
        endReason: '超时未支付，订单已关闭',
      }),
    );
    if (done) closed++;
  }
  return closed;
}

async function viewsOf(db: Executor, rows: OrderRow[]) {
  const now = new Date();
  const refunds = await refundsOf(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (r) =>
      orderView(r, { refund: refunds.get(r.id), refundRefusal: r.status === 'paid' ? await refundRefusal(db, r) : null, now }),
    ),
  );
}
export async function viewOf(db: Executor, row: OrderRow) {
  const [v] = await viewsOf(db, [row]);
  if (!v) throw notFound('订单');
  return v;
}

export async function myOrders(deps: Deps, ctx: ActorCtx, q: z.output<typeof c.myOrdersQuery>) {
  requirePermission(ctx.actor, 'order.self');
  const teacherId = ctx.actor.userId;
  // an order past its time reads as closed even before the sweep gets to it
  await closeExpiredOrders(deps.db, { teacherId });
  const [{ rows, total }, byStatus] = await Promise.all([
    teacherOrders(deps.db, teacherId, { statuses: c.ORDER_TAB_STATUSES[q.tab], page: q.page, pageSize: q.pageSize }),
    statusCounts(deps.db, teacherId),
  ]);
  const counts = Object.fromEntries(
    c.ORDER_TABS.map((t) => [t, c.ORDER_TAB_STATUSES[t].reduce((n, s) => n + (byStatus.get(s) ?? 0), 0)]),
  ) as Record<(typeof c.ORDER_TABS)[number], number>;
  return { items: await viewsOf(deps.db, rows), total, page: q.page, pageSize: q.pageSize, counts };
}

export async function ownOrder(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'order.self');
  await closeExpiredOrders(deps.db, { teacherId: ctx.actor.userId });
  const row = await teacherOrder(deps.db, ctx.actor.userId, id);
  if (!row) throw notFound('订单');
  return row;
}

export async function myOrder(deps: Deps, ctx: ActorCtx, id: number) {
  return { order: await viewOf(deps.db, await ownOrder(deps, ctx, id)) };
}

/** The order with its pay URL at the gateway (去支付). */
export async function checkoutOf(deps: Deps, row: OrderRow) {
  const provider = providerOf(deps, row.provider);
  if (!provider) throw conflict('在线支付暂未开通，请联系管理员', 'PAYMENT_UNAVAILABLE');
  const { payUrl } = provider.createPayment({
    outTradeNo: row.out_trade_no,
    amountFen: row.amount_fen,
    subject: row.item_name,
    expiresAt: row.expires_at,
  });
  return { order: await viewOf(deps.db, row), payUrl };
}

export async function payOrder(deps: Deps, ctx: ActorCtx, id: number) {
  const row = await ownOrder(deps, ctx, id);
  if (row.status !== 'pending') throw conflict(`订单${c.ORDER_STATUS_LABELS[row.status]}，无需支付`, 'NOT_PENDING');
  if (row.payer !== 'teacher') throw conflict('该订单由学校统一支付', 'SCHOOL_PAYS');
  return checkoutOf(deps, row);
}

export async function cancelOrder(deps: Deps, ctx: ActorCtx, id: number, version: number) {
  const row = await ownOrder(deps, ctx, id);
  if (row.status !== 'pending') throw conflict(`订单${c.ORDER_STATUS_LABELS[row.status]}，不能取消`, 'NOT_PENDING');
  if (row.payer !== 'teacher') throw conflict('该订单由学校统一支付，请联系学校', 'SCHOOL_PAYS');
  const done = await deps.db
    .transaction()
    .execute((trx) =>
      changeOrder(trx, ctx, { id, from: 'pending', to: 'cancelled', version, action: 'order.cancel', endReason: '本人取消订单' }),
    );
  if (!done) throw conflict('订单刚刚有了变化，请刷新后查看', 'STALE');
  return { order: await viewOf(deps.db, done) };
}

export async function requestInvoice(deps: Deps, ctx: ActorCtx, id: number, body: z.output<typeof c.invoiceInput>) {
  const row = await ownOrder(deps, ctx, id);
  if (row.status !== 'paid') throw conflict('只有已支付的订单可以申请发票', 'NOT_PAID');
  if (row.invoice_status !== 'none') throw conflict('该订单已申请过发票', 'INVOICE_REQUESTED');
  const done = await deps.db.transaction().execute(async (trx) => {
    const r = await setInvoice(trx, { id, teacherId: ctx.actor.userId, title: body.title, taxNo: body.taxNo, email: body.email });
    if (r) await recordAudit(trx, ctx, { action: 'order.invoice', objectType: 'order', objectId: id, detail: { title: body.title } });
    return r;
  });
  if (!done) throw conflict('订单刚刚有了变化，请刷新后查看', 'STALE');
  return { order: await viewOf(deps.db, done) };
}
