// 学分达标统计: compliance by the next level down, by category, the teachers behind each number,
// and 定期注册 eligibility — all within the viewer's scope (see compliance.repository.ts for what
// each number means).
import { CREDIT_UNIT_LABELS, maskIdNumber, maskPhone } from '@shixun/domain';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { refreshStanding, today } from '../credits/standing.ts';
import { insertRegistration, registrationHistory } from '../teachers/registrations.repository.ts';
import { cycleBasis, type CycleBasis } from './basis.ts';
import {
  complianceCounts,
  countTeachers,
  groupsOf,
  listTeachers,
  type CountRow,
  type TeacherFilter,
  type TeacherRow,
} from './compliance.repository.ts';
import {
  registrationCounts,
  registrationList,
  standingRegistration,
  teacherPlace,
  type RegistrationRow,
} from './registration.repository.ts';
import { rollupReport, usesRollup } from './rollup.ts';
import { groupByFor, resolveReportScope, type GroupBy, type ReportScope } from './report-scope.ts';

export interface ScopeQuery {
  regionCode?: string;
  schoolId?: number;
  /** the cycle reported on; by default the last finished one */
  cycleId?: string;
}

export async function reportContext(deps: Deps, ctx: ActorCtx, q: ScopeQuery) {
  requirePermission(ctx.actor, 'credit.report');
  const scope = await resolveReportScope(deps.db, ctx.actor, q);
  const { policy } = await activePolicy(deps.db);
  return { scope, basis: cycleBasis(policy, today(), q.cycleId) };
}

const rate = (compliant: number, assessed: number) => (assessed ? Math.round((compliant / assessed) * 10000) / 10000 : null);

function numbers(c: CountRow | undefined, b: CycleBasis) {
  const z = c ?? { teachers: 0, assessed: 0, compliant: 0, completed: 0, stale: 0, unevaluated: 0, byCategory: b.categories.map(() => 0) };
  return {
    teachers: z.teachers,
    assessed: z.assessed,
    compliant: z.compliant,
    completed: z.completed,
    rate: rate(z.compliant, z.assessed),
    completionRate: rate(z.completed, z.assessed),
    byCategory: Object.fromEntries(b.categories.map((cat, i) => [cat.id, z.byCategory[i]!])),
  };
}

