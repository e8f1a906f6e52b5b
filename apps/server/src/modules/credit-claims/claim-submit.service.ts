// The teacher's side of 学分申报: the conversion table, claiming with evidence, my claims, withdrawing.
import { formatHundredths, type CreditClaimType } from '@shixun/domain';
import { can, requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { today } from '../credits/standing.ts';
import { claimableYear, claimAmountH, claimTypesView, toH, unitLabel } from './claim-types.ts';
import {
  claimedThisYear,
  claimStatus,
  filesOf,
  findClaim,
  insertClaim,
  insertClaimFiles,
  isTeacher,
  listClaims,
  lockTeacherClaims,
  withdrawOwnClaim,
} from './credit-claims.repository.ts';
import { claimView } from './credit-claims.view.ts';
import { MAX_EVIDENCE_FILES, checkEvidence, evidenceMaxBytes, removeEvidence, writeEvidence, type EvidenceUpload } from './evidence.ts';

export interface ClaimInput {
  claimType: string;
  year: number;
  title: string;
  quantity: number;
  description?: string;
}

const thisYear = () => Number(today().slice(0, 4));

/** Teachers fill the form from it; reviewers read it beside a claim. */
export async function listClaimTypes(deps: Deps, ctx: ActorCtx) {
  const actor = ctx.actor;
  if (!can(actor, 'credit.self') && !can(actor, 'credit.claimReview')) throw forbidden();
  const { version, policy } = await activePolicy(deps.db);
  return {
    policyVersion: version,
    policyName: policy.name,
    ...claimTypesView(policy, thisYear()),
    evidenceLimits: { maxFiles: MAX_EVIDENCE_FILES, maxBytes: evidenceMaxBytes(deps.config), types: ['PDF', 'JPG', 'PNG'] },
  };
}

function overCapMessage(t: CreditClaimType, unit: string, year: number, usedH: number, amountH: number) {
  const capH = toH(t.maxPerYear!);
  const left = Math.max(0, capH - usedH);
  return (
    `“${t.name}”每年最多认定 ${formatHundredths(capH)} ${unit}，您 ${year} 年已申报 ${formatHundredths(usedH)} ${unit}（含待审核），` +
    `本次折算 ${formatHundredths(amountH)} ${unit}，超出了上限；` +
    (left > 0 ? `本年度最多还能申报 ${formatHundredths(left)} ${unit}` : '本年度该类型已无可申报额度')
  );
}

/** Evidence a 重新申报 keeps from the returned claim: the same stored files, listed again. */
export interface ReusedEvidence {
  fileName: string;
  storedName: string;
  mime: string;
  size: number;
}

export interface Resubmission {
  /** the returned claim answered */
  of: number;
  files: ReusedEvidence[];
  /** run inside the transaction, under the teacher's lock: throws when the claim may no longer be answered */
  recheck(trx: Executor): Promise<void>;
}

export function submitClaim(deps: Deps, ctx: ActorCtx, input: ClaimInput, uploads: EvidenceUpload[]) {
  return fileClaim(deps, ctx, { input, uploads });
}

export async function fileClaim(
  deps: Deps,
  ctx: ActorCtx,
  o: { input: ClaimInput; uploads: EvidenceUpload[]; resubmission?: Resubmission },
) {
  const { input, uploads, resubmission } = o;
  const actor = ctx.actor;
  requirePermission(actor, 'credit.self');
  const { version, policy } = await activePolicy(deps.db);
  const type = policy.claimTypes.find((t) => t.id === input.claimType);
  if (!type) throw invalid('申报类型不在当前学分政策的折算表中，请重新选择', { claimType: '请选择申报类型' });
  if (!claimableYear(policy, input.year, thisYear())) {
    const msg = input.year > thisYear() ? '不能申报未来年度的学分' : `${input.year} 年不在学分政策的培训周期内`;
    throw invalid(msg, { year: msg });
  }
  const quantityH = toH(input.quantity);
  const amountH = claimAmountH(quantityH, type.amount);
  if (amountH <= 0) throw invalid('折算后的学分为 0，无法申报', { quantity: '数量太小' });
  const reused = resubmission?.files ?? [];
  const files = await checkEvidence(deps.config, uploads, reused.length);
  if (!(await isTeacher(deps.db, actor.userId))) throw notFound('教师');

  let stored: string[] = [];
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      await lockTeacherClaims(trx, actor.userId);
      await resubmission?.recheck(trx);
      if (type.maxPerYear !== undefined) {
        const used = await claimedThisYear(trx, actor.userId, type.id, input.year);
        if (used + amountH > toH(type.maxPerYear)) {
          throw invalid(overCapMessage(type, unitLabel(policy), input.year, used, amountH), { quantity: '超出每年上限' });
        }
      }
      const claimId = await insertClaim(trx, {
        teacher_id: actor.userId,
        claim_type: type.id,
        claim_type_name: type.name,
        title: input.title,
        year: input.year,
        category: type.category,
        form: type.form,
        quantity_h: quantityH,
        unit_amount_h: toH(type.amount),
        amount_h: amountH,
        description: input.description || null,
        review_level: type.reviewLevel,
        policy_version: version,
        resubmit_of: resubmission?.of ?? null,
      });
      stored = writeEvidence(deps.config, actor.userId, files);
      await insertClaimFiles(trx, claimId, [
        ...reused,
        ...files.map((f, i) => ({ fileName: f.fileName, storedName: stored[i]!, mime: f.mime, size: f.data.length })),
      ]);
      await recordAudit(trx, ctx, {
        action: resubmission ? 'creditClaim.resubmit' : 'creditClaim.submit',
        objectType: 'creditClaim',
        objectId: claimId,
        detail: {
          claimType: type.id,
          year: input.year,
          amount: amountH / 100,
          files: files.length + reused.length,
          reviewLevel: type.reviewLevel,
          ...(resubmission ? { resubmitOf: resubmission.of, reusedFiles: reused.length } : {}),
        },
      });
      return claimId;
    });
    return ownClaim(deps, actor.userId, id);
  } catch (e) {
    removeEvidence(deps.config, stored);
    throw e;
  }
}

