import { maskIdNumber, maskPhone } from '@shixun/domain';
import type { Deps, RequestCtx } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { recordAudit, recordAuditNow } from '../audit/audit.service.ts';
import { describeMe, primaryRole } from './actor.ts';
import { guardForgotCode } from './challenge.ts';
import { accountKey, clearLockouts, clearLoginFailures, lockedError, lockedUntil, recordLoginFailure } from './lockout.ts';
import { issueTicket } from './login-tickets.ts';
import { isRecentPassword, newPasswordProblem, rememberPassword, REUSED_MESSAGE } from './password-rules.ts';
import { burn, checkPassword, hashPassword } from './passwords.ts';
import { createSession, revokeSession, revokeSessions } from './sessions.ts';
import { requiresTwoFactor } from './totp.ts';
import { findUserByAccount, findUserById, rolesOf, setPasswordHash, setTotpRequired } from './users.repository.ts';
import { codeError, consumeCode, sendCode } from './verification.ts';

const BAD_CREDENTIALS = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
const maskAccount = (a: string) => (a.length >= 15 ? maskIdNumber(a) : a.length === 11 ? maskPhone(a) : a);

/**
 * Password step of a login. Failures count per (account as typed, client IP), for unknown accounts
 * too, so the answers (401, then 423 after the same number of tries) never tell whether an account
 * exists. An enrolled account gets a ticket for the second step instead of a session.
 */
export async function login(deps: Deps, ctx: RequestCtx, input: { account: string; password: string }) {
  const { db, config } = deps;
  const key = accountKey(input.account);
  const user = await findUserByAccount(db, input.account);
  const fail = (reason: string) =>
    recordAuditNow(db, ctx, {
      action: 'auth.login',
      result: 'failure',
      objectType: 'user',
      objectId: user?.id,
      actorOverride: { id: user?.id ?? null, name: user?.name ?? null, role: null },
      detail: { account: maskAccount(input.account), reason },
    });
  const locked = await lockedUntil(db, key, ctx.ip);
  if (locked) {
    await fail('locked');
    throw lockedError(locked);
  }
  const passwordOk = user ? await checkPassword(input.password, user.password_hash, user.id_number) : (await burn(input.password), false);
  if (!user || !passwordOk) {
    const { lockedUntil: lock } = await recordLoginFailure(db, { key, ip: ctx.ip, userId: user?.id ?? null, lockout: config.lockout });
    await fail(!user ? 'unknown_account' : lock ? 'wrong_password_locked' : 'wrong_password');
    if (lock) throw lockedError(lock);
    throw BAD_CREDENTIALS();
  }
  if (user.status !== 'active') {
    await fail(`status_${user.status}`);
    if (user.status === 'pending') throw new AppError(403, 'ACCOUNT_PENDING', '账号已注册，正在等待学校管理员审核，审核通过后即可登录');
    if (user.status === 'rejected')
      throw new AppError(403, 'ACCOUNT_REJECTED', `注册申请未通过：${user.reject_reason ?? ''}。请联系学校管理员`);
    throw new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员');
  }
  const roles = await rolesOf(db, user.id);
  // whether the role must use 2FA is decided at each login, from the deployment's settings
  const required = requiresTwoFactor(
    config,
    roles.map((r) => r.role),
  );
  if (user.totp_required !== required) {
    await setTotpRequired(db, user.id, required);
    user.totp_required = required;
  }
  if (user.totp_enabled_at) {
    return { twoFactorRequired: true as const, ticket: await issueTicket(db, { userId: user.id, accountKey: key, ip: ctx.ip }) };
  }
  const session = await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, key, ctx.ip);
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
      actorOverride: { id: user.id, name: user.name, role: primaryRole(roles)?.role ?? null },
    });
    return s;
  });
  return { ...session, user: describeMe({ user, roles }) };
}

export async function logout(deps: Deps, ctx: RequestCtx) {
  if (!ctx.actor) return;
  const actor = ctx.actor;
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, actor.sessionId);
    await recordAudit(trx, ctx, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
  });
}

