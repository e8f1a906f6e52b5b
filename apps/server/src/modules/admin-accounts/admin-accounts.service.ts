// 管理员账号: each business level creates and looks after the level below it, inside its own node
// (rules.ts says who creates whom). A temporary password is answered once, to that creator, and
// never stored in clear. Accounts outside the actor's scope are "not found" (404).
import { randomBytes } from 'node:crypto';
import { regionLevelOf, ROLE_LABELS, type Role } from '@shixun/domain';
import { can, requirePermission, type Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeSessions } from '../auth/sessions.ts';
import * as repo from './admin-accounts.repository.ts';
import { CREATES, creatableRoles, governsAccount, REGION_LEVEL, type AdminRole } from './rules.ts';
import { clearLockouts } from '../auth/lockout.ts';

export type { AdminRole };
export interface NewAdmin {
  loginName: string;
  name: string;
  role: AdminRole;
  regionCode?: string;
  schoolId?: number;
  institutionId?: number;
}

export function temporaryPassword() {
  return `Sx${randomBytes(6).toString('base64url')}#${10 + (randomBytes(1)[0]! % 90)}`;
}

const LEVEL_WORD = { province: '省', city: '市', county: '区县' } as const;

/** The scope of a new business admin: of the right kind, and under the creator's node (else 404). */
async function scopeUnder(deps: Deps, actor: Actor, a: NewAdmin): Promise<repo.AccountScope> {
  const root = actor.scope.regionCode ?? '\u0000';
  const level = REGION_LEVEL[a.role];
  if (level) {
    if (!a.regionCode || regionLevelOf(a.regionCode) !== level)
      throw invalid(`${ROLE_LABELS[a.role]}需要选择一个${LEVEL_WORD[level]}级行政区划`, {
        regionCode: `请选择${LEVEL_WORD[level]}级行政区划`,
      });
    const r = a.regionCode.startsWith(root) ? await repo.regionByCode(deps.db, a.regionCode) : undefined;
    if (!r) throw notFound('行政区划');
    return { region_code: r.code, school_id: null, institution_id: null };
  }
  if (a.role === 'school_admin') {
    if (!a.schoolId) throw invalid('校级管理员需要选择所在学校', { schoolId: '请选择学校' });
    const s = await repo.schoolById(deps.db, a.schoolId);
    if (!s || !s.region_code.startsWith(root)) throw notFound('学校');
    return { region_code: null, school_id: s.id, institution_id: null };
  }
  if (a.role === 'institution_admin') {
    if (!a.institutionId) throw invalid('承培机构管理员需要选择承培机构', { institutionId: '请选择承培机构' });
    if (!(await repo.institutionById(deps.db, a.institutionId))) throw notFound('承培机构');
    return { region_code: null, school_id: null, institution_id: a.institutionId };
  }
  throw forbidden();
}

function refuseRole(actor: Actor, role: AdminRole): never {
  const mine = creatableRoles(actor.role)
    .map((r) => ROLE_LABELS[r])
    .join('、');
  const msg = `您不能创建${ROLE_LABELS[role]}账号${mine ? `，只能创建：${mine}` : ''}（省级及三员账号由安全管理员提出、审计管理员批准后生效）`;
  throw invalid(msg, { role: msg });
}

export async function createAdmin(deps: Deps, ctx: ActorCtx, a: NewAdmin) {
  const { actor } = ctx;
  requirePermission(actor, 'adminAccount.manage');
  if (!CREATES[actor.role]?.[a.role]) refuseRole(actor, a.role);
  const scope = await scopeUnder(deps, actor, a);
  if (await repo.loginNameTaken(deps.db, a.loginName)) throw conflict('该登录名已被使用', 'ALREADY_EXISTS');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const id = await repo.insertAdmin(trx, a, scope, hash);
      await recordAudit(trx, ctx, {
        action: 'adminAccount.create',
        objectType: 'user',
        objectId: id,
        detail: { role: a.role, loginName: a.loginName, ...scope },
      });
      return id;
    });
    return { id, temporaryPassword: password };
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('该登录名已被使用', 'ALREADY_EXISTS');
    throw e;
  }
}

/** The account an actor looks after, or 404: out of scope and missing look the same. */
async function governedAccount(deps: Deps, actor: Actor, id: number) {
  requirePermission(actor, 'adminAccount.manage');
  const acc = await repo.accountOf(deps.db, id);
  if (!acc || !governsAccount({ role: actor.role, regionCode: actor.scope.regionCode }, acc.roles)) throw notFound('管理员账号');
  return acc;
}

