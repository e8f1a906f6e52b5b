// 分配至承培机构: the organiser (the province for 国家级 and 省级 projects) places approved trainees
// in a class of an institution, in bulk. A class is found by its name within the project, or
// created with the chosen institution. All or nothing: a trainee no longer approved (returned,
// already moved) makes the whole batch 409, so nothing is half-assigned.
import { sql } from 'kysely';
import { requirePermission } from '../../access/policy.ts';
import type { Deps, RequestCtx } from '../../context.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { nodeOf, requireOrganiser, visibleProjectOr404 } from '../projects/projects.service.ts';
import { addEvents } from './events.ts';

export interface Assignment {
  enrollmentIds: number[];
  institutionId: number;
  className: string;
}

export async function assignTrainees(deps: Deps, ctx: RequestCtx, projectId: number, a: Assignment) {
  const actor = ctx.actor!;
  requirePermission(actor, 'project.assign');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, projectId);
  requireOrganiser(p, node);
  if (p.status === 'draft') throw conflict('项目尚未发布');
  const listed = await deps.db.selectFrom('project_institutions').select('institution_id').where('project_id', '=', projectId).execute();
  const inst = await deps.db.selectFrom('institutions').select(['id', 'name']).where('id', '=', a.institutionId).executeTakeFirst();
  if (!inst) throw invalid('承培机构不存在', { institutionId: '请从列表中选择' });
  if (listed.length && !listed.some((x) => x.institution_id === inst.id))
    throw invalid('该机构不是本项目的承培机构', { institutionId: '请选择本项目的承培机构' });
  const ids = [...new Set(a.enrollmentIds)];
  return deps.db.transaction().execute(async (trx) => {
    if (!listed.length)
      await trx
        .insertInto('project_institutions')
        .values({ project_id: projectId, institution_id: inst.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    let cls = await trx
      .selectFrom('training_classes')
      .select(['id', 'institution_id'])
      .where('project_id', '=', projectId)
      .where('name', '=', a.className)
      .executeTakeFirst();
    if (!cls) {
      cls = await trx
        .insertInto('training_classes')
        .values({ project_id: projectId, institution_id: inst.id, name: a.className })
        .onConflict((oc) => oc.columns(['project_id', 'name']).doNothing())
        .returning(['id', 'institution_id'])
        .executeTakeFirst();
      if (!cls) throw conflict('该班级刚被其他管理员创建，请刷新后重试');
    }
    if (cls.institution_id !== inst.id)
      throw invalid(`班级“${a.className}”属于另一承培机构，请换一个班级名称`, { className: '班级名称已被使用' });
    const moved = await trx
      .updateTable('enrollments')
      .set({ status: 'assigned', class_id: cls.id, version: sql`version + 1`, updated_at: new Date() })
      .where('project_id', '=', projectId)
      .where('id', 'in', ids)
      .where('status', 'in', ['approved', 'assigned'])
      .returning('id')
      .execute();
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

export async function projectClasses(deps: Deps, ctx: RequestCtx, projectId: number) {
  const actor = ctx.actor!;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  await visibleProjectOr404(deps.db, node, projectId);
  const rows = await deps.db
    .selectFrom('training_classes as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.name', 'c.institution_id', 'i.name as institution_name', 'c.notice_published_at'])
    .select((eb) =>
      eb.selectFrom('enrollments as e').whereRef('e.class_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('trainees'),
    )
    .where('c.project_id', '=', projectId)
    .orderBy('c.id')
    .execute();
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
