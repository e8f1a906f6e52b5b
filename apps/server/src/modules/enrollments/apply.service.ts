// 去申报: a teacher applies to a published project that allows it, within the application window,
// if its target stages, subjects and regions include them. The application enters the review chain
// at its first level (the school). It takes no place yet: the place is taken from the nearest quota
// row above the teacher when the first level approves it (see review.service.ts), so applications
// beyond the quota can be filed and a reviewer decides who gets the places.
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { chinaDay as today } from '../projects/dates.ts';
import { findProject, type ProjectRow } from '../projects/projects.repository.ts';
import { firstStage } from './chain.ts';
import { applicationProblems, type ApplyProject, type ApplyTeacher } from './eligibility.ts';
import { enrol } from './enrol.ts';
import { enrollmentsOfTeachers, teacherFactsRow } from './enrollments.repository.ts';
import { addEvents } from './events.ts';

export async function teacherFacts(db: Executor, teacherId: number): Promise<ApplyTeacher> {
  const t = await teacherFactsRow(db, teacherId);
  if (!t) throw notFound('教师');
  return { stage: t.stage, subject: t.subject, regionCode: t.region_code, schoolId: t.school_id };
}

export function applyFacts(p: ProjectRow): ApplyProject {
  return {
    status: p.status,
    allowApplication: p.allow_application,
    applyStart: p.apply_start,
    applyEnd: p.apply_end,
    targetStages: p.target_stages,
    targetSubjects: p.target_subjects,
    targetRegionCodes: p.target_region_codes,
    organiserRegionCode: p.organiser_region_code,
    organiserSchoolId: p.organiser_school_id,
  };
}

export async function applyToProject(deps: Deps, ctx: ActorCtx, projectId: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.self');
  const [p, teacher] = await Promise.all([findProject(deps.db, projectId), teacherFacts(deps.db, actor.userId)]);
  // a draft, or a project for another area, does not exist for this teacher
  if (!p || p.status === 'draft') throw notFound('培训项目');
  const problems = applicationProblems(applyFacts(p), teacher, today());
  if (problems.length) throw invalid(`不能申报：${problems.join('；')}`);
  const id = await deps.db.transaction().execute(async (trx) => {
    const [mine] = await enrollmentsOfTeachers(trx, projectId, [actor.userId]);
    if (mine && mine.status !== 'returned' && mine.status !== 'withdrawn') throw conflict('您已报名该项目，请在“审核中”查看进度');
    const [enrollmentId] = await enrol(trx, {
      projectId,
      teacherIds: [actor.userId],
      origin: 'applied',
      stage: firstStage(p.level, 'applied')!,
      quotaId: null,
    });
    await addEvents(trx, actor, [enrollmentId!], { action: 'applied', level: null });
    await recordAudit(trx, ctx, { action: 'enrollment.apply', objectType: 'enrollment', objectId: enrollmentId!, detail: { projectId } });
    return enrollmentId!;
  });
  return { enrollmentId: id };
}
