// 我的订单 and the payment channel on a real database, with a test item whose hooks count what they were
// told: a correctly signed notification pays once however often (or however concurrently) it comes; a
// forged, altered, wrong-amount or unknown one pays nothing and is answered 'fail'; a late one (the order
// closed meanwhile) is kept for finance and acknowledged; every notification is stored; cancel and the
// close sweep release the item; refunds ask the item first. Also the sandbox's pay page round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onOrderPaid, onOrderReleased, onRefundCheck } from '../src/modules/orders/order-items.ts';
import { closeExpiredOrders } from '../src/modules/orders/orders.service.ts';
import { newTeacher } from './factories.ts';
import { Client, loginAs, startTestServer, TEST_DB, type TestServer } from './harness.ts';
import { newOrder, notification, notificationsFor, orderRow } from './orders-fixtures.ts';

let s: TestServer;
const paid: number[] = [];
const released: number[] = [];
const refusals = new Map<number, string>();
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  onOrderPaid('test', async (_trx, e) => void paid.push(e.order.item_id));
  onOrderReleased('test', async (_trx, e) => void released.push(e.order.item_id));
  onRefundCheck('test', async (_db, o) => refusals.get(o.item_id) ?? null);
});
afterAll(async () => {
  await s?.close();
});

let item = 1000;
async function setup(amountFen = 19900) {
  const t = await newTeacher(s);
  const itemId = ++item;
  const o = await newOrder(s, { teacherId: t.id, itemId, amountFen });
  return { t, c: await t.client(), o, itemId };
}
const notify = (body: unknown) => new Client(s).request('POST', '/api/payments/sandbox/notify', body);

