// 我的订单 over HTTP, and the sandbox gateway's public routes (its cashier page and its notification).
import { orders as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { cancelOrder, myOrder, myOrders, payOrder, requestInvoice } from './orders.service.ts';
import { reconciliation } from './reconciliation.service.ts';
import { refundOrder } from './refund.service.ts';
import { sandboxCheckout, sandboxNotify, sandboxPay } from './sandbox.service.ts';

export function orderRoutes(app: App, deps: Deps) {
  const self = { access: 'order.self' } as const;
  const gateway = { access: 'public' } as const;

  app.get(c.myOrders.path, { config: self, schema: schemaOf(c.myOrders) }, async (req) => myOrders(deps, actorCtx(req), req.query));
  app.get(c.myOrder.path, { config: self, schema: schemaOf(c.myOrder) }, async (req) => myOrder(deps, actorCtx(req), req.params.id));
  app.post(c.payOrder.path, { config: self, schema: schemaOf(c.payOrder) }, async (req) => payOrder(deps, actorCtx(req), req.params.id));
  app.post(c.cancelOrder.path, { config: self, schema: schemaOf(c.cancelOrder) }, async (req) =>
    cancelOrder(deps, actorCtx(req), req.params.id, req.body.version),
  );
  app.post(c.refundOrder.path, { config: self, schema: schemaOf(c.refundOrder) }, async (req) =>
    refundOrder(deps, actorCtx(req), req.params.id, req.body),
  );
  app.post(c.requestInvoice.path, { config: self, schema: schemaOf(c.requestInvoice) }, async (req) =>
    requestInvoice(deps, actorCtx(req), req.params.id, req.body),
  );
  app.get(c.reconciliation.path, { config: { access: 'order.finance' }, schema: schemaOf(c.reconciliation) }, async (req) =>
    reconciliation(deps, actorCtx(req), req.query),
  );

  app.get(c.sandboxCheckout.path, { config: gateway, schema: schemaOf(c.sandboxCheckout) }, async (req) =>
    sandboxCheckout(deps, req.query),
  );
  app.post(c.sandboxPay.path, { config: gateway, schema: schemaOf(c.sandboxPay) }, async (req) => sandboxPay(deps, req.ctx, req.body));
  // gateways read the body as plain text: 'success' or 'fail', not JSON
  app.post(c.sandboxNotify.path, { config: gateway, schema: schemaOf(c.sandboxNotify) }, async (req, reply) => {
    reply.type('text/plain; charset=utf-8');
    return sandboxNotify(deps, req.ctx, req.body);
  });
}
