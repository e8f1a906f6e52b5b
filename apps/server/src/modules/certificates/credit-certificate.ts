// 学分证书: a cycle's (or a year's) credits as the engine sees them today, frozen into a certificate.
// Asking again while nothing has changed hands back the certificate already issued, so a teacher
// clicking twice (or every month) does not pile up copies with different codes.
import { CREDIT_STATUS_LABELS, formatHundredths, type CreditCell, type CreditEvaluation, type CreditStatus } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { evaluateTeacher, today } from '../credits/standing.ts';
import { certificatesOf, lockTeacher, type CertificateRow } from './certificates.repository.ts';
import { certificateHolder, issueCertificate, type CertificatePayload } from './issue.ts';

export type CreditCertificateScope = { cycleId: string } | { year: number };

export interface CreditLine {
  id: string;
  name: string;
  earned: number;
  counted: number;
  required: number;
  status: CreditStatus;
  statusLabel: string;
}

export interface CreditCertificatePayload extends CertificatePayload {
  scope: { type: 'cycle' | 'year'; cycleId: string; cycleName: string; startYear: number; endYear: number; year?: number };
  unit: '学分' | '学时';
  categories: CreditLine[];
  /** group and level minimums (集中培训和远程培训 ≥ 70 …) */
  groups: CreditLine[];
  total: CreditLine;
  status: CreditStatus;
  /** every requirement met (or none asked): what a certificate can vouch for; «on track» is not enough */
  compliant: boolean;
  missing: string[];
  policy: { id: string; name: string; version: number };
  asOf: string;
}

const RESULT_LABELS: Record<CreditStatus, string> = {
  completed: '已达标',
  incomplete: '未达标',
  in_progress: '尚未达标（学习中）',
  not_required: '无考核要求',
  not_started: '未开始',
};

const line = (c: CreditCell): CreditLine => ({
  id: c.id,
  name: c.name,
  earned: c.earned,
  counted: c.counted,
  required: c.required,
  status: c.status,
  statusLabel: CREDIT_STATUS_LABELS[c.status],
});
const fmt = (x: number) => formatHundredths(Math.round(x * 100));

/** A year's overall status, with the precedence the engine uses for a cycle. */
function overall(statuses: CreditStatus[]): CreditStatus {
  if (statuses.every((s) => s === 'not_required')) return 'not_required';
  if (statuses.includes('incomplete')) return 'incomplete';
  if (statuses.some((s) => s === 'in_progress' || s === 'not_started')) return 'in_progress';
  return 'completed';
}

interface Figures {
  cycle: CreditEvaluation['cycles'][number];
  year?: number;
  categories: CreditLine[];
  groups: CreditLine[];
  total: CreditLine;
  status: CreditStatus;
  missing: string[];
}

function figuresFor(ev: CreditEvaluation, scope: CreditCertificateScope): Figures {
  const asOfYear = Number(ev.asOf.slice(0, 4));
  if ('cycleId' in scope) {
    const cycle = ev.cycles.find((c) => c.id === scope.cycleId);
    if (!cycle) throw invalid('当前学分政策中没有这个培训周期，请刷新页面后重新选择');
    if (cycle.startYear > asOfYear) throw invalid(`${cycle.name}周期尚未开始，不能生成学分证书`);
    return {
      cycle,
      categories: Object.values(cycle.categories).map(line),
      groups: [...Object.values(cycle.groups), ...Object.values(cycle.levels)].map(line),
      total: line(cycle.total),
      status: cycle.status,
      missing: cycle.missing,
    };
  }
  const cycle = ev.cycles.find((c) => c.startYear <= scope.year && scope.year <= c.endYear);
  if (!cycle) throw invalid(`${scope.year} 年不在当前学分政策的任何培训周期内`);
  if (scope.year > asOfYear) throw invalid(`${scope.year} 年尚未开始，不能生成学分证书`);
  const y = cycle.years.find((r) => r.year === scope.year)!;
  const cells = [...Object.values(y.categories), ...Object.values(y.groups), y.total];
  return {
    cycle,
    year: scope.year,
    categories: Object.values(y.categories).map(line),
    groups: Object.values(y.groups).map(line),
    total: line(y.total),
    status: overall(cells.map((c) => c.status)),
    missing: cycle.missing.filter((m) => m.startsWith(`${scope.year} 年`)),
  };
}

