// 训后评估: a trainee answers once, anonymously — the answers row carries the project and class but no
// teacher, and the only trace of who answered is enrollments.evaluated (set in the same transaction,
// which is also what refuses a second submission). Institutions see their class's aggregate, the
// organiser (and the levels above it) the project's.
import { teacherScope } from '../../access/policy.ts';
import type { Deps, RequestCtx } from '../../context.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ownClass } from './classes.repository.ts';
import { checkAnswers, evaluationOpen, summarizeAnswers, type Answers } from './evaluation.ts';
import { myEnrollment } from './my-class.service.ts';

export async function submitEvaluation(deps: Deps, ctx: RequestCtx, enrollmentId: number, given: Record<string, unknown>) {
  const e = await myEnrollment(deps.db, ctx.actor!, enrollmentId);
  if (e.evaluated) throw conflict('您已提交过训后评估，每人只能提交一次', 'ALREADY_EVALUATED');
  const gate = evaluationOpen(e, e);
  if (!gate.open) throw invalid(gate.reason!);
  const checked = checkAnswers(e.evaluation_questions, given);
  if ('error' in checked) throw invalid(checked.error);
  await deps.db.transaction().execute(async (trx) => {
    // the conditional update is the once-only guard: two submissions at once, one wins
    const won = await trx
      .updateTable('enrollments')
      .set({ evaluated: true })
      .where('id', '=', e.id)
      .where('evaluated', '=', false)
      .returning('id')
      .executeTakeFirst();
    if (!won) throw conflict('您已提交过训后评估，每人只能提交一次', 'ALREADY_EVALUATED');
    await trx
      .insertInto('project_evaluations')
      .values({ project_id: e.project_id, class_id: e.class_id, answers: JSON.stringify(checked.answers) })
      .execute();
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

async function answersOf(deps: Deps, where: { projectId: number; classId?: number }): Promise<Answers[]> {
  let q = deps.db.selectFrom('project_evaluations').select('answers').where('project_id', '=', where.projectId);
  if (where.classId !== undefined) q = q.where('class_id', '=', where.classId);
  return (await q.execute()).map((r) => r.answers as Answers);
}

export async function classEvaluation(deps: Deps, ctx: RequestCtx, classId: number) {
  const c = await ownClass(deps.db, ctx.actor!, classId);
  const trainees = await deps.db
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .where('status', '=', 'assigned')
    .executeTakeFirstOrThrow();
  return {
    trainees: Number(trainees.n),
    ...summarizeAnswers(c.evaluation_questions, await answersOf(deps, { projectId: c.project_id, classId })),
  };
}

/** The organiser's view: the project as a whole, with only the count per class (a class's own figures are its institution's). */
export async function projectEvaluation(deps: Deps, ctx: RequestCtx, projectId: number) {
  const scope = teacherScope(ctx.actor!);
  const p = await deps.db
    .selectFrom('projects as p')
    .leftJoin('schools as s', 's.id', 'p.organiser_school_id')
    .select([
      'p.id',
      'p.name',
      'p.organiser_name',
      'p.organiser_region_code',
      'p.organiser_school_id',
      'p.evaluation_questions',
      's.region_code as school_region',
    ])
    .where('p.id', '=', projectId)
    .executeTakeFirst();
  const organiserRegion = p?.organiser_region_code ?? p?.school_region ?? null;
  const visible =
    !!p &&
    !scope.none &&
    ((scope.schoolId !== undefined && p.organiser_school_id === scope.schoolId) ||
      (scope.regionPrefix !== undefined && organiserRegion !== null && organiserRegion.startsWith(scope.regionPrefix)));
  if (!p || !visible) throw notFound('培训项目');
  const perClass = await deps.db
    .selectFrom('training_classes as c')
    .leftJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.name', 'i.name as institution_name'])
    .select((eb) => [
      eb
        .selectFrom('project_evaluations as pe')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('pe.class_id', '=', 'c.id')
        .as('responses'),
      eb
        .selectFrom('enrollments as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .where('e.status', '=', 'assigned')
        .as('trainees'),
    ])
    .where('c.project_id', '=', projectId)
    .orderBy('c.id')
    .execute();
  return {
    project: { id: p.id, name: p.name, organiserName: p.organiser_name },
    classes: perClass.map((c) => ({
      id: c.id,
      name: c.name,
      institutionName: c.institution_name,
      responses: Number(c.responses ?? 0),
      trainees: Number(c.trainees ?? 0),
    })),
    ...summarizeAnswers(p.evaluation_questions, await answersOf(deps, { projectId })),
  };
}
