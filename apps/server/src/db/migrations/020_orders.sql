-- 我的订单: what a teacher (or their school) pays for — today a paid elective — and every payment
-- notification the gateways sent. An order refers to the thing it pays for by kind and id (item_kind,
-- item_id: for 'elective' the enrolment), so the orders module knows no feature's tables; the feature
-- learns of payments and releases through the hooks it registers (modules/order-items.ts).

CREATE TABLE orders (
  id serial PRIMARY KEY,
  -- our number, sent to the gateway and quoted back in its notifications (商户订单号)
  out_trade_no text NOT NULL UNIQUE,
  teacher_id int NOT NULL REFERENCES users(id),
  payer text NOT NULL DEFAULT 'teacher' CHECK (payer IN ('teacher', 'school')),
  -- the school that pays (payer 'school')
  school_id int REFERENCES schools(id),
  item_kind text NOT NULL,
  item_id int NOT NULL,
  item_name text NOT NULL,
  -- 分: integers only, never floating yuan
  amount_fen int NOT NULL CHECK (amount_fen > 0),
  -- pending (待支付) → paid (已支付) → refunding (退款中) → refunded (已退款); pending → cancelled (已取消) | closed (已关闭)
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'refunding', 'refunded', 'cancelled', 'closed')),
  provider text NOT NULL DEFAULT 'sandbox',
  -- the gateway's own number for the payment (交易号), from its notification
  provider_trade_no text,
  paid_at timestamptz,
  -- an unpaid order closes at this moment and frees what it held
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text,
  -- 申请发票: none → requested
  invoice_status text NOT NULL DEFAULT 'none' CHECK (invoice_status IN ('none', 'requested')),
  invoice_title text,
  invoice_tax_no text,
  invoice_email text,
  invoice_requested_at timestamptz,
  -- every change is one UPDATE at the version read: of two concurrent changes only one wins
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- one live order per thing paid for: a second enrolment attempt finds the first order
CREATE UNIQUE INDEX orders_live_item ON orders (item_kind, item_id) WHERE status IN ('pending', 'paid', 'refunding');
CREATE INDEX orders_teacher ON orders (teacher_id, created_at DESC);
CREATE INDEX orders_pending_expiry ON orders (expires_at) WHERE status = 'pending';

-- Every notification received, valid or not: the audit trail of the payment channel and what makes a
-- repeated notification recognisable as one.
CREATE TABLE payment_notifications (
  id serial PRIMARY KEY,
  provider text NOT NULL,
  kind text NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund')),
  out_trade_no text,
  provider_trade_no text,
  order_id int REFERENCES orders(id),
  amount_fen int,
  raw_body text NOT NULL,
  signature_valid boolean NOT NULL,
  -- paid | duplicate | late | wrong_amount | bad_signature | unknown_order | malformed | failed
  outcome text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_notifications_order ON payment_notifications (order_id);

CREATE TABLE refunds (
  id serial PRIMARY KEY,
  order_id int NOT NULL REFERENCES orders(id),
  out_refund_no text NOT NULL UNIQUE,
  amount_fen int NOT NULL CHECK (amount_fen > 0),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  provider_refund_no text,
  requested_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- one refund per order (refunds are whole: partial refunds are not offered)
CREATE UNIQUE INDEX refunds_order ON refunds (order_id);
