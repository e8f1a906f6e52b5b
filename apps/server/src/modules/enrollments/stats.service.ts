// A project's figures per stage (名额, 报名, 审核中, 审核通过, 已分配, 已签到, 合格, 不合格), broken down by
// the next level under the viewer (province → cities, city → counties, county → schools), counting
// only teachers in the viewer's scope.
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { namesOfHolders, nodeOf } from '../org/org.ts';
import { visibleProjectOr404 } from '../projects/projects.service.ts';
import { quotaRowsOf } from '../projects/quotas.repository.ts';
import { stageCounts } from './stats.repository.ts';

export async function projectStats(deps: Deps, { actor }: ActorCtx, projectId: number) {
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  await visibleProjectOr404(deps.db, node, projectId);
  const rows = await stageCounts(deps.db, teacherScope(actor), projectId, node.level);
  const quotas = await quotaRowsOf(deps.db, projectId);
  const holderOf = new Map(quotas.map((q) => [q.id, q.holder]));
  const under = quotas.filter((q) => isUnder(q.holder, q.parent_id ? (holderOf.get(q.parent_id) ?? null) : null, node));
  const holders = new Set([...rows.map((r) => r.holder), ...under.map((q) => q.holder)]);
  const names = await namesOfHolders(deps.db, [...holders]);
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
