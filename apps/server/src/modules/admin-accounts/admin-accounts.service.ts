// 管理员账号: the system admin creates the admin accounts of every level and institution.
// Each role needs a scope of the right kind; the three separated roles are one per account.
import { randomBytes } from 'node:crypto';
import { regionLevelOf, ROLE_LABELS, type Role } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor, RequestCtx } from '../../context.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.ts';

export type AdminRole = Exclude<Role, 'teacher'>;
export interface NewAdmin { loginName: string; name: string; role: AdminRole; regionCode?: string; schoolId?: number; institutionId?: number }

const REGION_LEVEL: Partial<Record<AdminRole, 'province' | 'city' | 'county'>> = {
  province_admin: 'province', city_admin: 'city', county_admin: 'county',
};

export function temporaryPassword() {
  return `Sx${randomBytes(6).toString('base64url')}#${10 + (randomBytes(1)[0]! % 90)}`;
}

async function scopeFor(deps: Deps, a: NewAdmin) {
  const level = REGION_LEVEL[a.role];
  if (level) {
    if (!a.regionCode || regionLevelOf(a.regionCode) !== level || !a.regionCode.startsWith(deps.config.provinceCode))
      throw invalid(`${ROLE_LABELS[a.role]}需要选择一个${{ province: '省', city: '市', county: '区县' }[level]}级行政区划`);
    const r = await deps.db.selectFrom('regions').select('code').where('code', '=', a.regionCode).executeTakeFirst();
    if (!r) throw invalid('所选行政区划不存在');
    return { region_code: a.regionCode, school_id: null, institution_id: null };
  }
  if (a.role === 'school_admin') {
    const s = a.schoolId && (await deps.db.selectFrom('schools').select('id').where('id', '=', a.schoolId).executeTakeFirst());
    if (!s) throw invalid('校级管理员需要选择所在学校');
    return { region_code: null, school_id: s.id, institution_id: null };
  }
  if (a.role === 'institution_admin') {
    const i = a.institutionId && (await deps.db.selectFrom('institutions').select('id').where('id', '=', a.institutionId).executeTakeFirst());
    if (!i) throw invalid('承培机构管理员需要选择承培机构');
    return { region_code: null, school_id: null, institution_id: i.id };
  }
  return { region_code: deps.config.provinceCode, school_id: null, institution_id: null }; // the three platform roles
}

export async function createAdmin(deps: Deps, ctx: RequestCtx, a: NewAdmin) {
  requirePermission(ctx.actor!, 'adminAccount.manage');
  const scope = await scopeFor(deps, a);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const id = await insertAdmin(trx, a, scope, hash);
      await recordAudit(trx, ctx, { action: 'adminAccount.create', objectType: 'user', objectId: id, detail: { role: a.role, ...scope } });
      return id;
    });
    return { id, temporaryPassword: password };
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('该登录名已被使用', 'ALREADY_EXISTS');
    throw e;
  }
}

export async function insertAdmin(trx: Executor, a: Pick<NewAdmin, 'loginName' | 'name' | 'role'>, scope: { region_code: string | null; school_id: number | null; institution_id: number | null }, hash: string) {
  const u = await trx.insertInto('users').values({ login_name: a.loginName, name: a.name, password_hash: hash, must_change_password: true,
    source: 'admin', id_number: null, phone: null, email: null, reject_reason: null }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('user_roles').values({ user_id: u.id, role: a.role, ...scope }).execute();
  return u.id;
}

export async function listAdmins(deps: Deps, ctx: RequestCtx, q: { role?: string; page: number; pageSize: number }) {
  requirePermission(ctx.actor!, 'adminAccount.manage');
  let base = deps.db.selectFrom('user_roles as ur').innerJoin('users as u', 'u.id', 'ur.user_id')
    .leftJoin('regions as r', 'r.code', 'ur.region_code').leftJoin('schools as s', 's.id', 'ur.school_id')
    .leftJoin('institutions as i', 'i.id', 'ur.institution_id').where('ur.role', '!=', 'teacher');
  if (q.role) base = base.where('ur.role', '=', q.role);
  const [items, total] = await Promise.all([
    base.select(['u.id', 'u.login_name as loginName', 'u.name', 'ur.role', 'u.status', 'r.name as regionName', 's.name as schoolName', 'i.name as institutionName'])
      .orderBy('u.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/**
 * A database started without demo data has nobody to log in: the first start creates the system
 * admin `admin` with a one-time password (printed once, to be changed at first login).
 */
export async function bootstrapSysAdmin(db: Executor, provinceCode: string): Promise<string | null> {
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return null;
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute((trx) =>
    insertAdmin(trx, { loginName: 'admin', name: '系统管理员', role: 'sys_admin' }, { region_code: provinceCode, school_id: null, institution_id: null }, hash));
  return password;
}
