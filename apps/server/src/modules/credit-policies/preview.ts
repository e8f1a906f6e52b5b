// 预览影响: the same teachers evaluated under the active policy and under the draft, side by side.
// Up to PREVIEW_ALL_UP_TO teachers are all evaluated; above that a repeatable random sample of
// PREVIEW_SAMPLE teachers is, and the answer says so (a province has a million teachers; reading
// all their ledgers for a preview would take minutes). Nothing is written.
import type { creditPolicies } from '@shixun/contracts';
import type { CreditEvaluation, CreditPolicy } from '@shixun/domain';
import type { z } from 'zod';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { today } from '../credits/standing.ts';
import { evaluate, loadFacts } from './batch.ts';
import { allStaffIds, countStaff, sampleStaffIds } from './credit-policies.repository.ts';
import { validateDraft } from './credit-policies.service.ts';

export const PREVIEW_ALL_UP_TO = 5000;
export const PREVIEW_SAMPLE = 2000;
const BATCH = 1000;

type Tally = z.output<typeof creditPolicies.tally>;

function newTally(policy: CreditPolicy, version: number | null): Tally {
  return {
    version,
    name: policy.name,
    cycle: '',
    assessed: 0,
    compliant: 0,
    completed: 0,
    rate: null,
    byCategory: policy.categories.map((c) => ({ id: c.id, name: c.name, met: 0 })),
  };
}

/** How a report reads one evaluation: the same rules as credit-reports/compliance.repository.ts. */
export function standingOf(ev: CreditEvaluation) {
  // a rolling-window policy has no cycle for a teacher without 注册日期 and hire date: not assessed
  const found = ev.cycles.find((c) => c.id === ev.currentCycleId);
  const cycle = found ?? {
    name: '无注册周期',
    startYear: 0,
    endYear: 0,
    assessedYears: 0,
    total: ev.total,
    categories: {} as Record<string, never>,
  };
  const assessed = ev.assessed && cycle.assessedYears > 0;
  return { cycle, assessed, compliant: assessed && ev.compliant, completed: assessed && cycle.total.counted >= cycle.total.required };
}

function add(t: Tally, ev: CreditEvaluation) {
  const s = standingOf(ev);
  t.cycle = `${s.cycle.name}（${s.cycle.startYear}–${s.cycle.endYear}）`;
  if (!s.assessed) return s;
  t.assessed++;
  if (s.compliant) t.compliant++;
  if (s.completed) t.completed++;
  for (const c of t.byCategory) {
    const cell = s.cycle.categories[c.id];
    if (cell && Math.round(cell.counted * 100) >= Math.round(cell.required * 100)) c.met++;
  }
  return s;
}

async function teachersToEvaluate(deps: Deps) {
  const population = await countStaff(deps.db);
  if (population <= PREVIEW_ALL_UP_TO) return { population, ids: await allStaffIds(deps.db), sampled: false };
  const percent = Math.min(100, ((PREVIEW_SAMPLE * 1.2) / population) * 100);
  return { population, ids: await sampleStaffIds(deps.db, percent, PREVIEW_SAMPLE), sampled: true };
}

export async function previewDraft(deps: Deps, ctx: ActorCtx, document: unknown) {
  requirePermission(ctx.actor, 'credit.policy');
  const r = validateDraft(document);
  if (!r.valid) return { valid: false as const, errors: r.errors };
  const active = await activePolicy(deps.db);
  const { population, ids, sampled } = await teachersToEvaluate(deps);
  const asOf = today();
  const now = newTally(active.policy, active.version);
  const draft = newTally(r.policy, null);
  let becameCompliant = 0,
    becameNonCompliant = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    for (const f of await loadFacts(deps.db, ids.slice(i, i + BATCH))) {
      const a = add(now, evaluate(active.policy, f, asOf));
      const b = add(draft, evaluate(r.policy, f, asOf));
      if (b.compliant && !a.compliant) becameCompliant++;
      if (a.compliant && !b.compliant) becameNonCompliant++;
    }
    await new Promise((res) => setImmediate(res));
  }
  for (const t of [now, draft]) t.rate = t.assessed ? t.compliant / t.assessed : null;
  return {
    valid: true as const,
    errors: [] as string[],
    asOf,
    population,
    evaluated: ids.length,
    sampled,
    current: now,
    draft,
    becameCompliant,
    becameNonCompliant,
  };
}
