// SQL of 训后评估: the anonymous answers rows (project_evaluations); the once-only flag on the enrolment is
// set through the enrollments module. No query here joins an answers row to a teacher.
import type { Executor } from '../../context.ts';
import type { Answers } from './evaluation.ts';

export async function countEvaluations(db: Executor, classId: number): Promise<number> {
  const r = await db
    .selectFrom('project_evaluations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertEvaluation(trx: Executor, v: { projectId: number; classId: number | null; answers: Answers }) {
  await trx
    .insertInto('project_evaluations')
    .values({ project_id: v.projectId, class_id: v.classId, answers: JSON.stringify(v.answers) })
    .execute();
}

export async function answersOf(db: Executor, where: { projectId: number; classId?: number }): Promise<Answers[]> {
  let q = db.selectFrom('project_evaluations').select('answers').where('project_id', '=', where.projectId);
  if (where.classId !== undefined) q = q.where('class_id', '=', where.classId);
  return (await q.execute()).map((r) => r.answers as Answers);
}

/** The project with what decides who may see its summary (the organiser's school or region). */
export function projectOfEvaluation(db: Executor, projectId: number) {
  return db
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
}

/** Per class of the project: how many answered and how many trainees it has. */
export function evaluationPerClass(db: Executor, projectId: number) {
  return db
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
}