export async function changePassword(deps: Deps, ctx: ActorCtx, input: { oldPassword: string; newPassword: string }) {
  const actor = ctx.actor;
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  if (!(await checkPassword(input.oldPassword, user.password_hash, user.id_number)))
    throw invalid('原密码不正确', { oldPassword: '原密码不正确' });
  if (input.oldPassword === input.newPassword) throw invalid('新密码不能与原密码相同', { newPassword: '新密码不能与原密码相同' });
  const why = newPasswordProblem(deps.config, input.newPassword, user);
  if (why) throw invalid(why, { newPassword: why });
  if (await isRecentPassword(deps.db, deps.config, user.id, user.password_hash, input.newPassword))
    throw invalid(REUSED_MESSAGE(deps.config), { newPassword: REUSED_MESSAGE(deps.config) });
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, hash);
    await rememberPassword(trx, deps.config, user.id, hash);
    await revokeSessions(trx, user.id, actor.sessionId);
    await recordAudit(trx, ctx, { action: 'auth.password.change', objectType: 'user', objectId: user.id });
  });
}

export const FORGOT_CODE_MESSAGE =
  '如果该账号存在且绑定了手机号，验证码已发送到绑定的手机，10 分钟内有效。如未收到，请确认账号填写无误，或联系学校管理员重置密码';

/**
 * The same answer for accounts that exist, do not exist, are inactive or have no phone: the same
 * throttle (per account as typed) runs first, and the work done is alike.
 */
export async function sendForgotCode(deps: Deps, ctx: RequestCtx, account: string) {
  await guardForgotCode(deps.db, accountKey(account), deps.config.rateLimit.codesPerHourPerTarget);
  const user = await findUserByAccount(deps.db, account);
  const phone = user?.status === 'active' ? user.phone : null;
  await deps.db.transaction().execute(async (trx) => {
    let sent = false;
    if (phone && user) {
      try {
        await sendCode(deps, trx, 'forgot', phone, user.id);
        sent = true;
      } catch (e) {
        // the phone's own limit (reached through another way of writing the account) must not show either
        if (!(e instanceof AppError && e.code === 'RATE_LIMITED')) throw e;
      }
    }
    await recordAudit(trx, ctx, {
      action: 'auth.forgot.code',
      result: sent ? 'success' : 'failure',
      objectType: 'user',
      objectId: user?.id,
      actorOverride: { id: user?.id ?? null, name: user?.name ?? null, role: null },
      detail: sent
        ? undefined
        : { account: maskAccount(account), reason: !user ? 'unknown_account' : !phone ? 'no_phone_or_inactive' : 'rate_limited' },
    });
  });
  return { message: FORGOT_CODE_MESSAGE };
}

/**
 * Until the code is shown right, nothing here depends on the account: the general rules first, the
 * code next, and only then the rules that know the account (its name, its last passwords). A refused
 * password rolls the transaction back, so the code stays usable for another try.
 */
export async function resetForgotten(deps: Deps, ctx: RequestCtx, input: { account: string; code: string; newPassword: string }) {
  const general = newPasswordProblem(deps.config, input.newPassword, { id_number: null, login_name: null, name: null, phone: null });
  if (general) throw invalid(general, { newPassword: general });
  const hash = await hashPassword(input.newPassword); // before the lookup: unknown accounts take as long
  const user = await findUserByAccount(deps.db, input.account);
  const phone = user?.phone;
  if (!user || !phone) throw codeError('expired');
  const check = await deps.db.transaction().execute(async (trx) => {
    const c = await consumeCode(trx, 'forgot', phone, user.id, input.code);
    if (c !== 'ok') return c;
    const why =
      newPasswordProblem(deps.config, input.newPassword, user) ??
      ((await isRecentPassword(trx, deps.config, user.id, user.password_hash, input.newPassword)) ? REUSED_MESSAGE(deps.config) : null);
    if (why) throw invalid(why, { newPassword: why });
    await setPasswordHash(trx, user.id, hash);
    await rememberPassword(trx, deps.config, user.id, hash);
    // the owner's own IP may be locked from trying to remember the old password; strangers' IPs stay locked
    await clearLockouts(trx, user.id, ctx.ip);
    await revokeSessions(trx, user.id);
    await recordAudit(trx, ctx, {
      action: 'auth.forgot.reset',
      objectType: 'user',
      objectId: user.id,
      actorOverride: { id: user.id, name: user.name, role: null },
    });
    return c;
  });
  if (check !== 'ok') throw codeError(check);
}
