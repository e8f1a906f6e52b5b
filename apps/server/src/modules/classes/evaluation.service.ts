// 训后评估: a trainee answers once, anonymously — the answers row carries the project and class but no
// teacher, and the only trace of who answered is enrollments.evaluated (set in the same transaction,
// which is also what refuses a second submission). Institutions see their class's aggregate, the
// organiser (and the levels above it) the project's.
import { teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countTrainees, ownClass } from './classes.repository.ts';
import { markEvaluated } from '../enrollments/placement.repository.ts';
import { answersOf, evaluationPerClass, insertEvaluation, projectOfEvaluation } from './evaluation.repository.ts';
import { checkAnswers, evaluationOpen, summarizeAnswers } from './evaluation.ts';
import { myEnrollment } from './my-class.service.ts';

export async function submitEvaluation(deps: Deps, ctx: ActorCtx, enrollmentId: number, given: Record<string, unknown>) {
  const e = await myEnrollment(deps.db, ctx.actor, enrollmentId);
  if (e.evaluated) throw conflict('您已提交过训后评估，每人只能提交一次', 'ALREADY_EVALUATED');
  const gate = evaluationOpen(e, e);
  if (!gate.open) throw invalid(gate.reason!);
  const checked = checkAnswers(e.evaluation_questions, given);
  if ('error' in checked) throw invalid(checked.error);
  await deps.db.transaction().execute(async (trx) => {
    // the conditional update is the once-only guard: two submissions at once, one wins
    if (!(await markEvaluated(trx, e.id))) throw conflict('您已提交过训后评估，每人只能提交一次', 'ALREADY_EVALUATED');
    await insertEvaluation(trx, { projectId: e.project_id, classId: e.class_id, answers: checked.answers });
    // the audit says that this trainee answered, never what, and not which answers row is theirs
    await recordAudit(trx, ctx, {
      action: 'project.evaluation.submit',
      objectType: 'project',
      objectId: e.project_id,
      detail: { classId: e.class_id },
    });
  });
  return { ok: true as const, message: '训后评估已提交，感谢您的反馈' };
}

export async function classEvaluation(deps: Deps, ctx: ActorCtx, classId: number) {
  const c = await ownClass(deps.db, ctx.actor, classId);
  return {
    trainees: await countTrainees(deps.db, classId),
    ...summarizeAnswers(c.evaluation_questions, await answersOf(deps.db, { projectId: c.project_id, classId })),
  };
}

/** The organiser's view: the project as a whole, with only the count per class (a class's own figures are its institution's). */
export async function projectEvaluation(deps: Deps, ctx: ActorCtx, projectId: number) {
  const scope = teacherScope(ctx.actor);
  const p = await projectOfEvaluation(deps.db, projectId);
  const organiserRegion = p?.organiser_region_code ?? p?.school_region ?? null;
  const visible =
    !!p &&
    !scope.none &&
    ((scope.schoolId !== undefined && p.organiser_school_id === scope.schoolId) ||
      (scope.regionPrefix !== undefined && organiserRegion !== null && organiserRegion.startsWith(scope.regionPrefix)));
  if (!p || !visible) throw notFound('培训项目');
  const perClass = await evaluationPerClass(deps.db, projectId);
  return {
    project: { id: p.id, name: p.name, organiserName: p.organiser_name },
    classes: perClass.map((c) => ({
      id: c.id,
      name: c.name,
      institutionName: c.institution_name,
      responses: Number(c.responses ?? 0),
      trainees: Number(c.trainees ?? 0),
    })),
    ...summarizeAnswers(p.evaluation_questions, await answersOf(deps.db, { projectId })),
  };
}
