// 名额分配: the organiser's node holds a project's quota and each admin splits their own row to the
// next level down (province → cities → counties → schools). A grant sets the child's quota; raising
// it takes places from the parent's free part with a conditional UPDATE, lowering it is allowed down
// to what the child has already granted further or used. Parent row first, then child: every
// transaction locks quota rows top-down, so concurrent grants and selections cannot deadlock.
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { childNodes, findRegion, nodeOf, regionFullName, schoolOf, type AdminNode } from '../org/org.ts';
import { isChildHolder } from './levels.ts';
import {
  grantBelow,
  insertChildQuota,
  quotaCounters,
  quotaRowsOf,
  quotaRowsOfHolders,
  setChildQuota,
  ungrantBelow,
  type QuotaRow,
} from './quotas.repository.ts';
import { visibleProjectOr404 } from './projects.service.ts';
import type { ProjectRow } from './projects.repository.ts';

const rowView = (r: QuotaRow) => ({
  id: r.id,
  holder: r.holder,
  holderName: r.holder_name,
  parentId: r.parent_id,
  quota: r.quota,
  grantedBelow: r.granted_below,
  used: r.used,
  free: r.quota - r.granted_below - r.used,
});

/** Does a region node lie inside the project's targets (or contain one of them)? */
function concerns(p: ProjectRow, regionCode: string) {
  const targets = p.target_region_codes.length ? p.target_region_codes : p.organiser_region_code ? [p.organiser_region_code] : [];
  return targets.some((t) => regionCode.startsWith(t) || t.startsWith(regionCode));
}

export async function listQuotas(deps: Deps, ctx: ActorCtx, projectId: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, projectId);
  const rows = await quotaRowsOf(deps.db, projectId);
  const mine = rows.find((r) => r.holder === node.holder);
  if (!mine) {
    // no row of my own (e.g. the province looking at a city's project): the rows within my area
    const inArea = rows.filter(
      (r) => (r.holder.startsWith('school:') ? false : r.holder.startsWith(node.regionCode)) || r.holder === node.holder,
    );
    return { mine: null, children: [], rows: inArea.slice(0, 500).map(rowView), status: p.status };
  }
  const children = await childNodes(deps.db, node.holder);
  const byHolder = new Map(rows.filter((r) => r.parent_id === mine.id).map((r) => [r.holder, r]));
  return {
    mine: rowView(mine),
    children: children
      .filter((c) => byHolder.has(c.holder) || c.holder.startsWith('school:') || concerns(p, c.holder))
      .map((c) => {
        const r = byHolder.get(c.holder);
        return r
          ? { ...rowView(r), holderName: c.name }
          : { id: null, holder: c.holder, holderName: c.name, parentId: mine.id, quota: 0, grantedBelow: 0, used: 0, free: 0 };
      }),
    rows: [],
    status: p.status,
  };
}

/** Resolves a child holder key to a node under `parent`, or explains why it is not one. */
async function childOf(db: Executor, parent: AdminNode, holder: string, p: ProjectRow) {
  if (parent.level === 'school') throw forbidden('学校是最末一级，不能再向下分配名额');
  const m = /^school:(\d+)$/.exec(holder);
  if (m) {
    const s = await schoolOf(db, Number(m[1]));
    if (!s || !isChildHolder(parent.holder, { holder, regionCode: s.region_code, isSchool: true })) {
      throw invalid('只能把名额分配给下一级单位（本区县的学校）', { holder: '不是下一级单位' });
    }
    return { holder, name: s.name };
  }
  const r = await findRegion(db, holder);
  if (!r || !isChildHolder(parent.holder, { holder, regionCode: holder, isSchool: false })) {
    throw invalid(parent.level === 'county' ? '区县只能把名额分配给本区县的学校' : '只能把名额分配给下一级行政区划', {
      holder: '不是下一级单位',
    });
  }
  if (!concerns(p, holder)) throw invalid('该地区不在项目面向的范围内', { holder: '不在面向地区' });
  return { holder, name: await regionFullName(db, holder) };
}

export async function grantQuota(deps: Deps, ctx: ActorCtx, projectId: number, body: { holder: string; quota: number }) {
  const { actor } = ctx;
  requirePermission(actor, 'project.plan');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, projectId);
  const child = await childOf(deps.db, node, body.holder, p);
  if (p.status !== 'published') throw conflict(p.status === 'draft' ? '项目尚未发布，发布后才能分配名额' : '项目已关闭，不能再分配名额');
  const result = await deps.db.transaction().execute(async (trx) => {
    const rows = await quotaRowsOfHolders(trx, projectId, [node.holder, child.holder]);
    const mine = rows.find((r) => r.holder === node.holder);
    if (!mine) throw conflict('本单位在该项目中没有名额，无法向下分配');
    const old = rows.find((r) => r.holder === child.holder);
    if (old && old.parent_id !== mine.id) throw conflict('该单位的名额不是由本单位分配的');
    const from = old?.quota ?? 0;
    const delta = body.quota - from;
    const short = (r: { quota: number; granted_below: number; used: number } | undefined) =>
      conflict(
        `名额不足：本单位剩余 ${r ? r.quota - r.granted_below - r.used : mine.quota - mine.granted_below - mine.used} 个，无法再分配 ${delta} 个`,
        'QUOTA_EXCEEDED',
      );
    const stale = () => conflict('该单位的名额刚被其他管理员修改，请刷新后重试', 'STALE');
    if (delta > 0) {
      if (!(await grantBelow(trx, mine.id, delta))) {
        throw short(await quotaCounters(trx, mine.id));
      }
      if (old) {
        if (!(await setChildQuota(trx, old.id, from, body.quota))) throw stale();
      } else {
        const done = await insertChildQuota(trx, {
          projectId,
          holder: child.holder,
          holderName: child.name,
          parentId: mine.id,
          quota: body.quota,
        });
        if (!done) throw stale();
      }
    } else if (delta < 0) {
      await ungrantBelow(trx, mine.id, -delta); // parent first: the same lock order as a raise
      const done = await setChildQuota(trx, old!.id, from, body.quota);
      if (!done) {
        const now = (await quotaCounters(trx, old!.id))!;
        if (now.quota !== from) throw stale();
        throw conflict(`不能少于该单位已分配和已使用的 ${now.granted_below + now.used} 个名额`, 'QUOTA_IN_USE');
      }
    } else if (!old) {
      throw invalid('请填写大于 0 的名额', { quota: '名额须大于 0' });
    }
    await recordAudit(trx, ctx, {
      action: 'project.quota.grant',
      objectType: 'project',
      objectId: projectId,
      detail: { holder: child.holder, from, to: body.quota },
    });
    return { holder: child.holder, holderName: child.name, from, to: body.quota };
  });
  return { grant: result, ...(await listQuotas(deps, ctx, projectId)) };
}