function sumCounts(rows: CountRow[]): CountRow {
  const add = (f: (r: CountRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    k: null,
    teachers: add((r) => r.teachers),
    assessed: add((r) => r.assessed),
    compliant: add((r) => r.compliant),
    completed: add((r) => r.completed),
    stale: add((r) => r.stale),
    unevaluated: add((r) => r.unevaluated),
    byCategory: rows[0]!.byCategory.map((_, i) => add((r) => r.byCategory[i]!)),
  };
}

export function describeBasis(scope: ReportScope, b: CycleBasis) {
  return {
    scope: { level: scope.level, code: scope.code, name: scope.name, schoolId: scope.schoolId ?? null },
    policy: { version: b.policyVersion, name: b.policyName, unit: b.unit },
    cycle: b.cycle,
    cycles: b.cycles,
    asOf: b.asOf,
    categories: b.categories,
  };
}

/** Counted live for a school, or added up from the per-school counts for a region (see rollup.ts). */
async function countsFor(deps: Deps, scope: ReportScope, basis: CycleBasis, groupBy: GroupBy | 'all') {
  if (!usesRollup(scope)) return { rows: await complianceCounts(deps.db, scope, basis, groupBy), countedAt: new Date(), refreshing: false };
  return rollupReport(deps.db, scope, basis, groupBy, deps.config.provinceCode, (e) => console.error('学分达标统计重新汇总失败', e));
}

export async function complianceReport(deps: Deps, ctx: ActorCtx, q: ScopeQuery & { groupBy?: GroupBy }) {
  const { scope, basis } = await reportContext(deps, ctx, q);
  const groupBy = groupByFor(scope, q.groupBy);
  const [groups, { rows: counts, countedAt, refreshing }] = await Promise.all([
    groupsOf(deps.db, scope, groupBy),
    countsFor(deps, scope, basis, groupBy),
  ]);
  const byKey = new Map(counts.map((c) => [String(c.k), c]));
  // the groups partition the scope (each teacher has one school, county, city): totals are their sum
  const total = counts.length ? sumCounts(counts) : undefined;
  return {
    ...describeBasis(scope, basis),
    groupBy,
    rows: groups.map((g) => ({
      ...(groupBy === 'school' ? { id: g.key as number, code: g.code } : { code: g.code }),
      name: g.name,
      ...numbers(byKey.get(String(g.key)), basis),
    })),
    totals: numbers(total, basis),
    stale: total?.stale ?? 0,
    unevaluated: total?.unevaluated ?? 0,
    // region reports add up the per-school counts (rollup.ts): when those were made
    countedAt,
    live: !usesRollup(scope),
    refreshing,
  };
}

export function parseFilter(
  b: CycleBasis,
  q: { assessed?: boolean; compliant?: boolean; completed?: boolean; category?: string },
): TeacherFilter {
  if (q.category && !b.categories.some((c) => c.id === q.category)) throw invalid(`学分类型“${q.category}”不在当前学分政策中`);
  if (q.category && q.compliant === undefined)
    throw invalid('按学分类型查看时，请同时指定是否达到该类型的周期要求（compliant=true 或 false）');
  return { assessed: q.assessed, compliant: q.compliant, completed: q.completed, category: q.category };
}

/** One teacher as the lists and the export show them: masked numbers, amounts in the policy's unit. */
export function teacherItem(r: TeacherRow, b: CycleBasis, category?: string) {
  const noCredits = b.noCredits[r.years]!;
  const reason = r.exempt
    ? `人员状态为“${r.personnel_status}”，不纳入考核`
    : r.years === 0
      ? `新任教师，${b.cycle.name}周期内不考核`
      : null;
  return {
    id: r.teacher_id,
    name: r.name,
    idNumber: maskIdNumber(r.id_number),
    phone: maskPhone(r.phone),
    schoolName: r.school_name,
    countyName: r.county_name,
    personnelStatus: r.personnel_status,
    assessed: r.assessed,
    notAssessedReason: reason,
    compliant: r.assessed ? r.compliant : null,
    completed: r.assessed ? r.earned_h >= r.required_h : null,
    earned: r.earned_h / 100,
    required: r.required_h / 100,
    category: category
      ? {
          id: category,
          earned: (r.by_category?.[category] ?? 0) / 100,
          required: (b.thresholds[category]![r.years] ?? 0) / 100,
        }
      : null,
    missing: r.assessed ? (r.unevaluated ? noCredits.missing : (r.missing ?? [])) : [],
    policyVersion: r.policy_version ?? b.policyVersion,
    stale: r.stale,
  };
}

type ListQuery = ScopeQuery & {
  assessed?: boolean;
  compliant?: boolean;
  completed?: boolean;
  category?: string;
  page: number;
  pageSize: number;
};

export async function reportTeachers(deps: Deps, ctx: ActorCtx, q: ListQuery) {
  const { scope, basis } = await reportContext(deps, ctx, q);
  const f = parseFilter(basis, q);
  return teacherPage(deps, scope, basis, f, q.page, q.pageSize);
}

/**
 * How many teachers a filter matches, read off the counts when it is one of the report's numbers:
 * the list then says exactly the number that was clicked, and a province list does not count a
 * million rows again. Other combinations are counted live.
 */
export function totalFromCounts(c: CountRow, f: TeacherFilter, b: CycleBasis): number | undefined {
  const set = (['assessed', 'compliant', 'completed'] as const).filter((k) => f[k] !== undefined);
  if (set.length !== 1) return undefined;
  const [k] = set;
  const yes = f[k!]!;
  if (k === 'assessed') return yes ? c.assessed : c.teachers - c.assessed;
  const met =
    k === 'completed' ? c.completed : f.category ? c.byCategory[b.categories.findIndex((x) => x.id === f.category)]! : c.compliant;
  return yes ? met : c.assessed - met;
}

async function teacherPage(deps: Deps, scope: ReportScope, basis: CycleBasis, f: TeacherFilter, page: number, pageSize: number) {
  const noFilter = f.assessed === undefined && f.compliant === undefined && f.completed === undefined;
  const counted = async () => {
    const all = (await countsFor(deps, scope, basis, 'all')).rows[0];
    if (!all) return 0;
    return noFilter ? all.teachers : (totalFromCounts(all, f, basis) ?? countTeachers(deps.db, scope, basis, f));
  };
  const total = await counted();
  // nobody to list (a rare filter would otherwise scan a whole province to find no one)
  const rows = total > (page - 1) * pageSize ? await listTeachers(deps.db, scope, basis, f, page, pageSize) : [];
  return { ...describeBasis(scope, basis), items: rows.map((r) => teacherItem(r, basis, f.category)), total, page, pageSize };
}

export const ELIGIBILITY_ORDER = ['eligible', 'in_progress', 'ineligible', 'not_assessed'] as const;
type EligibilityStatus = (typeof ELIGIBILITY_ORDER)[number];

/**
 * 定期注册: each teacher judged on their own window (from their latest 注册日期, or the hire date while
 * none is recorded) — 学时已满, 进行中 (the window is running), 学时不足 (it ended short), 不纳入.
 */
export async function eligibility(
  deps: Deps,
  ctx: ActorCtx,
  q: ScopeQuery & { status: EligibilityStatus; page: number; pageSize: number },
) {
  requirePermission(ctx.actor, 'credit.report');
  const scope = await resolveReportScope(deps.db, ctx.actor, q);
  const { policy } = await activePolicy(deps.db);
  const exempt = [...policy.notAssessed.statuses];
  const byStatus = await registrationCounts(deps.db, scope, exempt);
  const counts = Object.fromEntries(ELIGIBILITY_ORDER.map((k) => [k, byStatus[k] ?? 0])) as Record<EligibilityStatus, number>;
  const total = counts[q.status];
  const rows = total > (q.page - 1) * q.pageSize ? await registrationList(deps.db, scope, exempt, q.status, q.page, q.pageSize) : [];
  return {
    scope: { level: scope.level, code: scope.code, name: scope.name, schoolId: scope.schoolId ?? null },
    policy: { version: policy.version, name: policy.name, unit: CREDIT_UNIT_LABELS[policy.unit] },
    asOf: today(),
    rule: policy.registration ?? null,
    status: q.status,
    counts,
    items: rows.map((r) => registrationItem(r, policy.registration?.hours ?? null)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function registrationItem(r: RegistrationRow, ruleHours: number | null) {
  return {
    id: Number(r.teacher_id),
    name: r.name,
    idNumber: maskIdNumber(r.id_number),
    schoolName: r.school_name,
    countyName: r.county_name,
    personnelStatus: r.personnel_status,
    status: r.status,
    anchor: r.status === 'not_assessed' && r.unevaluated ? null : r.anchor,
    startDate: r.start_date,
    endDate: r.end_date,
    hours: Number(r.hours_h) / 100,
    requiredHours: r.required_h === null ? ruleHours : Number(r.required_h) / 100,
    missing:
      r.status === 'not_assessed' && !r.missing?.length
        ? [`人员状态为“${r.personnel_status}”，不参加定期注册`]
        : r.unevaluated
          ? ['还没有学分记录，尚未计算']
          : (r.missing ?? []),
    unevaluated: r.unevaluated,
  };
}

/** Records a 注册日期 on the teacher's record (history kept) and re-judges their window at once. */
export async function recordRegistration(deps: Deps, ctx: ActorCtx, body: { teacherId: number; registeredOn: string; note?: string }) {
  const scope = teacherScope(ctx.actor);
  const t = await teacherPlace(deps.db, body.teacherId);
  const inScope =
    t &&
    !scope.none &&
    (scope.schoolId !== undefined ? t.school_id === scope.schoolId : t.region_code.startsWith(scope.regionPrefix ?? '\u0000'));
  if (!t || !inScope) throw notFound('教师');
  if (
    Number.isNaN(Date.parse(`${body.registeredOn}T00:00:00Z`)) ||
    new Date(`${body.registeredOn}T00:00:00Z`).toISOString().slice(0, 10) !== body.registeredOn
  )
    throw invalid('注册日期不是有效的日期');
  if (body.registeredOn > today()) throw invalid('注册日期不能晚于今天');
  if (body.registeredOn < '1994-01-01') throw invalid('注册日期不能早于 1994 年（《教师法》施行前没有教师资格注册）');
  if (t.hire_date && body.registeredOn < t.hire_date) throw invalid(`注册日期不能早于该教师的入职时间（${t.hire_date}）`);
  const added = await deps.db.transaction().execute(async (trx) => {
    const ok = await insertRegistration(trx, { ...body, note: body.note ?? null, recordedBy: ctx.actor.userId });
    if (ok) {
      await refreshStanding(trx, body.teacherId);
      await recordAudit(trx, ctx, {
        action: 'teacher.registration',
        objectType: 'teacher',
        objectId: body.teacherId,
        detail: { registeredOn: body.registeredOn, note: body.note ?? null },
      });
    }
    return ok;
  });
  const history = await registrationHistory(deps.db, body.teacherId);
  const s = await standingRegistration(deps.db, body.teacherId);
  return {
    teacherId: body.teacherId,
    added,
    history: history.map((h) => ({ registeredOn: h.registered_on, note: h.note })),
    window: {
      status: s?.reg_status ?? 'in_progress',
      startDate: s?.reg_start ?? null,
      endDate: s?.reg_end ?? null,
      hours: (s?.reg_hours_h ?? 0) / 100,
      requiredHours: s?.reg_required_h === null || s?.reg_required_h === undefined ? null : s.reg_required_h / 100,
      missing: (s?.reg_missing as string[] | null) ?? [],
    },
  };
}
