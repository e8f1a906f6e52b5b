// An admin's view of one teacher's credits, and the two corrections: 冲销 (a reversing entry) and
// 调整 (an adjustment entry). Entries are never edited; both write through the ledger and are audited.
import { can, requirePermission, teacherScope, type Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AdjustmentInput } from './credits.schema.ts';
import { entryInScope, summaryAmount, teacherEntries, teacherInScope, unitName } from './entries.repository.ts';
import { postCreditEntry, reverseCreditEntry } from './ledger.ts';
import { creditsOf } from './my-credits.service.ts';
import { activePolicy } from './policy.store.ts';
import { adjustmentAmountError, adminLevel, categoryError, LEVEL_NAMES, mayCorrect, yearError } from './rules.ts';
import { today } from './standing.ts';
import { entryView } from './view.ts';

async function teacherOr404(db: Executor, actor: Actor, id: number) {
  const t = await teacherInScope(db, teacherScope(actor), id);
  if (!t) throw notFound('教师');
  return t;
}

async function certifierOf(db: Executor, actor: Actor) {
  return { id: actor.userId, name: actor.name, unit: await unitName(db, actor.scope) };
}

export async function teacherCredits(deps: Deps, ctx: ActorCtx, id: number) {
  const actor = ctx.actor;
  requirePermission(actor, 'credit.read');
  const t = await teacherOr404(deps.db, actor, id);
  const { policy, evaluation } = await creditsOf(deps.db, id);
  const { policy: doc } = await activePolicy(deps.db);
  const adjust = can(actor, 'credit.adjust');
  const entries = (await teacherEntries(deps.db, id)).map((r) => ({
    ...entryView(doc, r),
    reversible: adjust && r.reversal_of === null && r.reversed_by_id === null && mayCorrect(actor, r.level),
  }));
  return {
    teacher: { id: t.id, name: t.name, schoolName: t.school_name },
    policy,
    evaluation,
    entries,
    abilities: { adjust, level: adminLevel(actor) },
  };
}

export async function reverseEntry(deps: Deps, ctx: ActorCtx, entryId: number, reason: string) {
  const actor = ctx.actor;
  requirePermission(actor, 'credit.adjust');
  return deps.db.transaction().execute(async (trx) => {
    const e = await entryInScope(trx, teacherScope(actor), entryId);
    if (!e) throw notFound('学分记录');
    if (e.reversal_of !== null) throw invalid('冲销记录本身不能再冲销；如需恢复，请作学分调整');
    if (!mayCorrect(actor, e.level))
      throw forbidden(`该学分由${LEVEL_NAMES[e.level]}认定，请由${LEVEL_NAMES[e.level]}或更高一级管理员冲销`);
    // two admins at once: the ledger's one-reversal-per-entry index lets exactly one win (409 for the other)
    const r = await reverseCreditEntry(trx, ctx, entryId, reason, await certifierOf(trx, actor));
    return { id: r.id, reversalOf: entryId };
  });
}

export async function adjustCredits(deps: Deps, ctx: ActorCtx, teacherId: number, input: AdjustmentInput) {
  const actor = ctx.actor;
  requirePermission(actor, 'credit.adjust');
  const level = adminLevel(actor);
  if (!level) throw forbidden();
  await teacherOr404(deps.db, actor, teacherId);
  const { policy } = await activePolicy(deps.db);
  const day = today();
  const error = yearError(policy, input.year, day) ?? categoryError(policy, input.category) ?? adjustmentAmountError(input.amount);
  if (error) throw invalid(error);
  return deps.db.transaction().execute(async (trx) => {
    const have = await summaryAmount(trx, teacherId, input.year, input.category);
    if (have + Math.round(input.amount * 100) < 0) {
      const name = policy.categories.find((c) => c.id === input.category)!.name;
      throw invalid(`${input.year} 年${name}现有 ${have / 100} 学分，调减后将为负数；请先核对，或冲销对应的学分记录`);
    }
    const posted = await postCreditEntry(trx, ctx, {
      teacherId,
      date: day,
      year: input.year,
      category: input.category,
      form: input.form,
      amount: input.amount,
      title: input.title,
      source: 'adjustment',
      level,
      certifier: await certifierOf(trx, actor),
      reason: input.reason,
    });
    await recordAudit(trx, ctx, {
      action: 'credit.adjust',
      objectType: 'teacher',
      objectId: teacherId,
      detail: {
        entryId: posted.id,
        year: input.year,
        category: input.category,
        form: input.form,
        amount: input.amount,
        reason: input.reason,
      },
    });
    return { id: posted.id };
  });
}
