// 重新申报: a teacher answers a returned (未通过) claim with a new one. The reviewer's note stays on
// the returned claim and is shown beside the new one; the evidence already uploaded is reused (the
// same stored files, listed again) and more may be added. A returned claim is answered once: the
// check runs under the teacher's lock inside the filing transaction (and resubmit_of is UNIQUE).
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { fileClaim, type ClaimInput } from './claim-submit.service.ts';
import { claimStatus, filesOf, findClaim, resubmissionOf } from './credit-claims.repository.ts';
import type { EvidenceUpload } from './evidence.ts';

async function mayAnswer(db: Executor, teacherId: number, id: number) {
  const cur = await claimStatus(db, id);
  if (!cur || cur.teacher_id !== teacherId) throw notFound('学分申报');
  if (cur.status !== 'rejected') throw conflict('只有被退回的申报可以重新申报', 'NOT_RETURNED');
  if (await resubmissionOf(db, id)) throw conflict('该申报已经重新申报过，请在“我的申报”中查看新的申报', 'ALREADY_RESUBMITTED');
}

type ReadForm = () => Promise<{ input: ClaimInput; files: EvidenceUpload[] }>;

export async function resubmitClaim(deps: Deps, ctx: ActorCtx, id: number, readForm: ReadForm) {
  const actor = ctx.actor;
  requirePermission(actor, 'credit.self');
  const original = await findClaim(deps.db, { scope: {}, teacherId: actor.userId, id });
  if (!original) throw notFound('学分申报');
  await mayAnswer(deps.db, actor.userId, id);
  const { input, files: uploads } = await readForm();
  const files = (await filesOf(deps.db, [id])).map((f) => ({
    fileName: f.file_name,
    storedName: f.stored_name,
    mime: f.mime,
    size: f.size,
  }));
  return fileClaim(deps, ctx, {
    input,
    uploads,
    resubmission: { of: id, files, recheck: (trx) => mayAnswer(trx, actor.userId, id) },
  });
}
