import type { profile } from '@shixun/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

/** A stored change of one field: profile values only (what parsePatch lets through). */
type FieldChange = z.infer<typeof profile.fieldChange>;

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
  return { items: rows.map((r) => ({ ...r, changes: r.changes as Record<string, FieldChange> })), total: Number(total.n) };
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

export async function hasPendingChange(db: Executor, teacherId: number) {
  const r = await db
    .selectFrom('profile_changes')
    .select('id')
    .where('teacher_id', '=', teacherId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return !!r;
}

/** A new pending request; a second pending one of the same teacher fails on the unique index (23505). */
export async function insertChange(
  trx: Executor,
  c: { teacherId: number; changes: Record<string, { from: unknown; to: unknown }>; reason: string },
) {
  const r = await trx
    .insertInto('profile_changes')
    .values({ teacher_id: c.teacherId, changes: JSON.stringify(c.changes), reason: c.reason })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
