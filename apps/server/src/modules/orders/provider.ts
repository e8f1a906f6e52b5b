// A payment gateway as the Chinese ones are shaped (支付宝 / 微信支付 / 银联): the merchant creates a payment
// under its own number (out_trade_no) and sends the payer to a pay URL; the gateway later POSTs an
// asynchronous, signed notification, answered with a plain 'success' (or 'fail': it will try again); the
// merchant may query a payment and refund it. A real gateway is one more implementation of this interface.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Keys } from '../../security/keys.ts';

export interface CreatePayment {
  outTradeNo: string;
  amountFen: number;
  subject: string;
  expiresAt: Date;
}

export interface PaymentNotice {
  outTradeNo: string;
  providerTradeNo: string;
  amountFen: number;
  /** the gateway's word for the payment's state: only TRADE_SUCCESS pays */
  tradeStatus: string;
  paidAt: Date;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(p: CreatePayment): { payUrl: string };
  /** Whether the notification's signature is the gateway's (not forged, not altered). */
  verifySignature(body: Record<string, string>): boolean;
  /** The notification's facts; null when fields are missing or malformed. */
  parseNotification(body: Record<string, string>): PaymentNotice | null;
  refund(r: { outTradeNo: string; outRefundNo: string; amountFen: number }): Promise<{ ok: boolean; providerRefundNo: string | null }>;
}

/** The sorted `key=value&…` string a signature covers (empty values and `sign` itself left out). */
export function signingString(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
}

export function hmacSign(secret: Buffer, fields: Record<string, string>): string {
  return createHmac('sha256', secret).update(signingString(fields), 'utf8').digest('hex');
}

/** Constant-time: the time taken says nothing about how much of a forged signature was right. */
export function signatureValid(secret: Buffer, fields: Record<string, string>): boolean {
  const given = Buffer.from(fields.sign ?? '', 'utf8');
  const want = Buffer.from(hmacSign(secret, fields), 'utf8');
  return given.length === want.length && timingSafeEqual(given, want);
}

/** The sandbox's shared secret: the configured one, or one derived from the deployment's keys (stable across restarts). */
export function sandboxSecret(config: Config, keys: Keys): Buffer {
  if (config.payments.sandboxSecret) return Buffer.from(config.payments.sandboxSecret, 'utf8');
  return createHmac('sha256', keys.blindIndexKey).update('shixun.payments.sandbox').digest();
}

export const SANDBOX = 'sandbox';

/** The fields of a pay URL (signed by the platform, so the sandbox's page can trust them). */
export function payRequestFields(p: CreatePayment): Record<string, string> {
  return {
    out_trade_no: p.outTradeNo,
    total_fen: String(p.amountFen),
    subject: p.subject,
    expires: String(Math.floor(p.expiresAt.getTime() / 1000)),
  };
}

export function sandboxProvider(secret: Buffer): PaymentProvider {
  return {
    name: SANDBOX,
    createPayment(p) {
      const fields = payRequestFields(p);
      const q = new URLSearchParams({ ...fields, sign: hmacSign(secret, fields) });
      return { payUrl: `/pay/sandbox?${q}` };
    },
    verifySignature: (body) => signatureValid(secret, body),
    parseNotification(body) {
      const amount = Number(body.total_fen);
      const at = Date.parse(body.gmt_payment ?? '');
      if (!body.out_trade_no || !body.trade_no || !Number.isSafeInteger(amount) || Number.isNaN(at)) return null;
      return {
        outTradeNo: body.out_trade_no,
        providerTradeNo: body.trade_no,
        amountFen: amount,
        tradeStatus: body.trade_status ?? '',
        paidAt: new Date(at),
      };
    },
    // the sandbox refunds at once; a real gateway may answer later through a refund notification
    async refund(r) {
      return { ok: true, providerRefundNo: `SBR${r.outRefundNo}` };
    },
  };
}
