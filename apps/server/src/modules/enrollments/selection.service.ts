// 遴选: a county or school admin picks teachers of their scope for a published project, within the
// quota their node holds. All picked teachers take their places with ONE conditional UPDATE
// (used + n where n are free) — the whole batch or nothing, so concurrent selections and grants
// on the same row can never oversell it. The selection is the selecting level's review step.
import { maskIdNumber } from '@shixun/domain';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { LEVEL_LABELS } from '../projects/levels.ts';
import { nodeOf } from '../org/org.ts';
import { visibleProjectOr404 } from '../projects/projects.service.ts';
import { quotaRow, useQuota } from '../projects/quotas.repository.ts';
import { STAGE_LABELS, approvalAction, firstStage } from './chain.ts';
import { targetsTeacher } from './eligibility.ts';
import { enrol } from './enrol.ts';
import { enrollmentsOfTeachers } from './enrollments.repository.ts';
import { candidateRows, teachersToSelect } from './selection.repository.ts';
import { addEvents } from './events.ts';
import { applyFacts } from './apply.service.ts';

export async function selectTeachers(deps: Deps, ctx: ActorCtx, projectId: number, teacherIds: number[]) {
  const { actor } = ctx;
  requirePermission(actor, 'project.select');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, projectId);
  if (p.status !== 'published') throw conflict(p.status === 'draft' ? '项目尚未发布' : '项目已关闭，不能再遴选');
  const stage = firstStage(p.level, 'selected', node.level);
  if (!stage) throw conflict(`${LEVEL_LABELS[p.level]}项目的审核流程中没有${STAGE_LABELS[node.level]}一级，不能遴选`);
  const ids = [...new Set(teacherIds)];
  const teachers = await teachersToSelect(deps.db, teacherScope(actor), ids);
  if (teachers.length !== ids.length) throw notFound('教师');
  const inactive = teachers.filter((t) => t.status !== 'active');
  if (inactive.length) throw invalid(`以下教师的账号未启用，不能遴选：${inactive.map((t) => t.name).join('、')}`);
  const outside = teachers.filter((t) => !targetsTeacher(applyFacts(p), { regionCode: t.region_code, schoolId: t.school_id }));
  if (outside.length) throw invalid(`以下教师不在项目面向的地区：${outside.map((t) => t.name).join('、')}`);

  const enrolled = await deps.db.transaction().execute(async (trx) => {
    const taken = (await enrollmentsOfTeachers(trx, projectId, ids)).filter((x) =>
      ['reviewing', 'approved', 'assigned'].includes(x.status),
    );
    if (taken.length) {
      throw conflict(
        `以下教师已报名该项目：${teachers
          .filter((t) => taken.some((x) => x.teacher_id === t.id))
          .map((t) => t.name)
          .join('、')}`,
        'ALREADY_ENROLLED',
      );
    }
    const row = await quotaRow(trx, projectId, node.holder);
    if (!row) throw conflict('本单位在该项目中没有名额，请联系上级分配名额');
    if (!(await useQuota(trx, row.id, ids.length))) {
      const now = await quotaRow(trx, projectId, node.holder);
      throw conflict(`名额不足：本单位剩余 ${now!.quota - now!.granted_below - now!.used} 个，本次遴选 ${ids.length} 人`, 'QUOTA_EXCEEDED');
    }
    const enrollmentIds = await enrol(trx, { projectId, teacherIds: ids, origin: 'selected', stage, quotaId: row.id });
    await addEvents(trx, actor, enrollmentIds, { action: 'selected', level: node.level });
    await addEvents(trx, actor, enrollmentIds, { action: approvalAction(p.level, node.level), level: node.level });
    await recordAudit(trx, ctx, {
      action: 'project.select',
      objectType: 'project',
      objectId: projectId,
      detail: { teacherIds: ids, stage },
    });
    return enrollmentIds;
  });
  return { selected: enrolled.length, enrollmentIds: enrolled, stage, stageLabel: STAGE_LABELS[stage] };
}

/** Teachers of my scope to pick from, with what the project asks and whether they are enrolled already. */
export async function candidates(
  deps: Deps,
  ctx: ActorCtx,
  projectId: number,
  f: { q?: string; stage?: string; subject?: string; page: number; pageSize: number },
) {
  const { actor } = ctx;
  requirePermission(actor, 'project.select');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, projectId);
  const { rows, total } = await candidateRows(deps.db, teacherScope(actor), projectId, f);
  const facts = applyFacts(p);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      schoolName: r.school_name,
      countyName: r.county_name,
      stage: r.stage,
      subject: r.subject,
      enrollmentStatus: r.enrollment_status,
      enrolled: r.enrollment_status !== null && r.enrollment_status !== 'returned' && r.enrollment_status !== 'withdrawn',
      matches:
        targetsTeacher(facts, { regionCode: r.region_code, schoolId: r.school_id }) &&
        (!p.target_stages.length || (!!r.stage && p.target_stages.includes(r.stage))) &&
        (!p.target_subjects.length || (!!r.subject && p.target_subjects.includes(r.subject))),
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
