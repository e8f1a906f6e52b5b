// The sandbox gateway (模拟支付) for the demo and the tests: its cashier page shows a pay request the
// platform signed, and 确认支付 makes the sandbox do what a real gateway does — sign a TRADE_SUCCESS
// notification with the shared secret and deliver it to the platform's notification handler, the same one
// the public notify route runs. Off when config.payments.sandbox is false (production).
import { randomBytes } from 'node:crypto';
import type { orders as c } from '@shixun/contracts';
import type { z } from 'zod';
import type { Deps, RequestCtx } from '../../context.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { receiveNotification } from './notify.service.ts';
import { orderByTradeNo } from './orders.repository.ts';
import { SANDBOX, hmacSign, payRequestFields, sandboxProvider, sandboxSecret, signatureValid } from './provider.ts';

type PayRequest = z.output<typeof c.sandboxCheckoutQuery>;

function secretOf(deps: Deps) {
  if (!deps.config.payments.sandbox) throw new AppError(404, 'NOT_FOUND', '模拟支付未开启');
  return sandboxSecret(deps.config, deps.keys);
}

/** The pay request as the platform signed it; refused when anything in it was changed. */
function verified(secret: Buffer, q: PayRequest) {
  const fields = {
    ...payRequestFields({ outTradeNo: q.out_trade_no, amountFen: q.total_fen, subject: q.subject, expiresAt: new Date(q.expires * 1000) }),
    sign: q.sign,
  };
  if (!signatureValid(secret, fields)) throw invalid('支付请求的签名不正确：请从“我的订单”重新发起支付');
  return fields;
}

export async function sandboxCheckout(deps: Deps, q: PayRequest) {
  verified(secretOf(deps), q);
  const o = await orderByTradeNo(deps.db, q.out_trade_no);
  const expiresAt = new Date(q.expires * 1000);
  const expired = expiresAt.getTime() <= Date.now();
  const message = !o
    ? '订单不存在'
    : o.status === 'paid'
      ? '该订单已支付'
      : o.status !== 'pending'
        ? '订单已关闭，不能支付'
        : expired
          ? '支付已超时，订单即将关闭'
          : null;
  return { outTradeNo: q.out_trade_no, subject: q.subject, amountFen: q.total_fen, expiresAt, payable: message === null, message };
}

export async function sandboxPay(deps: Deps, ctx: RequestCtx, q: PayRequest) {
  const secret = secretOf(deps);
  verified(secret, q);
  // like a real gateway, the sandbox takes no money after the time the merchant set (time_expire)
  if (q.expires * 1000 <= Date.now()) throw conflict('支付已超时，请回到“我的订单”查看', 'EXPIRED');
  const fields: Record<string, string> = {
    notify_id: randomBytes(8).toString('hex'),
    out_trade_no: q.out_trade_no,
    trade_no: `SB${Date.now()}${randomBytes(4).toString('hex')}`,
    total_fen: String(q.total_fen),
    trade_status: 'TRADE_SUCCESS',
    gmt_payment: new Date().toISOString(),
    sign_type: 'HMAC-SHA256',
  };
  const signed = { ...fields, sign: hmacSign(secret, fields) };
  const r = await receiveNotification(deps, ctx, sandboxProvider(secret), signed);
  const o = await orderByTradeNo(deps.db, q.out_trade_no);
  return { notified: true, answer: r.answer, status: o?.status ?? null };
}

export async function sandboxNotify(deps: Deps, ctx: RequestCtx, body: Record<string, unknown>) {
  if (!deps.config.payments.sandbox) return 'fail';
  const r = await receiveNotification(deps, ctx, sandboxProvider(sandboxSecret(deps.config, deps.keys)), body);
  return r.answer;
}

export { SANDBOX };
