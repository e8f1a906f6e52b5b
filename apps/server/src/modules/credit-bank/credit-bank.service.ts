// 学分银行: the teacher's whole ledger across cycles and sources, with totals per year, cycle, source
// and category, a filtered page of entries, and the exports. The holder is the teacher in the session,
// or — for an admin — a teacher in the admin's scope (else 404, as if there were no such teacher).
import { CREDIT_UNIT_LABELS, type CreditPolicy } from '@shixun/domain';
import type { z } from 'zod';
import type { creditBank } from '@shixun/contracts';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAuditNow } from '../audit/audit.service.ts';
import { creditsOf } from '../credits/my-credits.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { today } from '../credits/standing.ts';
import { bankEntries, bankGroups, bankHolder, bankHolderInScope, type BankEntryRow, type BankFilter } from './credit-bank.repository.ts';
import { bankTotals, sourceLabel, toSum, type CycleSpan } from './totals.ts';

export type BankQuery = z.output<typeof creditBank.bankQuery>;
export type BankFilterQuery = z.output<typeof creditBank.bankFilter>;

export const FORM_LABELS: Record<string, string> = { onsite: '集中培训', online: '远程培训', school_based: '校本研修', other: '其他' };
export const LEVEL_LABELS: Record<string, string> = { national: '国家级', province: '省级', city: '市级', county: '县级', school: '校级' };

export interface BankHolder {
  id: number;
  name: string;
  idNumber: string | null;
}

/** The teacher in the session. */
export async function selfHolder(deps: Deps, ctx: ActorCtx): Promise<BankHolder> {
  requirePermission(ctx.actor, 'credit.self');
  const t = await bankHolder(deps.db, ctx.actor.userId);
  if (!t) throw notFound('教师');
  return { id: t.id, name: t.name, idNumber: t.id_number };
}

/** A teacher in the admin's scope; out of scope reads as not found. */
export async function scopedHolder(deps: Deps, ctx: ActorCtx, teacherId: number): Promise<BankHolder> {
  requirePermission(ctx.actor, 'credit.read');
  const t = await bankHolderInScope(deps.db, teacherScope(ctx.actor), teacherId);
  if (!t) throw notFound('教师');
  return { id: t.id, name: t.name, idNumber: t.id_number };
}

export const categoryNameIn = (policy: CreditPolicy) => (id: string) => policy.categories.find((c) => c.id === id)?.name ?? id;

/** A filter checked against the policy: an unknown 学分类型 is the caller's mistake, said in Chinese. */
export function bankFilterOf(policy: CreditPolicy, q: BankFilterQuery): BankFilter {
  if (q.category !== undefined && !policy.categories.some((c) => c.id === q.category)) throw invalid('学分类型不存在');
  return { year: q.year, source: q.source, category: q.category };
}

export function bankEntryView(policy: CreditPolicy, r: BankEntryRow) {
  return {
    id: r.id,
    date: r.entry_date,
    year: r.year,
    title: r.title,
    category: r.category,
    categoryName: categoryNameIn(policy)(r.category),
    source: r.source,
    sourceLabel: sourceLabel(r.source),
    form: r.form,
    formLabel: FORM_LABELS[r.form] ?? r.form,
    level: r.level,
    levelLabel: LEVEL_LABELS[r.level] ?? r.level,
    amount: r.amount_h / 100,
    hours: r.hours_h === null ? null : r.hours_h / 100,
    certifier: r.certifier_unit && r.certifier_unit !== r.certifier_name ? `${r.certifier_name}（${r.certifier_unit}）` : r.certifier_name,
    reversalOf: r.reversal_of,
    reversedBy: r.reversed_by_id === null ? null : { id: r.reversed_by_id, date: r.reversed_on, reason: r.reversed_reason },
    reason: r.reason,
    createdAt: r.created_at,
  };
}
export type BankEntryView = ReturnType<typeof bankEntryView>;

/** The cycles of the active policy as this teacher's evaluation has them (fixed spans, or rolling windows). */
async function cyclesOf(deps: Deps, teacherId: number): Promise<CycleSpan[]> {
  const { evaluation } = await creditsOf(deps.db, teacherId);
  return evaluation.cycles.map((c) => ({ id: c.id, name: c.name, startYear: c.startYear, endYear: c.endYear }));
}

/** The totals of the whole ledger and the policy they are read under (the list, the PDF and the transcript). */
export async function bankSummary(deps: Deps, holder: BankHolder) {
  const { policy, version } = await activePolicy(deps.db);
  const groups = await bankGroups(deps.db, holder.id);
  const totals = bankTotals({
    groups,
    cycles: await cyclesOf(deps, holder.id),
    categoryName: categoryNameIn(policy),
    currentYear: Number(today().slice(0, 4)),
  });
  return { policy, version, groups, totals };
}

export async function bankView(deps: Deps, holder: BankHolder, q: BankQuery) {
  const { policy, version, groups, totals } = await bankSummary(deps, holder);
  const page = await bankEntries(deps.db, holder.id, bankFilterOf(policy, q), q);
  return {
    teacher: { id: holder.id, name: holder.name },
    policy: { name: policy.name, version, unit: CREDIT_UNIT_LABELS[policy.unit] },
    ...totals,
    entries: {
      items: page.rows.map((r) => bankEntryView(policy, r)),
      total: page.count,
      page: q.page,
      pageSize: q.pageSize,
      sum: toSum({ amountH: page.amountH, hoursH: page.hoursH, entries: page.count }),
    },
    options: {
      years: [...new Set(groups.map((g) => g.year))].sort((a, b) => b - a),
      sources: totals.sources.map((s) => ({ value: s.source, label: s.label })),
      categories: policy.categories.map((c) => ({ value: c.id, label: c.name })),
    },
  };
}

/** An export leaves the platform with a teacher's whole record: who took it, in which format, is audited. */
export async function auditBankExport(deps: Deps, ctx: ActorCtx, holder: BankHolder, format: 'xlsx' | 'pdf', q: BankFilterQuery) {
  await recordAuditNow(deps.db, ctx, {
    action: 'creditBank.export',
    objectType: 'teacher',
    objectId: holder.id,
    detail: { format, ...q },
  });
}
