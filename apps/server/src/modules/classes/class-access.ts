// Who may read a class's 开班通知 (the printable PDF, the attachments): the institution that runs the
// class, and the class's own trainees once the notice is published. Everyone else with one of those
// roles gets 404 (the class does not exist for them); other roles 403.
import { can, type Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { findClassAny, isTraineeOf, ownClass, type ClassRow } from './classes.repository.ts';

export interface ClassViewer {
  c: ClassRow;
  as: 'institution' | 'trainee';
}

export async function classForViewer(db: Executor, actor: Actor, classId: number): Promise<ClassViewer> {
  if (can(actor, 'class.manage')) return { c: await ownClass(db, actor, classId), as: 'institution' };
  if (!can(actor, 'project.self')) throw forbidden();
  const c = (await isTraineeOf(db, classId, actor.userId)) && (await findClassAny(db, classId));
  if (!c) throw notFound('班级');
  // a draft notice is the institution's work in progress: trainees see it once published
  if (!c.notice_published_at) throw notFound('开班通知');
  return { c, as: 'trainee' };
}
