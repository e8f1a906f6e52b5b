// Reads for the paid enrolment: the elective's class, by its project.
import type { Executor } from '../../context.ts';

export function electiveClassOf(db: Executor, projectId: number) {
  return db.selectFrom('electives').select(['class_id', 'price_fen']).where('project_id', '=', projectId).executeTakeFirst();
}
