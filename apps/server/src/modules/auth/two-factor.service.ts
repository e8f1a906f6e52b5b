// Two-factor authentication: enrolment on the account page, the second login step, recovery codes.
import type { Deps, RequestCtx } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { decrypt, encrypt } from '../../security/pii.ts';
import { recordAudit, recordAuditNow } from '../audit/audit.service.ts';
import { describeMe, primaryRole } from './actor.ts';
import { clearLoginFailures, lockedError, lockedUntil, recordLoginFailure } from './lockout.ts';
import { burnTicket, countWrongCode, findTicket, useTicket } from './login-tickets.ts';
import { checkPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import {
  checkTotp,
  claimTotpStep,
  isTotpCode,
  newTotpSecret,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  requiresTwoFactor,
  totpEnrolment,
  useRecoveryCode,
} from './totp.ts';
import { disableTotpRow, enableTotpRow, setPendingSecret } from './totp.repository.ts';
import { findUserById, rolesOf } from './users.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;
export type SecondFactor = 'totp' | 'recovery';

const TICKET_GONE = () => new AppError(401, 'TICKET_INVALID', '登录已超时或验证码错误次数过多，请重新输入账号和密码登录');

/** Checks and uses up a code from the authenticator app or a recovery code; null when neither. */
export async function useSecondFactor(deps: Deps, user: UserRow, code: string): Promise<SecondFactor | null> {
  if (!user.totp_secret || !user.totp_enabled_at) return null;
  if (isTotpCode(code)) {
    const step = await checkTotp(decrypt(deps.keys, user.totp_secret), code, user.totp_last_step);
    return step !== null && (await claimTotpStep(deps.db, user.id, step)) ? 'totp' : null;
  }
  return (await useRecoveryCode(deps.db, user.id, code)) ? 'recovery' : null;
}

/** The second login step: a right code turns the ticket into a session. */
export async function loginWithSecondFactor(deps: Deps, ctx: RequestCtx, input: { ticket: string; code: string }) {
  const { db, config } = deps;
  const ticket = await findTicket(db, input.ticket, ctx.ip);
  if (!ticket) throw TICKET_GONE();
  const locked = await lockedUntil(db, ticket.account_key, ctx.ip);
  if (locked) {
    await burnTicket(db, ticket.id);
    throw lockedError(locked);
  }
  const user = await findUserById(db, ticket.user_id);
  if (!user || user.status !== 'active') throw TICKET_GONE();
  const roles = await rolesOf(db, user.id);
  const actorOverride = { id: user.id, name: user.name, role: primaryRole(roles)?.role ?? null };
  const factor = await useSecondFactor(deps, user, input.code);
  if (!factor) {
    const left = await countWrongCode(db, ticket.id);
    const { lockedUntil: lock } = await recordLoginFailure(db, {
      key: ticket.account_key,
      ip: ctx.ip,
      userId: user.id,
      lockout: config.lockout,
    });
    await recordAuditNow(db, ctx, {
      action: 'auth.login',
      result: 'failure',
      objectType: 'user',
      objectId: user.id,
      actorOverride,
      detail: { reason: 'wrong_second_factor' },
    });
    if (lock) {
      await burnTicket(db, ticket.id);
      throw lockedError(lock);
    }
    if (left === 0) throw TICKET_GONE();
    throw new AppError(401, 'INVALID_TOTP', `验证码不正确，请输入验证器中当前显示的 6 位数字（还可尝试 ${left} 次）`);
  }
  const session = await db.transaction().execute(async (trx) => {
    if (!(await useTicket(trx, ticket.id))) throw TICKET_GONE();
    await clearLoginFailures(trx, ticket.account_key, ctx.ip);
    const s = await createSession(
      trx,
      config,
      user.id,
      roles.map((r) => r.role),
      ctx.ip,
    );
    await recordAudit(trx, ctx, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      actorOverride,
      detail: { secondFactor: factor },
    });
    if (factor === 'recovery')
      await recordAudit(trx, ctx, {
        action: 'auth.totp.recovery_used',
        objectType: 'user',
        objectId: user.id,
        actorOverride,
        detail: { left: await recoveryCodesLeft(trx, user.id) },
      });
    return s;
  });
  return { ...session, user: describeMe({ user, roles }) };
}

/** The acting user's row: the session was checked, a missing row means the account is gone. */
async function ownUser(deps: Deps, ctx: ActorCtx) {
  const user = await findUserById(deps.db, ctx.actor.userId);
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return user;
}

export async function totpStatus(deps: Deps, ctx: ActorCtx) {
  const user = await ownUser(deps, ctx);
  return {
    enabled: !!user.totp_enabled_at,
    enabledAt: user.totp_enabled_at,
    required: requiresTwoFactor(deps.config, ctx.actor.roles),
    recoveryCodesLeft: user.totp_enabled_at ? await recoveryCodesLeft(deps.db, user.id) : 0,
  };
}

/** Step 1 of enrolment: a new secret, kept as pending until a first code proves the app has it. */
export async function setupTotp(deps: Deps, ctx: ActorCtx) {
  const user = await ownUser(deps, ctx);
  if (user.totp_enabled_at) throw conflict('两步验证已启用。如需更换手机，请先停用，再重新绑定', 'TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await setPendingSecret(deps.db, user.id, encrypt(deps.keys, secret));
  return totpEnrolment(deps.config, user.login_name ?? user.name, secret);
}

/** Step 2: the first code switches it on and hands out the recovery codes, once. */
export async function enableTotp(deps: Deps, ctx: ActorCtx, code: string) {
  const user = await ownUser(deps, ctx);
  if (user.totp_enabled_at) throw conflict('两步验证已启用', 'TOTP_ALREADY_ENABLED');
  const pending = user.totp_pending_secret;
  if (!pending) throw invalid('请先获取二维码，用验证器扫描后再输入验证码');
  const step = await checkTotp(decrypt(deps.keys, pending), code, null);
  if (step === null)
    throw invalid('验证码不正确：请确认扫描的是本页的二维码、手机时间准确，再输入验证器中当前显示的 6 位数字', { code: '验证码不正确' });
  return deps.db.transaction().execute(async (trx) => {
    if (!(await enableTotpRow(trx, user.id, { secret: pending, step }))) throw conflict('两步验证已启用', 'TOTP_ALREADY_ENABLED');
    const recoveryCodes = await replaceRecoveryCodes(trx, user.id);
    await recordAudit(trx, ctx, { action: 'auth.totp.enable', objectType: 'user', objectId: user.id });
    return { recoveryCodes };
  });
}

/** Switching it off takes the password and a current code (or a recovery code). */
export async function disableTotp(deps: Deps, ctx: ActorCtx, input: { password: string; code: string }) {
  const user = await ownUser(deps, ctx);
  if (!user.totp_enabled_at) throw invalid('两步验证尚未启用');
  if (!(await checkPassword(input.password, user.password_hash, user.id_number))) throw invalid('密码不正确', { password: '密码不正确' });
  const factor = await useSecondFactor(deps, user, input.code);
  if (!factor) throw invalid('验证码不正确，请输入验证器中当前显示的 6 位数字或一个未用过的恢复码', { code: '验证码不正确' });
  await deps.db.transaction().execute(async (trx) => {
    await disableTotpRow(trx, user.id);
    await recordAudit(trx, ctx, { action: 'auth.totp.disable', objectType: 'user', objectId: user.id, detail: { with: factor } });
  });
  return { required: requiresTwoFactor(deps.config, ctx.actor.roles) };
}
