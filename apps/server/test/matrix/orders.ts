// 我的订单 and the sandbox gateway in the scope matrix. Objects, one per side, made in setup():
//   myOrder  a pending order of demo-teacher / demo-teacher2 (for a test item with no hooks). The matrix has no
//            second teacher side, so setup checks here that each teacher gets 404 for the other's order.
// The gateway's routes are public (its cashier page and its notification carry their own signatures).
import { expect } from 'vitest';
import { userIdOf } from '../harness.ts';
import { newOrder } from '../orders-fixtures.ts';
import { PUBLIC, type Entry, type MatrixPart } from './types.ts';

const own: Entry = { allow: ['teacher'], obj: 'myOrder' };
const entries: Record<string, Entry> = {
  'GET /api/my/orders': { allow: ['teacher'] },
  'GET /api/my/orders/:id': own,
  'POST /api/my/orders/:id/pay': own,
  'POST /api/my/orders/:id/cancel': { ...own, body: { version: 1 } },
  'POST /api/my/orders/:id/refund': { ...own, body: { version: 1, reason: '矩阵测试' } },
  'POST /api/my/orders/:id/invoice': { ...own, body: { title: '矩阵小学', taxNo: '', email: 'm@example.com' } },
  // a free course answers 400 (免费课程直接报名): what matters here is who may call
  'POST /api/catalogue/electives/:id/order': { allow: ['teacher'], obj: 'catalogueElective' },
  // without its period the province admin hears 400: who may call is what the matrix checks
  'GET /api/orders/reconciliation': { allow: ['province_admin'] },
  'GET /api/payments/sandbox/checkout': { allow: PUBLIC },
  'POST /api/payments/sandbox/pay': { allow: PUBLIC },
  'POST /api/payments/sandbox/notify': { allow: PUBLIC },
};

export const part: MatrixPart = {
  entries,
  async setup({ s, client }) {
    const ids: [number, number] = [0, 0];
    for (const [i, login] of ['demo-teacher', 'demo-teacher2'].entries()) {
      const o = await newOrder(s, { teacherId: await userIdOf(s, { login }), itemKind: 'matrix', itemId: 900_000 + i });
      ids[i] = o.id;
    }
    for (const [i, login] of ['demo-teacher', 'demo-teacher2'].entries()) {
      const c = await client(login);
      const other = ids[1 - i]!;
      expect((await c.get(`/api/my/orders/${other}`)).status, `${login}: the other teacher's order`).toBe(404);
      expect((await c.post(`/api/my/orders/${other}/pay`)).status).toBe(404);
      expect((await c.post(`/api/my/orders/${other}/cancel`, { version: 1 })).status).toBe(404);
      expect((await c.get('/api/my/orders')).body.items.map((x: { id: number }) => x.id)).toEqual([ids[i]]);
    }
    return { myOrder: ids };
  },
};
