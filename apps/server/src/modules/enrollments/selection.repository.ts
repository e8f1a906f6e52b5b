// SQL of 遴选: teachers of the admin's scope to pick from, and the ones picked.
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

export function teachersToSelect(db: Executor, scope: ScopeFilter, ids: number[]) {
  return teachersInScope(db, scope)
    .where('t.user_id', 'in', ids)
    .select(['t.user_id as id', 'u.name', 'u.status', 't.region_code', 't.school_id'])
    .execute();
}

export interface CandidateFilter {
  q?: string;
  stage?: string;
  subject?: string;
  page: number;
  pageSize: number;
}

/** Active teachers of the scope with their enrolment in the project (if any), a page and the count. */
export async function candidateRows(db: Executor, scope: ScopeFilter, projectId: number, f: CandidateFilter) {
  let q = teachersInScope(db, scope)
    .where('u.status', '=', 'active')
    .leftJoin('enrollments as e', (j) => j.onRef('e.teacher_id', '=', 't.user_id').on('e.project_id', '=', projectId));
  if (f.q?.trim()) q = q.where('u.name', 'like', `%${f.q.trim()}%`);
  if (f.stage) q = q.where('t.stage', '=', f.stage);
  if (f.subject) q = q.where('t.subject', '=', f.subject);
  const [rows, total] = await Promise.all([
    q
      .select([
        't.user_id as id',
        'u.name',
        'u.id_number',
        's.name as school_name',
        'county.name as county_name',
        't.stage',
        't.subject',
        't.region_code',
        't.school_id',
        'e.status as enrollment_status',
      ])
      .orderBy('t.school_id')
      .orderBy('t.user_id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