export async function resetAdminPassword(deps: Deps, ctx: ActorCtx, id: number) {
  const acc = await governedAccount(deps, ctx.actor, id);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await applyPasswordReset(trx, acc.id, hash);
    await recordAudit(trx, ctx, {
      action: 'adminAccount.password.reset',
      objectType: 'user',
      objectId: acc.id,
      detail: { loginName: acc.login_name },
    });
  });
  return { id: acc.id, temporaryPassword: password };
}

export async function setAdminStatus(deps: Deps, ctx: ActorCtx, id: number, status: 'active' | 'disabled') {
  const acc = await governedAccount(deps, ctx.actor, id);
  if (acc.status === 'pending' || acc.status === 'rejected') throw invalid('该账号状态不能在此修改');
  await deps.db.transaction().execute(async (trx) => {
    await applyStatus(trx, acc.id, status);
    await recordAudit(trx, ctx, {
      action: status === 'disabled' ? 'adminAccount.disable' : 'adminAccount.enable',
      objectType: 'user',
      objectId: acc.id,
      detail: { loginName: acc.login_name },
    });
  });
  return { id: acc.id, status };
}

export async function applyPasswordReset(trx: Executor, userId: number, hash: string) {
  await repo.setTemporaryPassword(trx, userId, hash);
  await clearLockouts(trx, userId); // a reset is how a locked-out admin gets back in
  await revokeSessions(trx, userId);
}

/** 停用 ends the account's sessions at once. */
export async function applyStatus(trx: Executor, userId: number, status: 'active' | 'disabled') {
  await repo.setStatus(trx, userId, status);
  if (status === 'disabled') await revokeSessions(trx, userId);
}

/** What the actor may do on the page, so the UI shows only what the server will honour. */
function abilities(actor: Actor) {
  return {
    creatableRoles: can(actor, 'adminAccount.manage') ? creatableRoles(actor.role) : [],
    manage: can(actor, 'adminAccount.manage'),
    propose: can(actor, 'adminAccount.propose'),
    approve: can(actor, 'adminAccount.approve'),
    scopeRegionCode: actor.scope.regionCode ?? null,
  };
}

function visibleTo(actor: Actor): repo.Visible {
  if (can(actor, 'adminAccount.manage')) return { governedBy: { role: actor.role, regionCode: actor.scope.regionCode } };
  if (can(actor, 'adminAccount.requests')) return { platform: true };
  return { all: true }; // the sys admin: read-only directory
}

export async function listAdmins(deps: Deps, ctx: ActorCtx, q: { role?: string; q?: string; page: number; pageSize: number }) {
  const { actor } = ctx;
  requirePermission(actor, 'adminAccount.read');
  const { items, total } = await repo.listAccounts(deps.db, visibleTo(actor), q);
  // list rows are admin roles only (visibleWhere leaves teachers out)
  return {
    items: items.map((i) => ({ ...i, role: i.role as AdminRole })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    abilities: abilities(actor),
  };
}

/** The accounts a first start creates: the three separated roles and one province admin. */
export const PLATFORM_BOOTSTRAP: { loginName: string; name: string; role: AdminRole }[] = [
  { loginName: 'admin', name: '系统管理员', role: 'sys_admin' },
  { loginName: 'security', name: '安全管理员', role: 'security_admin' },
  { loginName: 'audit', name: '审计管理员', role: 'audit_admin' },
  { loginName: 'province', name: '省级项目管理员', role: 'province_admin' },
];

/**
 * A database started without demo data has nobody to log in. The first start creates the platform's
 * accounts — system, security and audit admin and one province admin — each with a one-time password
 * (printed once to the console, to be changed at first login). After that the province admin creates
 * the cities' admins, and platform accounts change only through two-person requests.
 */
export async function bootstrapPlatformAccounts(
  db: Executor,
  provinceCode: string,
): Promise<{ loginName: string; role: Role; password: string }[] | null> {
  if (await repo.anyUser(db)) return null;
  const made = await Promise.all(
    PLATFORM_BOOTSTRAP.map(async (a) => {
      const password = temporaryPassword();
      return { ...a, password, hash: await hashPassword(password) };
    }),
  );
  await db.transaction().execute(async (trx) => {
    for (const a of made) await repo.insertAdmin(trx, a, { region_code: provinceCode, school_id: null, institution_id: null }, a.hash);
  });
  return made.map((a) => ({ loginName: a.loginName, role: a.role, password: a.password }));
}