export async function ownClaim(deps: Deps, teacherId: number, id: number) {
  const row = await findClaim(deps.db, { scope: {}, teacherId, id });
  if (!row) throw notFound('学分申报');
  const { policy } = await activePolicy(deps.db);
  return claimView(row, await filesOf(deps.db, [id]), policy);
}

export async function myClaims(deps: Deps, ctx: ActorCtx) {
  const actor = ctx.actor;
  requirePermission(actor, 'credit.self');
  const { policy } = await activePolicy(deps.db);
  const { items } = await listClaims(deps.db, { scope: {}, teacherId: actor.userId });
  const files = await filesOf(
    deps.db,
    items.map((r) => r.id),
  );
  return { unitLabel: unitLabel(policy), items: items.map((r) => claimView(r, files, policy)) };
}

/** Only the teacher's own pending claim; racing a reviewer, the conditional UPDATE picks one winner. */
export async function withdrawClaim(deps: Deps, ctx: ActorCtx, id: number) {
  const actor = ctx.actor;
  requirePermission(actor, 'credit.self');
  await deps.db.transaction().execute(async (trx) => {
    const done = await withdrawOwnClaim(trx, id, actor.userId);
    if (!done) {
      const cur = await claimStatus(trx, id);
      if (!cur || cur.teacher_id !== actor.userId) throw notFound('学分申报');
      throw conflict(cur.status === 'withdrawn' ? '该申报已经撤回' : '该申报已审核，不能撤回', 'CLAIM_DECIDED');
    }
    await recordAudit(trx, ctx, {
      action: 'creditClaim.withdraw',
      objectType: 'creditClaim',
      objectId: id,
      detail: { teacherId: actor.userId },
    });
  });
  return ownClaim(deps, actor.userId, id);
}
