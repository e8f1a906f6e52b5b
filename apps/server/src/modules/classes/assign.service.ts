// 分配至承培机构: the organiser (the province for 国家级 and 省级 projects) places approved trainees
// in a class of an institution, in bulk. A class is found by its name within the project, or
// created with the chosen institution. All or nothing: a trainee no longer approved (returned,
// already moved) makes the whole batch 409, so nothing is half-assigned.
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nodeOf } from '../org/org.ts';
import { requireOrganiser, visibleProjectOr404 } from '../projects/projects.service.ts';
import { addInstitution, findInstitution, institutionIdsOf } from '../projects/projects.repository.ts';
import { addEvents } from '../enrollments/events.ts';
import { assignToClass } from '../enrollments/placement.repository.ts';
import { classByName, classesOfProject, insertClass } from './assign.repository.ts';

export interface Assignment {
  enrollmentIds: number[];
  institutionId: number;
  className: string;
}

export async function assignTrainees(deps: Deps, ctx: ActorCtx, projectId: number, a: Assignment) {
  const { actor } = ctx;
  requirePermission(actor, 'project.assign');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, projectId);
  requireOrganiser(p, node);
  if (p.status === 'draft') throw conflict('项目尚未发布');
  const listed = await institutionIdsOf(deps.db, projectId);
  const inst = await findInstitution(deps.db, a.institutionId);
  if (!inst) throw invalid('承培机构不存在', { institutionId: '请从列表中选择' });
  if (listed.length && !listed.includes(inst.id)) throw invalid('该机构不是本项目的承培机构', { institutionId: '请选择本项目的承培机构' });
  const ids = [...new Set(a.enrollmentIds)];
  return deps.db.transaction().execute(async (trx) => {
    if (!listed.length) await addInstitution(trx, projectId, inst.id);
    let cls = await classByName(trx, projectId, a.className);
    if (!cls) {
      cls = await insertClass(trx, { projectId, institutionId: inst.id, name: a.className });
      if (!cls) throw conflict('该班级刚被其他管理员创建，请刷新后重试');
    }
    if (cls.institution_id !== inst.id)
      throw invalid(`班级“${a.className}”属于另一承培机构，请换一个班级名称`, { className: '班级名称已被使用' });
    const moved = await assignToClass(trx, projectId, ids, cls.id);
    if (moved.length !== ids.length) {
      throw conflict(`有 ${ids.length - moved.length} 名学员不是“审核通过”状态（可能已被退回或不属于本项目），未做任何分配，请刷新后重试`);
    }
    await addEvents(trx, actor, ids, { action: 'assigned', level: node.level, reason: `${inst.name} · ${a.className}` });
    await recordAudit(trx, ctx, {
      action: 'project.assign',
      objectType: 'project',
      objectId: projectId,
      detail: { classId: cls.id, institutionId: inst.id, count: ids.length },
    });
    return { assigned: ids.length, classId: cls.id, className: a.className, institutionName: inst.name };
  });
}

export async function projectClasses(deps: Deps, ctx: ActorCtx, projectId: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  await visibleProjectOr404(deps.db, node, projectId);
  const rows = await classesOfProject(deps.db, projectId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      trainees: Number(r.trainees ?? 0),
      noticePublished: !!r.notice_published_at,
    })),
  };
}
