// SQL of 注册审核: self-registered accounts, always seen through the reviewer's teacher scope.
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

export type AccountStatus = 'pending' | 'active' | 'rejected';

export async function listRegistered(db: Executor, scope: ScopeFilter, q: { status: AccountStatus; page: number; pageSize: number }) {
  const base = teachersInScope(db, scope).where('u.status', '=', q.status).where('u.source', '=', 'register');
  const [rows, total] = await Promise.all([
    base
      .select(['u.id', 'u.name', 'u.id_number', 'u.phone', 's.name as school_name', 'u.created_at', 'u.status', 'u.reject_reason'])
      .orderBy('u.created_at', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function isVisible(db: Executor, scope: ScopeFilter, id: number) {
  return !!(await teachersInScope(db, scope).select('u.id').where('u.id', '=', id).executeTakeFirst());
}

// the decision changes the account, which belongs to the auth module
export { decideRegistration } from '../auth/accounts.repository.ts';