describe(`orders and payment notifications (${TEST_DB})`, () => {
  it('a signed notification pays the order once; a repeat is acknowledged and changes nothing', async () => {
    const { c, o, itemId } = await setup();
    const list = await c.get('/api/my/orders?tab=pending');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: o.id, status: 'pending', statusLabel: '待支付', amountFen: 19900, canPay: true });
    const n = notification(s, { outTradeNo: o.out_trade_no, amountFen: 19900, tradeNo: 'T-ONE' });
    const first = await notify(n);
    expect(first.status).toBe(200);
    expect(first.raw.body).toBe('success');
    expect(first.raw.headers['content-type']).toContain('text/plain');
    const again = await notify(n);
    expect(again.raw.body).toBe('success');
    expect(paid.filter((x) => x === itemId)).toHaveLength(1);
    expect(await orderRow(s, o.id)).toMatchObject({ status: 'paid', provider_trade_no: 'T-ONE', version: 2 });
    expect((await notificationsFor(s, o.out_trade_no)).map((x) => x.outcome)).toEqual(['paid', 'duplicate']);
    const d = await c.get(`/api/my/orders/${o.id}`);
    expect(d.body.order).toMatchObject({ status: 'paid', statusLabel: '已支付', canPay: false, canCancel: false, canRefund: true });
  });

  it('two notifications at once pay once', async () => {
    const { o, itemId } = await setup();
    const a = notification(s, { outTradeNo: o.out_trade_no, amountFen: 19900, tradeNo: 'T-A' });
    const b = notification(s, { outTradeNo: o.out_trade_no, amountFen: 19900, tradeNo: 'T-A' });
    const answers = await Promise.all([notify(a), notify(b), notify(a)]);
    expect(answers.map((r) => r.raw.body)).toEqual(['success', 'success', 'success']);
    expect(paid.filter((x) => x === itemId)).toHaveLength(1);
    expect((await notificationsFor(s, o.out_trade_no)).map((x) => x.outcome).sort()).toEqual(['duplicate', 'duplicate', 'paid']);
  });

  it('forged, altered, wrong-amount and unknown-order notifications pay nothing and are answered fail', async () => {
    const { o, itemId } = await setup(5000);
    const forged = notification(s, { outTradeNo: o.out_trade_no, amountFen: 5000, secret: Buffer.from('not the secret') });
    const altered = { ...notification(s, { outTradeNo: o.out_trade_no, amountFen: 5000 }), total_fen: '1' };
    const unsigned = { ...notification(s, { outTradeNo: o.out_trade_no, amountFen: 5000 }), sign: '' };
    const wrongAmount = notification(s, { outTradeNo: o.out_trade_no, amountFen: 1 });
    const unknown = notification(s, { outTradeNo: 'SX-NO-SUCH-ORDER', amountFen: 5000 });
    for (const body of [forged, altered, unsigned, wrongAmount, unknown]) {
      const r = await notify(body);
      expect(r.status).toBe(200);
      expect(r.raw.body).toBe('fail');
    }
    expect((await notify({})).raw.body).toBe('fail');
    expect(paid).not.toContain(itemId);
    expect((await orderRow(s, o.id)).status).toBe('pending');
    expect((await notificationsFor(s, o.out_trade_no)).map((x) => [x.outcome, x.signature_valid])).toEqual([
      ['bad_signature', false],
      ['bad_signature', false],
      ['bad_signature', false],
      ['wrong_amount', true],
    ]);
    // the right one still pays
    expect((await notify(notification(s, { outTradeNo: o.out_trade_no, amountFen: 5000 }))).raw.body).toBe('success');
    expect((await orderRow(s, o.id)).status).toBe('paid');
  });

  it('a late notification (order cancelled) is acknowledged, kept for finance, and pays nothing', async () => {
    const { c, o, itemId } = await setup();
    const cancel = await c.post(`/api/my/orders/${o.id}/cancel`, { version: o.version });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body.order).toMatchObject({ status: 'cancelled', statusLabel: '已取消', canPay: false });
    expect(released).toContain(itemId);
    const late = await notify(notification(s, { outTradeNo: o.out_trade_no, amountFen: 19900 }));
    expect(late.raw.body).toBe('success');
    expect(paid).not.toContain(itemId);
    expect((await orderRow(s, o.id)).status).toBe('cancelled');
    expect((await notificationsFor(s, o.out_trade_no)).map((x) => x.outcome)).toEqual(['late']);
    // and it cannot be paid or cancelled again
    expect((await c.post(`/api/my/orders/${o.id}/pay`)).status).toBe(409);
    expect((await c.post(`/api/my/orders/${o.id}/cancel`, { version: 2 })).status).toBe(409);
  });

  it('an unpaid order closes after its time and releases its item; a paid one is untouched', async () => {
    const { c, o, itemId } = await setup();
    const other = await setup();
    await notify(notification(s, { outTradeNo: other.o.out_trade_no, amountFen: 19900 }));
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await closeExpiredOrders(s.deps.db, { now: later, teacherId: other.t.id })).toBe(0);
    expect(await closeExpiredOrders(s.deps.db, { now: later, teacherId: (await orderRow(s, o.id)).teacher_id })).toBe(1);
    expect(released.filter((x) => x === itemId)).toHaveLength(1);
    const r = await c.get(`/api/my/orders/${o.id}`);
    expect(r.body.order).toMatchObject({ status: 'closed', statusLabel: '已关闭', endReason: '超时未支付，订单已关闭' });
    expect((await c.get('/api/my/orders?tab=ended')).body.counts).toMatchObject({ ended: 1, pending: 0 });
  });

  it('refunds ask the item first; an allowed refund ends 已退款 and releases the item', async () => {
    const { c, o, itemId } = await setup();
    await notify(notification(s, { outTradeNo: o.out_trade_no, amountFen: 19900 }));
    refusals.set(itemId, '课程学习已经开始，不能退款');
    const d = await c.get(`/api/my/orders/${o.id}`);
    expect(d.body.order).toMatchObject({ canRefund: false, refundRefusal: '课程学习已经开始，不能退款' });
    const refused = await c.post(`/api/my/orders/${o.id}/refund`, { version: 2, reason: '时间冲突' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('课程学习已经开始，不能退款');
    expect((await orderRow(s, o.id)).status).toBe('paid');
    refusals.delete(itemId);
    const ok = await c.post(`/api/my/orders/${o.id}/refund`, { version: 2, reason: '时间冲突' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.order).toMatchObject({ status: 'refunded', statusLabel: '已退款', refund: { status: 'succeeded', reason: '时间冲突' } });
    expect(released).toContain(itemId);
    expect((await c.get('/api/my/orders?tab=refund')).body.items.map((x: { id: number }) => x.id)).toEqual([o.id]);
  });

  it('申请发票 on a paid order, once', async () => {
    const { c, o } = await setup();
    const early = await c.post(`/api/my/orders/${o.id}/invoice`, { title: '某某小学', taxNo: '', email: 't@example.com' });
    expect(early.status).toBe(409);
    await notify(notification(s, { outTradeNo: o.out_trade_no, amountFen: 19900 }));
    const bad = await c.post(`/api/my/orders/${o.id}/invoice`, { title: '某某小学', taxNo: 'abc', email: 'x' });
    expect(bad.status).toBe(400);
    const r = await c.post(`/api/my/orders/${o.id}/invoice`, { title: '某某小学', taxNo: '91450100MA5K000000', email: 't@example.com' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.order.invoice).toMatchObject({ status: 'requested', title: '某某小学', email: 't@example.com' });
    expect((await c.post(`/api/my/orders/${o.id}/invoice`, { title: 'x', taxNo: '', email: 't@example.com' })).status).toBe(409);
  });

  it('another teacher sees none of it (404), and the sandbox pay page pays through the notification', async () => {
    const { c, o, itemId } = await setup(12345);
    const stranger = await (await newTeacher(s)).client();
    expect((await stranger.get(`/api/my/orders/${o.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/my/orders/${o.id}/pay`)).status).toBe(404);
    expect((await stranger.post(`/api/my/orders/${o.id}/cancel`, { version: 1 })).status).toBe(404);
    const pay = await c.post(`/api/my/orders/${o.id}/pay`);
    expect(pay.status, JSON.stringify(pay.body)).toBe(200);
    const url = new URL(pay.body.payUrl, 'http://x');
    expect(url.pathname).toBe('/pay/sandbox');
    const q = Object.fromEntries(url.searchParams);
    const checkout = await new Client(s).get(`/api/payments/sandbox/checkout?${url.searchParams}`);
    expect(checkout.body).toMatchObject({ outTradeNo: o.out_trade_no, amountFen: 12345, payable: true });
    // a pay request with the amount changed is refused by its signature
    const tampered = { ...q, total_fen: 1, expires: Number(q.expires) };
    expect((await new Client(s).post('/api/payments/sandbox/pay', tampered)).status).toBe(400);
    const done = await new Client(s).post('/api/payments/sandbox/pay', { ...q, total_fen: 12345, expires: Number(q.expires) });
    expect(done.body).toMatchObject({ notified: true, answer: 'success', status: 'paid' });
    expect(paid.filter((x) => x === itemId)).toHaveLength(1);
    expect((await notificationsFor(s, o.out_trade_no)).map((x) => x.outcome)).toEqual(['paid']);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_type', '=', 'order')
      .where('object_id', '=', String(o.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['order.create', 'order.paid']);
  });

  it('对账: payments and refunds of the period by channel add up to the total; teachers are refused', async () => {
    const province = await loginAs(s, 'demo-province');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const before = (await province.get(`/api/orders/reconciliation?from=${day}&to=${day}`)).body;
    const a = await setup(30000);
    const b = await setup(1500);
    await notify(notification(s, { outTradeNo: a.o.out_trade_no, amountFen: 30000 }));
    await notify(notification(s, { outTradeNo: b.o.out_trade_no, amountFen: 1500 }));
    expect((await b.c.post(`/api/my/orders/${b.o.id}/refund`, { version: 2, reason: '对账测试' })).status).toBe(200);
    const r = await province.get(`/api/orders/reconciliation?from=${day}&to=${day}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.total.paidFen - before.total.paidFen).toBe(31500);
    expect(r.body.total.refundedFen - before.total.refundedFen).toBe(1500);
    expect(r.body.total.netFen).toBe(r.body.total.paidFen - r.body.total.refundedFen);
    const sum = (k: string) => r.body.byProvider.reduce((n: number, p: Record<string, number>) => n + (p[k] ?? 0), 0);
    for (const k of ['paidFen', 'refundedFen', 'netFen', 'paidCount', 'refundedCount']) expect(sum(k), k).toBe(r.body.total[k]);
    const lines = r.body.lines as { kind: string; outTradeNo: string; amountFen: number }[];
    expect(lines.filter((l) => l.kind === 'payment').reduce((n, l) => n + l.amountFen, 0)).toBe(r.body.total.paidFen);
    expect(
      lines
        .filter((l) => l.outTradeNo === b.o.out_trade_no)
        .map((l) => l.kind)
        .sort(),
    ).toEqual(['payment', 'refund']);
    expect((await a.c.get(`/api/orders/reconciliation?from=${day}&to=${day}`)).status).toBe(403);
    expect((await province.get(`/api/orders/reconciliation?from=${day}&to=2000-01-01`)).status).toBe(400);
  });
});
