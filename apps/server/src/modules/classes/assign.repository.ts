// SQL of 分配至承培机构: a project's classes, found by name or created (the enrolments move through the
// enrollments module's placement.repository.ts).
import type { Executor } from '../../context.ts';

export function classByName(trx: Executor, projectId: number, name: string) {
  return trx
    .selectFrom('training_classes')
    .select(['id', 'institution_id'])
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** A new class; undefined when another admin created one of that name first. */
export function insertClass(trx: Executor, c: { projectId: number; institutionId: number; name: string }) {
  return trx
    .insertInto('training_classes')
    .values({ project_id: c.projectId, institution_id: c.institutionId, name: c.name })
    .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing())
    .returning(['id', 'institution_id'])
    .executeTakeFirst();
}

export function classesOfProject(db: Executor, projectId: number) {
  return db
    .selectFrom('training_classes as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.name', 'c.institution_id', 'i.name as institution_name', 'c.notice_published_at'])
    .select((eb) =>
      eb.selectFrom('enrollments as e').whereRef('e.class_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('trainees'),
    )
    .where('c.project_id', '=', projectId)
    .orderBy('c.id')
    .execute();
}
