// Evidence downloads: the teacher who owns the claim, or an admin who may decide it. Anyone else
// with a role that handles claims gets 404 (or 403 for the wrong review level), never the bytes.
import { can } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { safeFileName } from '../../files/file-name.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { claimForReviewer } from './claim-review.service.ts';
import { materializeDemoEvidence } from '../../demo/credit-claims.ts';
import { claimFile, findClaim } from './credit-claims.repository.ts';
import { evidencePath } from './evidence.ts';

export async function evidenceFile(deps: Deps, ctx: ActorCtx, claimId: number, fileId: number) {
  const actor = ctx.actor;
  if (can(actor, 'credit.self')) {
    if (!(await findClaim(deps.db, { scope: {}, teacherId: actor.userId, id: claimId }))) throw notFound('学分申报');
  } else if (can(actor, 'credit.claimReview')) {
    await claimForReviewer(deps.db, actor, claimId);
  } else {
    throw forbidden();
  }
  const f = await claimFile(deps.db, claimId, fileId);
  const file = f && (evidencePath(deps.config, f.stored_name) ?? (await materializeDemoEvidence(deps, f.stored_name, f.file_name)));
  if (!f || !file) throw notFound('证明材料');
  const ext = f.stored_name.split('.').pop()!;
  // cleaned again on the way out: rows stored before names were made safe may still carry bidi characters
  return { path: file, mime: f.mime, fileName: safeFileName(f.file_name, ext, '证明材料'), ext };
}
