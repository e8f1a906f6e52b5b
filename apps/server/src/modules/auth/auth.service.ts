import { checkIdNumber, checkPassword as checkPolicy, defaultPasswordFor, idNumberFacts, maskIdNumber, maskPhone, normalizeIdNumber, PHONE_RE } from '@shixun/domain';
import type { Deps, RequestCtx } from '../../context.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { recordAudit, recordAuditNow } from '../audit/audit.service.ts';
import { describeMe, primaryRole } from './actor.ts';
import { burn, checkPassword, hashPassword } from './passwords.ts';
import { createSession, revokeSessions } from './sessions.ts';
import { clearFailedLogins, findUserByAccount, findUserById, recordFailedLogin, rolesOf } from './users.repository.ts';
import { codeError, consumeCode, sendCode } from './verification.ts';

const BAD_CREDENTIALS = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
const maskAccount = (a: string) => (a.length >= 15 ? maskIdNumber(a) : a.length === 11 ? maskPhone(a) : a);

function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已被锁定，请 ${minutes} 分钟后再试，或联系管理员解锁`);
}

export async function login(deps: Deps, ctx: RequestCtx, input: { account: string; password: string }) {
  const { db, config } = deps;
  const user = await findUserByAccount(db, input.account);
  const fail = (reason: string, userId: number | null = null, name: string | null = null) =>
    recordAuditNow(db, ctx, { action: 'auth.login', result: 'failure', objectType: 'user', objectId: userId ?? undefined,
      actorOverride: { id: userId, name, role: null }, detail: { account: maskAccount(input.account), reason } });
  if (!user) {
    await burn(input.password);
    await fail('unknown_account');
    throw BAD_CREDENTIALS();
  }
  if (user.locked_until && user.locked_until > new Date()) {
    await fail('locked', user.id, user.name);
    throw lockedError(user.locked_until);
  }
  if (!(await checkPassword(input.password, user.password_hash, user.id_number))) {
    const { locked } = await recordFailedLogin(db, user.id, config.lockout.maxFailures, config.lockout.windowMinutes, config.lockout.lockMinutes);
    await fail(locked ? 'wrong_password_locked' : 'wrong_password', user.id, user.name);
    if (locked) throw lockedError(new Date(Date.now() + config.lockout.lockMinutes * 60_000));
    throw BAD_CREDENTIALS();
  }
  if (user.status !== 'active') {
    await fail(`status_${user.status}`, user.id, user.name);
    if (user.status === 'pending') throw new AppError(403, 'ACCOUNT_PENDING', '账号已注册，正在等待学校管理员审核，审核通过后即可登录');
    if (user.status === 'rejected') throw new AppError(403, 'ACCOUNT_REJECTED', `注册申请未通过：${user.reject_reason ?? ''}。请联系学校管理员`);
    throw new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系管理员');
  }
  const roles = await rolesOf(db, user.id);
  const session = await db.transaction().execute(async (trx) => {
    await clearFailedLogins(trx, user.id);
    const s = await createSession(trx, config, user.id, roles.map((r) => r.role), ctx.ip);
    await recordAudit(trx, ctx, { action: 'auth.login', objectType: 'user', objectId: user.id,
      actorOverride: { id: user.id, name: user.name, role: primaryRole(roles)?.role ?? null } });
    return s;
  });
  return { ...session, user: describeMe({ user, roles }) };
}

export async function logout(deps: Deps, ctx: RequestCtx) {
  if (!ctx.actor) return;
  const actor = ctx.actor;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', actor.sessionId).execute();
    await recordAudit(trx, ctx, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
  });
}

function policyError(deps: Deps, pw: string, idNumber: string | null) {
  return checkPolicy(pw, deps.config.passwordPolicy, { idNumber, defaultPassword: idNumber ? defaultPasswordFor(idNumber) : null });
}

export async function changePassword(deps: Deps, ctx: RequestCtx, input: { oldPassword: string; newPassword: string }) {
  const actor = ctx.actor!;
  const user = (await findUserById(deps.db, actor.userId))!;
  if (!(await checkPassword(input.oldPassword, user.password_hash, user.id_number))) throw invalid('原密码不正确', { oldPassword: '原密码不正确' });
  if (input.oldPassword === input.newPassword) throw invalid('新密码不能与原密码相同', { newPassword: '新密码不能与原密码相同' });
  const why = policyError(deps, input.newPassword, user.id_number);
  if (why) throw invalid(why, { newPassword: why });
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: false, password_changed_at: new Date() })
      .where('id', '=', user.id).execute();
    await revokeSessions(trx, user.id, actor.sessionId);
    await recordAudit(trx, ctx, { action: 'auth.password.change', objectType: 'user', objectId: user.id });
  });
}

export interface RegisterInput { idNumber: string; name: string; phone: string; schoolId: number; password: string }

export async function register(deps: Deps, ctx: RequestCtx, input: RegisterInput) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const idErr = checkIdNumber(idNumber);
  if (idErr) throw invalid(idErr, { idNumber: idErr });
  if (!PHONE_RE.test(input.phone)) throw invalid('手机号格式不正确', { phone: '手机号格式不正确' });
  const name = input.name.trim();
  if (!name) throw invalid('请填写姓名', { name: '请填写姓名' });
  const pwErr = policyError(deps, input.password, idNumber);
  if (pwErr) throw invalid(pwErr, { password: pwErr });
  const school = await deps.db.selectFrom('schools').select(['id', 'region_code']).where('id', '=', input.schoolId).executeTakeFirst();
  if (!school || !school.region_code.startsWith(deps.config.provinceCode)) throw invalid('请选择所在学校', { schoolId: '学校不存在' });
  const hash = await hashPassword(input.password);
  const facts = idNumberFacts(idNumber);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('users').select('id')
        .where((eb) => eb.or([eb('id_number', '=', idNumber), eb('phone', '=', input.phone)])).executeTakeFirst();
      if (taken) throw conflict('手机号/证件号已存在', 'ALREADY_EXISTS');
      const user = await trx.insertInto('users').values({
        id_number: idNumber, phone: input.phone, name, password_hash: hash, status: 'pending', login_name: null, email: null, source: 'register',
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('teachers').values({
        user_id: user.id, school_id: school.id, region_code: school.region_code, gender: facts.gender, birth_date: facts.birthDate,
      } as never).execute();
      await trx.insertInto('user_roles').values({ user_id: user.id, role: 'teacher', school_id: school.id, region_code: null, institution_id: null }).execute();
      await recordAudit(trx, ctx, { action: 'auth.register', objectType: 'user', objectId: user.id,
        actorOverride: { id: user.id, name, role: 'teacher' }, detail: { schoolId: school.id, idNumber: maskIdNumber(idNumber) } });
      return { status: 'pending' as const, id: user.id };
    });
  } catch (e) {
    // two registrations racing for the same number: the unique index decides, the loser hears why
    if ((e as { code?: string }).code === '23505') throw conflict('手机号/证件号已存在', 'ALREADY_EXISTS');
    throw e;
  }
}

export async function sendForgotCode(deps: Deps, ctx: RequestCtx, account: string) {
  const user = await findUserByAccount(deps.db, account);
  if (!user?.phone || user.status !== 'active') return { sentTo: null };
  await deps.db.transaction().execute(async (trx) => {
    await sendCode(deps, trx, 'forgot', user.phone!, user.id);
    await recordAudit(trx, ctx, { action: 'auth.forgot.code', objectType: 'user', objectId: user.id, actorOverride: { id: user.id, name: user.name, role: null } });
  });
  return { sentTo: maskPhone(user.phone) };
}

export async function resetForgotten(deps: Deps, ctx: RequestCtx, input: { account: string; code: string; newPassword: string }) {
  const user = await findUserByAccount(deps.db, input.account);
  if (!user?.phone) throw invalid('验证码已过期或无效，请重新获取');
  const why = policyError(deps, input.newPassword, user.id_number);
  if (why) throw invalid(why, { newPassword: why });
  const hash = await hashPassword(input.newPassword);
  const check = await deps.db.transaction().execute(async (trx) => {
    const c = await consumeCode(trx, 'forgot', user.phone!, user.id, input.code);
    if (c !== 'ok') return c;
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: false, password_changed_at: new Date(),
      failed_logins: 0, first_failed_at: null, locked_until: null }).where('id', '=', user.id).execute();
    await revokeSessions(trx, user.id);
    await recordAudit(trx, ctx, { action: 'auth.forgot.reset', objectType: 'user', objectId: user.id, actorOverride: { id: user.id, name: user.name, role: null } });
    return c;
  });
  if (check !== 'ok') throw codeError(check);
}
