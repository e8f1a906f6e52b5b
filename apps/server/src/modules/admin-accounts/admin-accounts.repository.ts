// SQL of admin accounts. Every list carries the actor's scope: the roles they look after, under their node.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Executor } from '../../context.ts';
import { insertAccount } from '../auth/accounts.repository.ts';
import { CREATES, PLATFORM_ROLES, type AdminRole, type RoleRow } from './rules.ts';
import type { Role } from '@shixun/domain';

export type AccountScope = { region_code: string | null; school_id: number | null; institution_id: number | null };
/** Which accounts a list shows: those an actor governs, the platform's own, or every admin (read-only directory). */
export type Visible = { governedBy: { role: Role; regionCode?: string } } | { platform: true } | { all: true };

type EB = ExpressionBuilder<Database & { ur: Database['user_roles']; s: Database['schools'] }, 'ur' | 's'>;

function visibleWhere(eb: EB, v: Visible) {
  if ('all' in v) return eb('ur.role', '!=', 'teacher');
  if ('platform' in v) return eb('ur.role', 'in', [...PLATFORM_ROLES]);
  const root = v.governedBy.regionCode;
  const rules = Object.entries(CREATES[v.governedBy.role] ?? {}) as [AdminRole, string][];
  if (!root || !rules.length) return sql<boolean>`false`;
  return eb.or(
    rules.map(([role, under]) =>
      under === 'anywhere'
        ? eb('ur.role', '=', role)
        : eb.and([eb('ur.role', '=', role), eb(under === 'school' ? 's.region_code' : 'ur.region_code', 'like', `${root}%`)]),
    ),
  );
}

export async function listAccounts(db: Executor, v: Visible, q: { role?: string; q?: string; page: number; pageSize: number }) {
  let base = db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .leftJoin('regions as r', 'r.code', 'ur.region_code')
    .leftJoin('schools as s', 's.id', 'ur.school_id')
    .leftJoin('institutions as i', 'i.id', 'ur.institution_id')
    .where((eb) => visibleWhere(eb as unknown as EB, v));
  if (q.role) base = base.where('ur.role', '=', q.role);
  if (q.q) base = base.where((eb) => eb.or([eb('u.login_name', 'like', `%${q.q}%`), eb('u.name', 'like', `%${q.q}%`)]));
  const [items, total] = await Promise.all([
    base
      .select([
        'u.id',
        'u.login_name as loginName',
        'u.name',
        'ur.role',
        'u.status',
        'u.must_change_password as mustChangePassword',
        'u.created_at as createdAt',
        'ur.region_code as regionCode',
        'r.name as regionName',
        's.name as schoolName',
        'i.name as institutionName',
      ])
      .orderBy('u.id', 'desc')
      .orderBy('ur.role')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** An account's roles (with the county of a school admin's school), or [] when it has none. */
export async function accountOf(db: Executor, userId: number) {
  const user = await db.selectFrom('users').select(['id', 'login_name', 'name', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const roles: RoleRow[] = await db
    .selectFrom('user_roles as ur')
    .leftJoin('schools as s', 's.id', 'ur.school_id')
    .select(['ur.role', 'ur.region_code', 's.region_code as school_region'])
    .where('ur.user_id', '=', userId)
    .execute();
  return { ...user, roles };
}

export async function insertAdmin(
  trx: Executor,
  a: { loginName: string; name: string; role: AdminRole },
  scope: AccountScope,
  hash: string,
) {
  return insertAccount(
    trx,
    {
      login_name: a.loginName,
      name: a.name,
      password_hash: hash,
      must_change_password: true,
      source: 'admin',
      id_number: null,
      phone: null,
      email: null,
      reject_reason: null,
    },
    { role: a.role, ...scope },
  );
}

// the auth module owns users: passwords and status change through its functions
export { setTemporaryPassword, setAccountStatus as setStatus } from '../auth/accounts.repository.ts';

export async function loginNameTaken(db: Executor, loginName: string) {
  return !!(await db.selectFrom('users').select('id').where('login_name', '=', loginName).executeTakeFirst());
}

/** Active accounts holding a role, the given one left out: the last security or audit admin must stay. */
export async function otherActiveWithRole(db: Executor, role: Role, exceptUserId: number) {
  const r = await db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ur.role', '=', role)
    .where('u.status', '=', 'active')
    .where('u.id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const regionByCode = (db: Executor, code: string) =>
  db.selectFrom('regions').select(['code', 'level']).where('code', '=', code).executeTakeFirst();
export const schoolById = (db: Executor, id: number) =>
  db.selectFrom('schools').select(['id', 'region_code']).where('id', '=', id).executeTakeFirst();
export const institutionById = (db: Executor, id: number) =>
  db.selectFrom('institutions').select('id').where('id', '=', id).executeTakeFirst();

/** Whether the database has any account at all (a first start has none). */
export async function anyUser(db: Executor) {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}
