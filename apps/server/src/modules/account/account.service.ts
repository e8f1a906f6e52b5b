import { maskEmail, maskPhone } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { codeError, consumeCode, sendCode } from '../auth/verification.ts';
import { phoneIndex, sealPhone } from '../../security/pii.ts';
import { otherHolderOf, setContact } from './account.repository.ts';

type Kind = 'phone' | 'email';
const purpose = (k: Kind): 'change_phone' | 'change_email' => (k === 'phone' ? 'change_phone' : 'change_email');
const TAKEN = { phone: '该手机号已被其他账号使用', email: '该邮箱已被其他账号使用' };

async function assertFree(deps: Deps, kind: Kind, value: string, userId: number) {
  // phone numbers are encrypted at rest: found through their blind index
  const other = await otherHolderOf(deps.db, userId, kind === 'phone' ? { phoneBidx: phoneIndex(value) } : { email: value });
  if (other) throw conflict(TAKEN[kind], 'ALREADY_EXISTS');
}

/** The code goes to the NEW address: proves the teacher holds it. */
export async function sendChangeCode(deps: Deps, ctx: ActorCtx, kind: Kind, value: string) {
  const actor = ctx.actor;
  await assertFree(deps, kind, value, actor.userId);
  await deps.db.transaction().execute(async (trx) => {
    await sendCode(deps, trx, purpose(kind), value, actor.userId);
    await recordAudit(trx, ctx, {
      action: `account.${kind}.code`,
      objectType: 'user',
      objectId: actor.userId,
      detail: { to: kind === 'phone' ? maskPhone(value) : maskEmail(value) },
    });
  });
  return { sentTo: kind === 'phone' ? maskPhone(value) : maskEmail(value) };
}

export async function changeContact(deps: Deps, ctx: ActorCtx, kind: Kind, value: string, code: string) {
  const actor = ctx.actor;
  await assertFree(deps, kind, value, actor.userId);
  const check = await deps.db.transaction().execute(async (trx) => {
    const c = await consumeCode(trx, purpose(kind), value, actor.userId, code);
    if (c !== 'ok') return c;
    await setContact(trx, actor.userId, kind === 'phone' ? sealPhone(value) : { email: value });
    await recordAudit(trx, ctx, {
      action: `account.${kind}.change`,
      objectType: 'user',
      objectId: actor.userId,
      detail: { to: kind === 'phone' ? maskPhone(value) : maskEmail(value) },
    });
    return c;
  });
  if (check !== 'ok') throw codeError(check);
}
