// 学分政策: the province admin reads the versions, checks and previews a draft, and publishes it
// as a new version. Publishing adds a row and moves the "active" flag in one transaction; it never
// rewrites an entry or an old version. Standings are then recomputed in the background.
import { parseCreditPolicy, type CreditPolicy } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import {
  deactivatePolicy,
  insertActivePolicy,
  lockActivePolicy,
  maxPolicyVersion,
  policyVersionRow,
  policyVersionRows,
} from '../credits/policies.repository.ts';
import { enqueueRecompute, requestRecompute } from './recompute.ts';
import { wakeJobRunners } from '../jobs/jobs.service.ts';

export async function listPolicyVersions(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'credit.policy');
  const rows = await policyVersionRows(deps.db);
  return {
    items: rows.map((r) => ({
      version: r.version,
      policyId: r.policy_id,
      name: r.name,
      active: r.active,
      createdBy: r.created_by_name ?? '系统初始化',
      createdAt: r.created_at,
    })),
  };
}

export async function policyVersion(deps: Deps, ctx: ActorCtx, version?: number) {
  requirePermission(ctx.actor, 'credit.policy');
  const row = await policyVersionRow(deps.db, version);
  if (!row) throw notFound('学分政策版本');
  // jsonb keeps keys in its own order; the parsed policy reads in the schema's order (id, version, name …)
  const parsed = parseCreditPolicy(row.document);
  return {
    version: row.version,
    policyId: row.policy_id,
    active: row.active,
    createdAt: row.created_at,
    document: (parsed.ok ? parsed.policy : row.document) as Record<string, unknown>,
  };
}

export type ValidationResult = { valid: true; policy: CreditPolicy } | { valid: false; errors: string[] };

/** The draft as the engine will read it; its own version number is ignored (publishing assigns one). */
export function validateDraft(document: unknown): ValidationResult {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { valid: false, errors: ['政策：应为一个 JSON 对象'] };
  }
  const r = parseCreditPolicy({ ...(document as Record<string, unknown>), version: 1 });
  return r.ok ? { valid: true, policy: r.policy } : { valid: false, errors: r.errors };
}

export function checkDraft(deps: Deps, ctx: ActorCtx, document: unknown) {
  requirePermission(ctx.actor, 'credit.policy');
  const r = validateDraft(document);
  return r.valid ? { valid: true, errors: [] as string[] } : { valid: false, errors: r.errors };
}

/** JSON with sorted keys: a stored document comes back from jsonb with its keys reordered. */
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
const withoutVersion = (p: CreditPolicy) => canonical({ ...p, version: 0 });

export async function publishPolicy(deps: Deps, ctx: ActorCtx, document: unknown, baseVersion?: number) {
  requirePermission(ctx.actor, 'credit.policy');
  const r = validateDraft(document);
  if (!r.valid)
    throw invalid(`学分政策有 ${r.errors.length} 处错误，未发布：${r.errors.slice(0, 5).join('；')}`, { document: r.errors.join('\n') });
  const published = await deps.db.transaction().execute(async (trx) => {
    // the active row is locked: a second publisher waits, then finds it inactive and gets 409
    const current = await lockActivePolicy(trx);
    if (!current) throw conflict('学分政策已被他人更新，请刷新后再编辑');
    if (baseVersion !== undefined && current.version !== baseVersion) {
      throw conflict(`学分政策已被他人更新为第 ${current.version} 版，请刷新后在新版本上编辑`);
    }
    const { policy: active } = await activePolicy(trx);
    if (withoutVersion(active) === withoutVersion(r.policy)) throw invalid('草稿与当前生效的政策完全相同，无需发布');
    const version = (await maxPolicyVersion(trx)) + 1;
    if (!(await deactivatePolicy(trx, current.id))) throw conflict('学分政策已被他人更新，请刷新后再编辑');
    await insertActivePolicy(trx, {
      policyId: r.policy.id,
      version,
      document: JSON.stringify({ ...r.policy, version }),
      createdBy: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, {
      action: 'credit.policy.publish',
      objectType: 'credit_policy',
      objectId: version,
      detail: { version, previousVersion: current.version, policyId: r.policy.id, name: r.policy.name },
    });
    // the recompute job commits with the version it recomputes under (a durable job: see recompute.ts)
    const recompute = await enqueueRecompute(trx, { trigger: 'publish', version }, ctx.actor.userId);
    return { version, previousVersion: current.version, recompute };
  });
  wakeJobRunners();
  return published;
}

export async function recomputeNow(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'credit.policy');
  return requestRecompute(deps.db, ctx);
}
