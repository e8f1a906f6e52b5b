// What the project form chooses from: types and sub-types, institutions, the levels this admin
// plans at, the active credit policy's categories and unit, and the profile's 学段 / 学科 lists.
import { ROLE_LABELS } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { LEVEL_LABELS, LEVELS_OF_ROLE, MODE_LABELS } from './levels.ts';
import { nodeOf } from '../org/org.ts';
import { listInstitutions, listProjectTypes } from './projects.repository.ts';
import { projects } from '@shixun/contracts';

export async function projectTypes(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'project.read');
  const rows = await listProjectTypes(deps.db);
  return {
    items: rows
      .filter((r) => r.parent_id === null)
      .map((t) => ({
        id: t.id,
        name: t.name,
        children: rows.filter((c) => c.parent_id === t.id).map((c) => ({ id: c.id, name: c.name })),
      })),
  };
}

export async function institutions(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'project.read');
  return { items: await listInstitutions(deps.db) };
}

export async function formOptions(deps: Deps, ctx: ActorCtx) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  const { policy } = await activePolicy(deps.db);
  return {
    levels: (LEVELS_OF_ROLE[actor.role] ?? []).map((l) => ({ value: l, label: LEVEL_LABELS[l] })),
    modes: Object.entries(MODE_LABELS).map(([value, label]) => ({ value, label })),
    categories: policy.categories.map((c) => ({ id: c.id, name: c.name })),
    unit: policy.unit,
    unitLabel: policy.unit === 'hour' ? '学时' : '学分',
    stages: [...projects.STAGES],
    subjects: [...projects.SUBJECTS],
    node: { level: node.level, holder: node.holder, name: node.name, regionCode: node.regionCode, roleLabel: ROLE_LABELS[actor.role] },
  };
}
