// A project's figures per stage (名额, 报名, 审核中, 审核通过, 已分配, 已签到, 合格, 不合格), broken down by
// the next level under the viewer (province → cities, city → counties, county → schools), counting
// only teachers in the viewer's scope.
import { sql } from 'kysely';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps, RequestCtx } from '../../context.ts';
import { enrollmentsInScope } from '../enrollments/enrollments.repository.ts';
import { schoolHolder } from './levels.ts';
import { nodeOf, visibleProjectOr404 } from './projects.service.ts';
import { quotaRowsOf } from './quotas.repository.ts';

const n = (s: string) => sql<number>`count(*) filter (where ${sql.raw(s)})`;

export async function projectStats(deps: Deps, ctx: RequestCtx, projectId: number) {
  const actor = ctx.actor!;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  await visibleProjectOr404(deps.db, node, projectId);
  const byRegion = node.level === 'province' || node.level === 'city';
  const key =
    node.level === 'province'
      ? sql<string>`substr(t.region_code, 1, 4)`
      : byRegion
        ? sql<string>`t.region_code`
        : sql<string>`'school:' || t.school_id`;
  const rows = await enrollmentsInScope(deps.db, teacherScope(actor))
    .where('e.project_id', '=', projectId)
    .select([
      key.as('holder'),
      n(`e.status <> 'withdrawn'`).as('enrolled'),
      n(`e.origin = 'applied'`).as('applied'),
      n(`e.status = 'reviewing'`).as('reviewing'),
      n(`e.status = 'returned'`).as('returned'),
      n(`e.status in ('approved', 'assigned')`).as('approved'),
      n(`e.status = 'assigned'`).as('assigned'),
      n(`exists (select 1 from checkins ck where ck.enrollment_id = e.id)`).as('checkedIn'),
      n(`e.result = 'passed'`).as('passed'),
      n(`e.result = 'failed'`).as('failed'),
    ])
    .groupBy(key)
    .execute();
  const quotas = await quotaRowsOf(deps.db, projectId);
  const holderOf = new Map(quotas.map((q) => [q.id, q.holder]));
  const under = quotas.filter((q) => isUnder(q.holder, q.parent_id ? (holderOf.get(q.parent_id) ?? null) : null, node));
  const holders = new Set([...rows.map((r) => r.holder), ...under.map((q) => q.holder)]);
  const names = await namesOfHolders(deps, [...holders]);
  const figures = (h: string) => {
    const r = rows.find((x) => x.holder === h);
    const q = quotas.find((x) => x.holder === h);
    return {
      holder: h,
      name: names.get(h) ?? h,
      quota: q?.quota ?? null,
      enrolled: Number(r?.enrolled ?? 0),
      applied: Number(r?.applied ?? 0),
      reviewing: Number(r?.reviewing ?? 0),
      returned: Number(r?.returned ?? 0),
      approved: Number(r?.approved ?? 0),
      assigned: Number(r?.assigned ?? 0),
      checkedIn: Number(r?.checkedIn ?? 0),
      passed: Number(r?.passed ?? 0),
      failed: Number(r?.failed ?? 0),
    };
  };
  const items = [...holders].sort().map(figures);
  const sum = (k: keyof ReturnType<typeof figures>) => items.reduce((a, x) => a + (Number(x[k]) || 0), 0);
  const mine = quotas.find((q) => q.holder === node.holder);
  return {
    groupLabel: node.level === 'province' ? '市' : node.level === 'city' ? '区县' : '学校',
    items,
    total: {
      holder: node.holder,
      name: `合计（${node.name}）`,
      quota: mine?.quota ?? null,
      enrolled: sum('enrolled'),
      applied: sum('applied'),
      reviewing: sum('reviewing'),
      returned: sum('returned'),
      approved: sum('approved'),
      assigned: sum('assigned'),
      checkedIn: sum('checkedIn'),
      passed: sum('passed'),
      failed: sum('failed'),
    },
  };
}

/** A quota row one level under the viewer (the same grouping as the counts). */
function isUnder(holder: string, parent: string | null, node: { level: string; holder: string; regionCode: string }) {
  if (node.level === 'school') return holder === node.holder;
  if (node.level === 'county') return holder.startsWith('school:') && parent === node.holder;
  return !holder.startsWith('school:') && holder.length === node.regionCode.length + 2 && holder.startsWith(node.regionCode);
}

async function namesOfHolders(deps: Deps, holders: string[]) {
  const schoolIds = holders.filter((h) => h.startsWith('school:')).map((h) => Number(h.slice(7)));
  const codes = holders.filter((h) => !h.startsWith('school:'));
  const [schools, regions] = await Promise.all([
    schoolIds.length ? deps.db.selectFrom('schools').select(['id', 'name']).where('id', 'in', schoolIds).execute() : [],
    codes.length ? deps.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute() : [],
  ]);
  return new Map<string, string>([
    ...schools.map((s) => [schoolHolder(s.id), s.name] as [string, string]),
    ...regions.map((r) => [r.code, r.name] as [string, string]),
  ]);
}
