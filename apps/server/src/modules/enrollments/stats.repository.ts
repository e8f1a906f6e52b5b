// SQL of a project's figures per stage, grouped by the next level under the viewer, counting only
// teachers in the viewer's scope.
import { sql } from 'kysely';
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import type { ReviewStage } from '../org/org.ts';
import { enrollmentsInScope } from './enrollments.repository.ts';

const n = (s: string) => sql<number>`count(*) filter (where ${sql.raw(s)})`;

export function stageCounts(db: Executor, scope: ScopeFilter, projectId: number, level: ReviewStage) {
  const key =
    level === 'province'
      ? sql<string>`substr(t.region_code, 1, 4)`
      : level === 'city'
        ? sql<string>`t.region_code`
        : sql<string>`'school:' || t.school_id`;
  return enrollmentsInScope(db, scope)
    .where('e.project_id', '=', projectId)
    .select([
      key.as('holder'),
      n(`e.status <> 'withdrawn'`).as('enrolled'),
      n(`e.origin = 'applied'`).as('applied'),
      n(`e.status = 'reviewing'`).as('reviewing'),
      n(`e.status = 'returned'`).as('returned'),
      n(`e.status in ('approved', 'assigned')`).as('approved'),
      n(`e.status = 'assigned'`).as('assigned'),
      n(`exists (select 1 from checkins ck where ck.enrollment_id = e.id)`).as('checkedIn'),
      n(`e.result = 'passed'`).as('passed'),
      n(`e.result = 'failed'`).as('failed'),
    ])
    .groupBy(key)
    .execute();
}
