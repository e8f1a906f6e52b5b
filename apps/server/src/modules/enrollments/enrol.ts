// Creating enrolments, shared by 遴选 (admin) and 申报 (teacher). A teacher has one enrolment per
// project (UNIQUE (project_id, teacher_id)); one that was returned or withdrawn starts over in
// place, keeping its timeline. A concurrent enrolment of the same teacher makes this one fail whole.
import type { Executor } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import type { Stage } from './chain.ts';
import { enrollmentsOfTeachers, insertEnrollments, restartEnrollments } from './enrollments.repository.ts';

export interface Enrol {
  projectId: number;
  teacherIds: number[];
  origin: 'selected' | 'applied';
  stage: Stage;
  quotaId: number | null;
}

export async function enrol(trx: Executor, e: Enrol): Promise<number[]> {
  const status = e.stage === 'done' ? ('approved' as const) : ('reviewing' as const);
  const existing = await enrollmentsOfTeachers(trx, e.projectId, e.teacherIds);
  if (existing.some((x) => x.status !== 'returned' && x.status !== 'withdrawn')) throw conflict('已报名该项目，不能重复报名');
  const again = existing.filter((x) => x.status === 'returned' || x.status === 'withdrawn');
  const fresh = e.teacherIds.filter((id) => !existing.some((x) => x.teacher_id === id));
  const values = { origin: e.origin, status, stage: e.stage, quota_id: e.quotaId };
  const ids: number[] = [];
  if (again.length)
    ids.push(
      ...(
        await restartEnrollments(
          trx,
          again.map((x) => x.id),
          values,
        )
      ).map((r) => r.id),
    );
  if (fresh.length) ids.push(...(await insertEnrollments(trx, e.projectId, fresh, values)).map((r) => r.id));
  if (ids.length !== again.length + fresh.length) throw conflict('有教师刚刚报名了该项目，请刷新后重试');
  return ids;
}
