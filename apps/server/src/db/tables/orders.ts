import type { Generated } from 'kysely';
import type { NullableTs, Timestamp } from '../columns.ts';

// --- 我的订单 (020_orders.sql): orders, the gateways' notifications, refunds ---
export type OrderStatus = 'pending' | 'paid' | 'refunding' | 'refunded' | 'cancelled' | 'closed';
export interface OrderTable {
  id: Generated<number>;
  out_trade_no: string;
  teacher_id: number;
  payer: Generated<'teacher' | 'school'>;
  school_id: number | null;
  item_kind: string;
  item_id: number;
  item_name: string;
  amount_fen: number;
  status: Generated<OrderStatus>;
  provider: Generated<string>;
  provider_trade_no: string | null;
  paid_at: NullableTs;
  expires_at: Timestamp;
  ended_at: NullableTs;
  end_reason: string | null;
  invoice_status: Generated<'none' | 'requested'>;
  invoice_title: string | null;
  invoice_tax_no: string | null;
  invoice_email: string | null;
  invoice_requested_at: NullableTs;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PaymentNotificationTable {
  id: Generated<number>;
  provider: string;
  kind: Generated<'payment' | 'refund'>;
  out_trade_no: string | null;
  provider_trade_no: string | null;
  order_id: number | null;
  amount_fen: number | null;
  raw_body: string;
  signature_valid: boolean;
  outcome: string;
  received_at: Generated<Date>;
}
export interface RefundTable {
  id: Generated<number>;
  order_id: number;
  out_refund_no: string;
  amount_fen: number;
  reason: string;
  status: Generated<'pending' | 'succeeded' | 'failed'>;
  provider_refund_no: string | null;
  requested_by: number | null;
  created_at: Generated<Date>;
  finished_at: NullableTs;
}
export interface OrderTables {
  orders: OrderTable;
  payment_notifications: PaymentNotificationTable;
  refunds: RefundTable;
}
