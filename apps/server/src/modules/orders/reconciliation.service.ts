// 对账 for the finance role: by channel, the period's payments and refunds and what was kept (实收), in 分.
// The totals are sums of the lines shown (one pass over the same rows), so they add up by construction.
import { orders as c } from '@shixun/contracts';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid } from '../../http/errors.ts';
import { reconciliationLines } from './reconciliation.repository.ts';

const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const empty = () => ({ paidCount: 0, paidFen: 0, refundedCount: 0, refundedFen: 0, netFen: 0 });

export async function reconciliation(deps: Deps, ctx: ActorCtx, q: { from: string; to: string }) {
  requirePermission(ctx.actor, 'order.finance');
  if (q.from > q.to) throw invalid('开始日期不能晚于结束日期');
  const from = chinaMidnight(q.from);
  const to = new Date(chinaMidnight(q.to).getTime() + 86_400_000);
  if (to.getTime() - from.getTime() > 366 * 86_400_000) throw invalid('对账期间不能超过一年');
  const { payments, refunds } = await reconciliationLines(deps.db, from, to);
  const by = new Map<string, ReturnType<typeof empty>>();
  const total = empty();
  const add = (provider: string, f: (s: ReturnType<typeof empty>) => void) => {
    const s = by.get(provider) ?? empty();
    by.set(provider, s);
    f(s);
    f(total);
  };
  for (const p of payments)
    add(p.provider, (s) => {
      s.paidCount++;
      s.paidFen += p.amount_fen;
      s.netFen += p.amount_fen;
    });
  for (const r of refunds)
    add(r.provider, (s) => {
      s.refundedCount++;
      s.refundedFen += r.amount_fen;
      s.netFen -= r.amount_fen;
    });
  const line = (kind: 'payment' | 'refund') => (r: (typeof payments)[number]) => ({
    kind,
    at: r.at ?? new Date(0),
    outTradeNo: r.out_trade_no,
    providerTradeNo: r.provider_trade_no,
    provider: r.provider,
    itemName: r.item_name,
    amountFen: r.amount_fen,
  });
  return {
    from: q.from,
    to: q.to,
    byProvider: [...by].map(([provider, s]) => ({ provider, providerLabel: c.PROVIDER_LABELS[provider] ?? provider, ...s })),
    total,
    lines: [...payments.map(line('payment')), ...refunds.map(line('refund'))].sort((a, b) => b.at.getTime() - a.at.getTime()),
  };
}
