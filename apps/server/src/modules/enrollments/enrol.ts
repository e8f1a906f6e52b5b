// Creating enrolments, shared by 遴选 (admin) and 申报 (teacher). A teacher has one enrolment per
// project (UNIQUE (project_id, teacher_id)); one that was returned or withdrawn starts over in
// place, keeping its timeline. A concurrent enrolment of the same teacher makes this one fail whole.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import type { Stage } from './chain.ts';

export interface Enrol {
  projectId: number;
  teacherIds: number[];
  origin: 'selected' | 'applied';
  stage: Stage;
  quotaId: number | null;
}

export async function enrol(trx: Executor, e: Enrol): Promise<number[]> {
  const status = e.stage === 'done' ? ('approved' as const) : ('reviewing' as const);
  const existing = await trx
    .selectFrom('enrollments')
    .select(['id', 'teacher_id', 'status'])
    .where('project_id', '=', e.projectId)
    .where('teacher_id', 'in', e.teacherIds)
    .execute();
  if (existing.some((x) => x.status !== 'returned' && x.status !== 'withdrawn')) throw conflict('已报名该项目，不能重复报名');
  const again = existing.filter((x) => x.status === 'returned' || x.status === 'withdrawn');
  const fresh = e.teacherIds.filter((id) => !existing.some((x) => x.teacher_id === id));
  const ids: number[] = [];
  if (again.length) {
    const rows = await trx
      .updateTable('enrollments')
      .set({
        origin: e.origin,
        status,
        stage: e.stage,
        quota_id: e.quotaId,
        class_id: null,
        result: null,
        onsite_score: null,
        online_score: null,
        total_score: null,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where(
        'id',
        'in',
        again.map((x) => x.id),
      )
      .where('status', 'in', ['returned', 'withdrawn'])
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  if (fresh.length) {
    const rows = await trx
      .insertInto('enrollments')
      .values(
        fresh.map((teacher_id) => ({
          project_id: e.projectId,
          teacher_id,
          origin: e.origin,
          status,
          stage: e.stage,
          quota_id: e.quotaId,
        })),
      )
      .onConflict((oc) => oc.columns(['project_id', 'teacher_id']).doNothing())
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  if (ids.length !== again.length + fresh.length) throw conflict('有教师刚刚报名了该项目，请刷新后重试');
  return ids;
}
