// 报名付费课程 end to end on a real database: enrolling takes the place and makes a pending order; paying
// in the sandbox places the teacher in the class (学习中); an order closed after its time or cancelled gives
// the place back; a refund is refused once learning started (progress, or the learning window) and otherwise
// withdraws the enrolment and gives the place back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeExpiredOrders } from '../src/modules/orders/orders.service.ts';
import { dayFromToday } from './classes-fixtures.ts';
import { approvedElective, placesOf } from './electives-fixtures.ts';
import { newTeacher } from './factories.ts';
import { type Client, loginAs, startTestServer, TEST_DB, type TestServer } from './harness.ts';

let s: TestServer;
const c: Record<string, Client> = {};
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  for (const acc of ['demo-institution', 'demo-province']) c[acc] = await loginAs(s, acc);
});
afterAll(async () => {
  await s?.close();
});

const teacher = async () => {
  const t = await newTeacher(s, { profile: { stage: '小学', subject: '语文' } });
  return { id: t.id, c: await t.client() };
};
const enrolment = (id: number) =>
  s.deps.db.selectFrom('enrollments').select(['status', 'class_id', 'quota_id']).where('id', '=', id).executeTakeFirstOrThrow();

/** Pays as the payer would: the pay URL's request to the sandbox's 确认支付. */
async function payInSandbox(payUrl: string) {
  const q = Object.fromEntries(new URL(payUrl, 'http://x').searchParams);
  const anon = (await loginAs(s, 'demo-institution')) as Client; // any client: the sandbox route is public
  const r = await anon.post('/api/payments/sandbox/pay', { ...q, total_fen: Number(q.total_fen), expires: Number(q.expires) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe(`付费自主选学 and its order (${TEST_DB})`, () => {
  it('enrol → pending order holding the place → pay in the sandbox → 学习中; the last place is not oversold', async () => {
    const { id, classId } = await approvedElective(c, { name: '付费课程·支付', priceFen: 19900, capacity: 1 });
    const a = await teacher();
    const r = await a.c.post(`/api/catalogue/electives/${id}/order`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.order).toMatchObject({ status: 'pending', amountFen: 19900, itemName: '付费课程·支付', canPay: true });
    expect(await placesOf(s, id)).toEqual({ quota: 1, used: 1 });
    const enrolmentId = r.body.order.itemId as number;
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'approved', class_id: null });
    // asking again answers the same order; another teacher finds the course full
    const again = await a.c.post(`/api/catalogue/electives/${id}/order`);
    expect(again.body.order.id).toBe(r.body.order.id);
    const b = await teacher();
    const full = await b.c.post(`/api/catalogue/electives/${id}/order`);
    expect(full.status).toBe(409);
    expect(full.body.message).toBe('名额已满');
    // unpaid: not yet in 我的自主选学
    expect((await a.c.get('/api/my/electives?tab=learning')).body.counts.learning).toBe(0);
    const paid = await payInSandbox(r.body.payUrl);
    expect(paid).toMatchObject({ answer: 'success', status: 'paid' });
    expect(await enrolment(enrolmentId)).toMatchObject({ status: 'assigned', class_id: classId });
    const mine = await a.c.get('/api/my/electives?tab=learning');
    expect(mine.body.items).toEqual([expect.objectContaining({ enrollmentId: enrolmentId, canCancel: false })]);
    // given up only by a refund, not by 取消报名
    const cancel = await a.c.post(`/api/my/electives/${enrolmentId}/cancel`, { version: mine.body.items[0].version });
    expect(cancel.status).toBe(409);
    const list = await a.c.get('/api/my/orders?tab=paid');
    expect(list.body.items).toEqual([expect.objectContaining({ id: r.body.order.id, statusLabel: '已支付', canRefund: true })]);
  });

  it('an order closed after its time, or cancelled, gives the place back', async () => {
    const { id } = await approvedElective(c, { priceFen: 5000, capacity: 1 });
    const a = await teacher();
    const r = await a.c.post(`/api/catalogue/electives/${id}/order`);
    expect(r.status).toBe(201);
    expect(await closeExpiredOrders(s.deps.db, { now: new Date(Date.now() + 31 * 60_000), teacherId: a.id })).toBe(1);
    expect(await enrolment(r.body.order.itemId)).toMatchObject({ status: 'withdrawn' });
    expect(await placesOf(s, id)).toEqual({ quota: 1, used: 0 });
    // the place is free again: another teacher takes it, and cancels
    const b = await teacher();
    const rb = await b.c.post(`/api/catalogue/electives/${id}/order`);
    expect(rb.status, JSON.stringify(rb.body)).toBe(201);
    expect(await placesOf(s, id)).toEqual({ quota: 1, used: 1 });
    const cancel = await b.c.post(`/api/my/orders/${rb.body.order.id}/cancel`, { version: rb.body.order.version });
    expect(cancel.body.order.status).toBe('cancelled');
    expect(await placesOf(s, id)).toEqual({ quota: 1, used: 0 });
    // a late payment of the closed order pays nothing and takes no place
    const late = await payInSandbox(r.body.payUrl);
    expect(late).toMatchObject({ answer: 'success', status: 'closed' });
    expect(await placesOf(s, id)).toEqual({ quota: 1, used: 0 });
  });

  it('refund: refused after learning started (progress, or the window open); allowed before, releasing the place', async () => {
    const later = await approvedElective(c, { priceFen: 8800, capacity: 2 });
    const a = await teacher();
    const ra = await a.c.post(`/api/catalogue/electives/${later.id}/order`);
    await payInSandbox(ra.body.payUrl);
    // the institution reported progress: learning has started
    await s.deps.db.updateTable('enrollments').set({ progress: 10 }).where('id', '=', ra.body.order.itemId).execute();
    const refused = await a.c.post(`/api/my/orders/${ra.body.order.id}/refund`, { version: 2, reason: '时间冲突' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('已有学习记录或成绩，不能退款');
    expect((await a.c.get(`/api/my/orders/${ra.body.order.id}`)).body.order).toMatchObject({
      status: 'paid',
      canRefund: false,
      refundRefusal: '已有学习记录或成绩，不能退款',
    });

    const started = await approvedElective(c, { priceFen: 8800, startDate: dayFromToday(0) });
    const rs = await a.c.post(`/api/catalogue/electives/${started.id}/order`);
    expect(rs.status, JSON.stringify(rs.body)).toBe(201);
    await payInSandbox(rs.body.payUrl);
    const r2 = await a.c.post(`/api/my/orders/${rs.body.order.id}/refund`, { version: 2, reason: '时间冲突' });
    expect(r2.status).toBe(409);
    expect(r2.body.message).toBe('课程学习已经开始，不能退款');

    const b = await teacher();
    const rb = await b.c.post(`/api/catalogue/electives/${later.id}/order`);
    await payInSandbox(rb.body.payUrl);
    expect(await placesOf(s, later.id)).toEqual({ quota: 2, used: 2 });
    const ok = await b.c.post(`/api/my/orders/${rb.body.order.id}/refund`, { version: 2, reason: '工作安排冲突' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.order).toMatchObject({ status: 'refunded', statusLabel: '已退款' });
    expect(await enrolment(rb.body.order.itemId)).toMatchObject({ status: 'withdrawn' });
    expect(await placesOf(s, later.id)).toEqual({ quota: 2, used: 1 });
    expect((await b.c.get('/api/my/electives?tab=learning')).body.counts.learning).toBe(0);
  });
});
