// An order as the contract shows it, with the buttons the server will honour now.
import { orders as c } from '@shixun/contracts';
import type { OrderRow, RefundRow } from './orders.repository.ts';

export function orderView(o: OrderRow, v: { refund?: RefundRow; refundRefusal: string | null; now: Date }): c.Order {
  const live = o.status === 'pending' && o.expires_at.getTime() > v.now.getTime();
  return {
    id: o.id,
    outTradeNo: o.out_trade_no,
    itemKind: o.item_kind,
    itemKindLabel: c.ITEM_KIND_LABELS[o.item_kind] ?? o.item_kind,
    itemId: o.item_id,
    itemName: o.item_name,
    amountFen: o.amount_fen,
    payer: o.payer,
    status: o.status,
    statusLabel: c.ORDER_STATUS_LABELS[o.status],
    provider: o.provider,
    providerLabel: c.PROVIDER_LABELS[o.provider] ?? o.provider,
    providerTradeNo: o.provider_trade_no,
    createdAt: o.created_at,
    paidAt: o.paid_at,
    expiresAt: o.expires_at,
    endedAt: o.ended_at,
    endReason: o.end_reason,
    invoice: {
      status: o.invoice_status,
      title: o.invoice_title,
      taxNo: o.invoice_tax_no,
      email: o.invoice_email,
      requestedAt: o.invoice_requested_at,
    },
    refund: v.refund
      ? { status: v.refund.status, reason: v.refund.reason, createdAt: v.refund.created_at, finishedAt: v.refund.finished_at }
      : null,
    version: o.version,
    canPay: live && o.payer === 'teacher',
    canCancel: live && o.payer === 'teacher',
    canRefund: o.status === 'paid' && o.payer === 'teacher' && v.refundRefusal === null,
    refundRefusal: o.status === 'paid' ? v.refundRefusal : null,
    canRequestInvoice: o.status === 'paid' && o.invoice_status === 'none',
  };
}