/** Everything but the as-of date: two certificates with equal figures say the same thing. */
function sameFigures(a: CertificatePayload, b: CertificatePayload): boolean {
  const { asOf: _a, ...x } = a;
  const { asOf: _b, ...y } = b;
  return canonical(x) === canonical(y);
}
/** jsonb does not keep key order: compare with sorted keys */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export async function issueCreditCertificate(
  deps: Deps,
  ctx: ActorCtx,
  scope: CreditCertificateScope,
): Promise<{ row: CertificateRow; reused: boolean }> {
  const teacherId = ctx.actor.userId;
  return deps.db.transaction().execute(async (trx) => {
    // one issue at a time per teacher: two clicks at once must not make two certificates of the same figures
    if (!(await lockTeacher(trx, teacherId))) throw notFound('教师');
    const { policy } = await activePolicy(trx);
    const ev = (await evaluateTeacher(trx, teacherId, today()))!;
    const f = figuresFor(ev, scope);
    const c = f.cycle;
    const period = `${c.name}周期（${c.startYear}–${c.endYear} 年）`;
    const totals = f.total.required > 0 ? `${fmt(f.total.counted)}/${fmt(f.total.required)}` : fmt(f.total.counted);
    const payload: CreditCertificatePayload = {
      teacher: await certificateHolder(trx, teacherId),
      subject: f.year === undefined ? `${period}学分` : `${f.year} 年度学分（${c.name}周期）`,
      result: `${RESULT_LABELS[f.status]}，合计 ${totals} ${ev.unit}`,
      scope: {
        type: f.year === undefined ? 'cycle' : 'year',
        cycleId: c.id,
        cycleName: c.name,
        startYear: c.startYear,
        endYear: c.endYear,
        ...(f.year === undefined ? {} : { year: f.year }),
      },
      unit: ev.unit,
      categories: f.categories,
      groups: f.groups,
      total: f.total,
      status: f.status,
      compliant: f.status === 'completed' || f.status === 'not_required',
      missing: f.missing,
      policy: { id: ev.policyId, name: policy.name, version: ev.policyVersion },
      asOf: ev.asOf,
    };
    const existing = (await certificatesOf(trx, teacherId, 'credit')).find((r) => !r.revoked_at && sameFigures(r.payload, payload));
    if (existing) return { row: existing, reused: true };
    const title = f.year === undefined ? `${c.name}周期学分证书` : `${f.year} 年度学分证书`;
    const row = await issueCertificate(trx, ctx, { kind: 'credit', teacherId, title, payload, policyVersion: ev.policyVersion });
    return { row, reused: false };
  });
}

/** The cycles and years a teacher can ask a certificate for, with where each stands today. */
export async function creditCertificateOptions(deps: Deps, ctx: ActorCtx) {
  const { policy } = await activePolicy(deps.db);
  const ev = await evaluateTeacher(deps.db, ctx.actor.userId, today());
  if (!ev) throw notFound('教师');
  const asOfYear = Number(ev.asOf.slice(0, 4));
  return {
    policy: { name: policy.name, version: ev.policyVersion },
    unit: ev.unit,
    asOf: ev.asOf,
    currentCycleId: ev.currentCycleId,
    cycles: ev.cycles.map((c) => ({
      id: c.id,
      name: c.name,
      startYear: c.startYear,
      endYear: c.endYear,
      status: c.status,
      statusLabel: CREDIT_STATUS_LABELS[c.status],
      issuable: c.startYear <= asOfYear,
      years: c.years.map((y) => ({ year: y.year, issuable: y.year <= asOfYear })),
    })),
  };
}
