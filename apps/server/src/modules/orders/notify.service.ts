// The gateways' asynchronous notifications. Every one is kept (payment_notifications) with its signature
// check and what came of it. Only a correctly signed TRADE_SUCCESS for a pending order of exactly that
// amount pays it; the order row is locked first, so two deliveries at once pay once. The answer is what
// gateways expect: 'success' stops their retries (also for a repeat or a late payment, which are kept for
// finance), 'fail' asks them to try again or marks a notification as refused (forged, unknown, wrong amount).
import type { Deps, RequestCtx } from '../../context.ts';
import { recordAudit, recordAuditNow } from '../audit/audit.service.ts';
import { insertNotification, lockOrderByTradeNo, type NotificationRecord } from './orders.repository.ts';
import { changeOrder } from './orders.service.ts';
import type { PaymentProvider } from './provider.ts';

export type NotifyOutcome =
  | 'paid'
  | 'duplicate'
  | 'duplicate_payment'
  | 'late'
  | 'wrong_amount'
  | 'bad_signature'
  | 'unknown_order'
  | 'malformed'
  | 'ignored'
  | 'failed';
const ANSWER: Record<NotifyOutcome, 'success' | 'fail'> = {
  paid: 'success',
  duplicate: 'success',
  duplicate_payment: 'success',
  late: 'success',
  ignored: 'success',
  wrong_amount: 'fail',
  bad_signature: 'fail',
  unknown_order: 'fail',
  malformed: 'fail',
  failed: 'fail',
};

const asStrings = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]));

export async function receiveNotification(
  deps: Deps,
  ctx: RequestCtx,
  provider: PaymentProvider,
  body: Record<string, unknown>,
): Promise<{ answer: 'success' | 'fail'; outcome: NotifyOutcome }> {
  const fields = asStrings(body);
  const raw = JSON.stringify(body).slice(0, 20_000);
  const base: Omit<NotificationRecord, 'outcome' | 'signatureValid'> = {
    provider: provider.name,
    outTradeNo: fields.out_trade_no?.slice(0, 64) ?? null,
    providerTradeNo: fields.trade_no?.slice(0, 64) ?? null,
    orderId: null,
    amountFen: null,
    rawBody: raw,
  };
  if (!provider.verifySignature(fields)) {
    await insertNotification(deps.db, { ...base, signatureValid: false, outcome: 'bad_signature' });
    await recordAuditNow(deps.db, ctx, {
      action: 'order.notify.rejected',
      objectType: 'order',
      objectId: base.outTradeNo ?? undefined,
      result: 'denied',
      detail: { provider: provider.name, reason: 'bad_signature' },
    });
    return { answer: 'fail', outcome: 'bad_signature' };
  }
  const n = provider.parseNotification(fields);
  if (!n) {
    await insertNotification(deps.db, { ...base, signatureValid: true, outcome: 'malformed' });
    return { answer: 'fail', outcome: 'malformed' };
  }
  try {
    const outcome = await deps.db.transaction().execute(async (trx): Promise<NotifyOutcome> => {
      const o = await lockOrderByTradeNo(trx, n.outTradeNo);
      const record = (outcome: NotifyOutcome) =>
        insertNotification(trx, { ...base, orderId: o?.id ?? null, amountFen: n.amountFen, signatureValid: true, outcome }).then(
          () => outcome,
        );
      if (!o || o.provider !== provider.name) return record('unknown_order');
      if (n.tradeStatus !== 'TRADE_SUCCESS') return record('ignored');
      if (n.amountFen !== o.amount_fen) {
        await recordAudit(trx, ctx, {
          action: 'order.notify.rejected',
          objectType: 'order',
          objectId: o.id,
          result: 'denied',
          detail: { reason: 'wrong_amount', expected: o.amount_fen, got: n.amountFen },
        });
        return record('wrong_amount');
      }
      if (o.status !== 'pending') {
        // the same payment told again: nothing to do; another payment for an order no longer open: kept for a refund by finance
        const same = o.provider_trade_no === n.providerTradeNo;
        const outcome: NotifyOutcome = same ? 'duplicate' : o.status === 'paid' ? 'duplicate_payment' : 'late';
        if (!same)
          await recordAudit(trx, ctx, {
            action: 'order.notify.unmatched',
            objectType: 'order',
            objectId: o.id,
            result: 'failure',
            detail: { reason: outcome, status: o.status, tradeNo: n.providerTradeNo, amountFen: n.amountFen },
          });
        return record(outcome);
      }
      const paid = await changeOrder(trx, ctx, {
        id: o.id,
        from: 'pending',
        to: 'paid',
        action: 'order.paid',
        paid: { providerTradeNo: n.providerTradeNo, paidAt: n.paidAt },
        detail: { provider: provider.name, tradeNo: n.providerTradeNo },
      });
      return record(paid ? 'paid' : 'failed');
    });
    return { answer: ANSWER[outcome], outcome };
  } catch {
    // the gateway will deliver it again; the notification is kept all the same
    await insertNotification(deps.db, { ...base, signatureValid: true, amountFen: n.amountFen, outcome: 'failed' }).catch(() => undefined);
    return { answer: 'fail', outcome: 'failed' };
  }
}
