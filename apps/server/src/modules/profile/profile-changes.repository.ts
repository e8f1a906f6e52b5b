import { sql } from 'kysely';
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

export interface ChangeFilter {
  id?: number;
  teacherId?: number;
  status?: string;
  scope?: ScopeFilter;
}

export async function listChanges(db: Executor, f: ChangeFilter, page: { page: number; pageSize: number }) {
  let q = teachersInScope(db, f.scope ?? {})
    .innerJoin('profile_changes as pc', 'pc.teacher_id', 't.user_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'pc.reviewer_id');
  if (f.id) q = q.where('pc.id', '=', f.id);
  if (f.teacherId) q = q.where('pc.teacher_id', '=', f.teacherId);
  if (f.status) q = q.where('pc.status', '=', f.status as 'pending');
  const [rows, total] = await Promise.all([
    q
      .select([
        'pc.id',
        'pc.teacher_id as teacherId',
        'u.name as teacherName',
        's.name as schoolName',
        'pc.changes',
        'pc.reason',
        'pc.status',
        'pc.review_reason as reviewReason',
        'reviewer.name as reviewerName',
        'pc.created_at as createdAt',
        'pc.reviewed_at as reviewedAt',
      ])
      .orderBy('pc.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(total.n) };
}

/**
 * Moves a pending request to its outcome. The WHERE on status makes this the single winner when
 * two admins act at once: the loser's update touches no row.
 */
export function decideChange(db: Executor, id: number, reviewerId: number, status: 'approved' | 'rejected', reason: string | null) {
  return db
    .updateTable('profile_changes')
    .set({ status, reviewer_id: reviewerId, review_reason: reason, reviewed_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(['id', 'teacher_id', 'changes'])
    .executeTakeFirst();
}
