// 我的订单: what a teacher pays for (a paid elective today), its payment through a gateway shaped like the
// Chinese ones (create a payment with out_trade_no → a pay URL; an asynchronous signed notification; query;
// refund), cancelling, refunds before learning starts, and 申请发票. Amounts are integers in 分.
// The sandbox gateway plays the payer in the demo and the tests: its notification comes through the same
// public endpoint a real gateway would use.
import { z } from 'zod';
import { idParams, pageQuery, paged, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['orders'] as const;

export const ORDER_STATUSES = ['pending', 'paid', 'refunding', 'refunded', 'cancelled', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: '待支付',
  paid: '已支付',
  refunding: '退款中',
  refunded: '已退款',
  cancelled: '已取消',
  closed: '已关闭',
};
/** The list's tabs: 待支付 · 已支付 · 已取消/已关闭 · 退款 */
export const ORDER_TABS = ['all', 'pending', 'paid', 'ended', 'refund'] as const;
export const ORDER_TAB_STATUSES: Record<(typeof ORDER_TABS)[number], readonly OrderStatus[]> = {
  all: ORDER_STATUSES,
  pending: ['pending'],
  paid: ['paid'],
  ended: ['cancelled', 'closed'],
  refund: ['refunding', 'refunded'],
};
export const ITEM_KIND_LABELS: Record<string, string> = { elective: '自主选学' };
export const PROVIDER_LABELS: Record<string, string> = { sandbox: '模拟支付（沙箱）', offline: '线下转账' };

const version = z.int({ error: '缺少版本号，请刷新后重试' }).positive();

export const order = z.object({
  id: z.number(),
  outTradeNo: z.string(),
  itemKind: z.string(),
  itemKindLabel: z.string(),
  itemId: z.number(),
  itemName: z.string(),
  amountFen: z.number().int(),
  payer: z.enum(['teacher', 'school']),
  status: z.enum(ORDER_STATUSES),
  statusLabel: z.string(),
  provider: z.string(),
  providerLabel: z.string(),
  providerTradeNo: z.string().nullable(),
  createdAt: timestamp,
  paidAt: timestamp.nullable(),
  expiresAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: z.string().nullable(),
  invoice: z.object({
    status: z.enum(['none', 'requested']),
    title: z.string().nullable(),
    taxNo: z.string().nullable(),
    email: z.string().nullable(),
    requestedAt: timestamp.nullable(),
  }),
  refund: z
    .object({
      status: z.enum(['pending', 'succeeded', 'failed']),
      reason: z.string(),
      createdAt: timestamp,
      finishedAt: timestamp.nullable(),
    })
    .nullable(),
  version: z.number(),
  /** what the server will honour now (the page shows only these buttons) */
  canPay: z.boolean(),
  canCancel: z.boolean(),
  canRefund: z.boolean(),
  /** why a refund is not possible, when the order is paid but cannot be refunded */
  refundRefusal: z.string().nullable(),
  canRequestInvoice: z.boolean(),
});
export type Order = z.infer<typeof order>;

export const myOrdersQuery = z.object({ tab: z.enum(ORDER_TABS).default('all'), ...pageQuery });

export const myOrders = route({
  method: 'GET',
  path: '/api/my/orders',
  summary: '我的订单（按状态筛选）',
  tags,
  querystring: myOrdersQuery,
  response: paged(order).extend({ counts: z.record(z.enum(ORDER_TABS), z.number().int()) }),
});

export const myOrder = route({
  method: 'GET',
  path: '/api/my/orders/:id',
  summary: '订单详情',
  tags,
  params: idParams,
  response: z.object({ order }),
});

export const payOrder = route({
  method: 'POST',
  path: '/api/my/orders/:id/pay',
  summary: '去支付：向支付渠道下单，得到支付页地址',
  tags,
  params: idParams,
  response: z.object({ order, payUrl: z.string() }),
});

export const cancelOrder = route({
  method: 'POST',
  path: '/api/my/orders/:id/cancel',
  summary: '取消待支付的订单（释放名额）',
  tags,
  params: idParams,
  body: z.object({ version }),
  response: z.object({ order }),
});

export const refundOrder = route({
  method: 'POST',
  path: '/api/my/orders/:id/refund',
  summary: '申请退款（学习开始前、无学习记录时）',
  tags,
  params: idParams,
  body: z.object({
    version,
    reason: z.string({ error: '请填写退款原因' }).trim().min(1, '请填写退款原因').max(200, '退款原因不能超过 200 字'),
  }),
  response: z.object({ order }),
});

export const invoiceInput = z.object({
  title: z.string({ error: '请填写发票抬头' }).trim().min(1, '请填写发票抬头').max(100, '发票抬头不能超过 100 字'),
  taxNo: z
    .string()
    .trim()
    .regex(/^$|^[0-9A-Z]{15,20}$/, '纳税人识别号应为 15–20 位数字或大写字母')
    .default(''),
  email: z.email('请填写正确的电子邮箱').max(100, '电子邮箱过长'),
});
export const requestInvoice = route({
  method: 'POST',
  path: '/api/my/orders/:id/invoice',
  summary: '申请发票（电子发票发送到邮箱）',
  tags,
  params: idParams,
  body: invoiceInput,
  response: z.object({ order }),
});

// --- the sandbox gateway (模拟支付): public, as a real gateway's cashier page is; the signed pay URL is the key ---

/** What a pay URL carries: the order's number, amount and deadline, signed by the platform. */
export const sandboxCheckoutQuery = z.object({
  out_trade_no: z.string().min(1).max(64),
  total_fen: z.coerce.number().int().positive().max(100_000_000),
  subject: z.string().max(200),
  expires: z.coerce.number().int().positive(),
  sign: z.string().max(200),
});

export const sandboxCheckout = route({
  method: 'GET',
  path: '/api/payments/sandbox/checkout',
  summary: '沙箱支付页：核对支付请求的签名，显示订单与金额',
  tags,
  querystring: sandboxCheckoutQuery,
  response: z.object({
    outTradeNo: z.string(),
    subject: z.string(),
    amountFen: z.number().int(),
    expiresAt: timestamp,
    /** the order can still be paid (pending and not expired); otherwise `message` says why */
    payable: z.boolean(),
    message: z.string().nullable(),
  }),
});

export const sandboxPay = route({
  method: 'POST',
  path: '/api/payments/sandbox/pay',
  summary: '沙箱支付页：确认支付（沙箱向平台发送签名的支付结果通知）',
  tags,
  body: sandboxCheckoutQuery.extend({ total_fen: z.number().int().positive().max(100_000_000), expires: z.number().int().positive() }),
  response: z.object({ notified: z.boolean(), answer: z.string(), status: z.enum(ORDER_STATUSES).nullable() }),
});

/** The gateway's asynchronous notification: flat fields and `sign` (HMAC-SHA256 over the others, sorted). */
export const sandboxNotifyBody = z.record(z.string(), z.union([z.string(), z.number()]));
export const sandboxNotify = route({
  method: 'POST',
  path: '/api/payments/sandbox/notify',
  summary: '沙箱支付结果通知（签名验证；回答 success / fail）',
  tags,
  body: sandboxNotifyBody,
  response: z.string(),
});

// --- what creates orders: a paid elective (the electives module serves it) ---

export const orderElective = route({
  method: 'POST',
  path: '/api/catalogue/electives/:id/order',
  summary: '报名付费课程：占用名额并生成待支付订单（未按时支付则关闭并释放名额）',
  tags,
  params: idParams,
  response: z.object({ order, payUrl: z.string() }),
  status: 201,
});

/** ¥199.00 from 19900 分 (display only: amounts are kept and compared in 分). */
export const formatYuan = (fen: number) =>
  `¥${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

// --- 对账 (finance): payments and refunds of a period by channel, with totals that add up ---

const chinaDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD 格式');
export const reconciliationQuery = z.object({ from: chinaDay, to: chinaDay });
const sums = z.object({
  paidCount: z.number().int(),
  paidFen: z.number().int(),
  refundedCount: z.number().int(),
  refundedFen: z.number().int(),
  /** 实收 = paid − refunded */
  netFen: z.number().int(),
});
export const reconciliation = route({
  method: 'GET',
  path: '/api/orders/reconciliation',
  summary: '对账：期间内各支付渠道的收款、退款与实收合计及明细（按中国日期）',
  tags,
  querystring: reconciliationQuery,
  response: z.object({
    from: z.string(),
    to: z.string(),
    byProvider: z.array(sums.extend({ provider: z.string(), providerLabel: z.string() })),
    total: sums,
    /** the payments and refunds of the period, newest first (at most 1000) */
    lines: z.array(
      z.object({
        kind: z.enum(['payment', 'refund']),
        at: timestamp,
        outTradeNo: z.string(),
        providerTradeNo: z.string().nullable(),
        provider: z.string(),
        itemName: z.string(),
        amountFen: z.number().int(),
      }),
    ),
  }),
});
