// 学分达标统计: compliance by the next level down, by category, the teachers behind each number,
// and 定期注册 eligibility — all within the viewer's scope (see compliance.repository.ts for what
// each number means).
import { maskIdNumber, maskPhone } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid } from '../../http/errors.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { today } from '../credits/standing.ts';
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
import { rollupReport, usesRollup } from './rollup.ts';
import { groupByFor, resolveReportScope, type GroupBy, type ReportScope } from './report-scope.ts';

export interface ScopeQuery {
  regionCode?: string;
  schoolId?: number;
}

export async function reportContext(deps: Deps, ctx: ActorCtx, q: ScopeQuery) {
  requirePermission(ctx.actor, 'credit.report');
  const scope = await resolveReportScope(deps.db, ctx.actor, q);
  const { policy } = await activePolicy(deps.db);
  return { scope, basis: cycleBasis(policy, today()) };
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

export const ELIGIBILITY = {
  eligible: { assessed: true, compliant: true },
  ineligible: { assessed: true, compliant: false },
  not_assessed: { assessed: false },
} as const;

/** 定期注册: who meets the current cycle's requirements (eligible), who does not, who is not assessed. */
export async function eligibility(
  deps: Deps,
  ctx: ActorCtx,
  q: ScopeQuery & { status: keyof typeof ELIGIBILITY; page: number; pageSize: number },
) {
  const { scope, basis } = await reportContext(deps, ctx, q);
  const {
    rows: [total],
  } = await countsFor(deps, scope, basis, 'all');
  const t = total ?? { teachers: 0, assessed: 0, compliant: 0 };
  const counts = { eligible: t.compliant, ineligible: t.assessed - t.compliant, not_assessed: t.teachers - t.assessed };
  const page = await teacherPage(deps, scope, basis, { ...ELIGIBILITY[q.status] }, q.page, q.pageSize);
  return { ...page, status: q.status, counts };
}
