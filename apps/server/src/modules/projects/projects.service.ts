// 培训项目 plan: admins create projects at their own level, edit drafts, publish (which checks
// completeness and opens the organiser's quota row) and close. Only the organiser's node changes a
// project; anyone whose area it concerns reads it. Every change is audited in its transaction.
import { ROLE_LABELS } from '@shixun/domain';
import { requirePermission, type Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { nodeOf, type AdminNode } from '../org/org.ts';
import { LEVEL_LABELS, LEVELS_OF_ROLE, organiserHolder } from './levels.ts';
import { publishProblems } from './publish.ts';
import type { projects } from '@shixun/contracts';
import {
  existingInstitutions,
  existingRegions,
  findProjectType,
  findVisibleProject,
  insertProject,
  institutionIdsOf,
  listProjects,
  markClosed,
  markPublished,
  projectNames,
  setInstitutions,
  updateDraft,
  type ProjectFilter,
  type ProjectRow,
} from './projects.repository.ts';
import { projectView } from './projects.view.ts';
import { insertRootQuota, quotaRowsOf } from './quotas.repository.ts';

/** A project this admin may see, or 404 (outside their area it does not exist for them). */
export async function visibleProjectOr404(db: Executor, node: AdminNode, id: number): Promise<ProjectRow> {
  const p = await findVisibleProject(db, node, id);
  if (!p) throw notFound('培训项目');
  return p;
}

/** Only the organiser's own node changes a project ("谁组织、谁负责"). */
export function requireOrganiser(p: ProjectRow, node: AdminNode) {
  if (organiserHolder(p) !== node.holder) throw forbidden(`该项目由${p.organiser_name}组织，只有组织单位可以修改、发布或分配`);
}

export async function viewOf(db: Executor, p: ProjectRow) {
  const [names, { policy }] = await Promise.all([projectNames(db, p), activePolicy(db)]);
  return projectView(p, names, policy);
}

const toH = (x: number) => Math.round(x * 100);

/** References the schema cannot check: type/sub-type, credit category, institutions, target regions. */
async function checkReferences(db: Executor, node: AdminNode, actor: Actor, input: projects.ProjectInput) {
  const allowed = LEVELS_OF_ROLE[actor.role] ?? [];
  if (!allowed.includes(input.level)) {
    throw invalid(`${ROLE_LABELS[actor.role]}只能创建${allowed.map((l) => LEVEL_LABELS[l]).join('、')}项目`, {
      level: '级别与您的管理层级不符',
    });
  }
  const type = await findProjectType(db, input.typeId);
  if (!type || type.parent_id !== null) throw invalid('项目类型不存在', { typeId: '请从列表中选择' });
  if (input.subTypeId) {
    const sub = await findProjectType(db, input.subTypeId);
    if (!sub || sub.parent_id !== input.typeId) throw invalid('子类型不属于所选项目类型', { subTypeId: '请重新选择' });
  }
  const { policy } = await activePolicy(db);
  if (!policy.categories.some((c) => c.id === input.creditCategory)) {
    throw invalid(`学分类型不在当前学分政策中，可选：${policy.categories.map((c) => c.name).join('、')}`, {
      creditCategory: '请从列表中选择',
    });
  }
  const ids = [...new Set(input.institutionIds)];
  if (ids.length) {
    const found = await existingInstitutions(db, ids);
    if (found.length !== ids.length) throw invalid('承培机构不存在', { institutionIds: '请从列表中选择' });
  }
  if (input.targetRegionCodes.length) {
    if (node.level === 'school') throw invalid('校级项目面向本校教师，不能指定面向地区', { targetRegionCodes: '请留空' });
    const outside = input.targetRegionCodes.filter((c) => !c.startsWith(node.regionCode));
    if (outside.length)
      throw invalid(`面向地区须在本单位管辖范围内：${outside.join('、')} 不在范围内`, { targetRegionCodes: '超出管辖范围' });
    const found = await existingRegions(db, input.targetRegionCodes);
    if (found.length !== input.targetRegionCodes.length) throw invalid('面向地区不存在', { targetRegionCodes: '请从列表中选择' });
  }
}

function columnsOf(input: projects.ProjectInput) {
  return {
    name: input.name,
    year: input.year,
    level: input.level,
    type_id: input.typeId,
    sub_type_id: input.subTypeId,
    mode: input.mode,
    funding: input.funding,
    credit_category: input.creditCategory,
    credit_amount_h: toH(input.creditAmount),
    hours_h: toH(input.hours),
    target_stages: input.targetStages,
    target_subjects: input.targetSubjects,
    target_region_codes: input.targetRegionCodes,
    quota: input.quota,
    place: input.place,
    start_date: input.startDate,
    end_date: input.endDate,
    allow_application: input.allowApplication,
    apply_start: input.applyStart,
    apply_end: input.applyEnd,
    onsite_weight: input.onsiteWeight,
    online_weight: input.onlineWeight,
    pass_mark: input.passMark,
    learning_url: input.learningUrl,
    quota_fallback: input.quotaFallback,
    certificate_photo: input.certificatePhoto,
    evaluation_questions: JSON.stringify(
      input.evaluationQuestions.map((q, i) => ({ id: q.id || `q${i + 1}`, text: q.text, kind: q.kind })),
    ),
  };
}

export async function createProject(deps: Deps, ctx: ActorCtx, input: projects.ProjectInput) {
  const { actor } = ctx;
  requirePermission(actor, 'project.plan');
  const node = await nodeOf(deps.db, actor);
  await checkReferences(deps.db, node, actor, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertProject(trx, {
      ...columnsOf(input),
      organiser_name: input.organiserName || node.name,
      created_by: actor.userId,
      organiser_region_code: node.schoolId ? null : node.regionCode,
      organiser_school_id: node.schoolId,
    });
    await setInstitutions(trx, id, input.institutionIds);
    await recordAudit(trx, ctx, {
      action: 'project.create',
      objectType: 'project',
      objectId: id,
      detail: { name: input.name, level: input.level },
    });
    return id;
  });
  return getProject(deps, ctx, id);
}

export async function updateProject(deps: Deps, ctx: ActorCtx, id: number, input: projects.ProjectInput) {
  const { actor } = ctx;
  requirePermission(actor, 'project.plan');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, id);
  requireOrganiser(p, node);
  if (p.status !== 'draft') throw conflict('项目已发布，不能再修改；只有草稿可以修改');
  await checkReferences(deps.db, node, actor, input);
  await deps.db.transaction().execute(async (trx) => {
    // a publish between our read and this write must win: only a draft is written
    const done = await updateDraft(trx, id, { ...columnsOf(input), organiser_name: input.organiserName || p.organiser_name });
    if (!done) throw conflict('项目已发布，不能再修改；只有草稿可以修改');
    await setInstitutions(trx, id, input.institutionIds);
    await recordAudit(trx, ctx, { action: 'project.update', objectType: 'project', objectId: id, detail: { name: input.name } });
  });
  return getProject(deps, ctx, id);
}

export async function publishProject(deps: Deps, ctx: ActorCtx, id: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.plan');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, id);
  requireOrganiser(p, node);
  if (p.status !== 'draft') throw conflict('项目已发布或已关闭，不能重复发布');
  await deps.db.transaction().execute(async (trx) => {
    const institutions = await institutionIdsOf(trx, id);
    const problems = publishProblems({
      quota: p.quota,
      creditAmountH: p.credit_amount_h,
      hoursH: p.hours_h,
      mode: p.mode,
      place: p.place,
      institutions: institutions.length,
      learningUrl: p.learning_url,
      allowApplication: p.allow_application,
      applyStart: p.apply_start,
      applyEnd: p.apply_end,
      startDate: p.start_date,
      endDate: p.end_date,
    });
    if (problems.length) throw invalid(`项目信息不完整，不能发布：${problems.join('；')}`);
    const done = await markPublished(trx, id);
    if (!done) throw conflict('项目已被发布或修改，请刷新后重试');
    // the organiser's node holds the whole quota; it is split down the tree from here
    await insertRootQuota(trx, { projectId: id, holder: node.holder, holderName: p.organiser_name, quota: done.quota });
    await recordAudit(trx, ctx, { action: 'project.publish', objectType: 'project', objectId: id, detail: { quota: done.quota } });
  });
  return getProject(deps, ctx, id);
}

export async function closeProject(deps: Deps, ctx: ActorCtx, id: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.plan');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, id);
  requireOrganiser(p, node);
  await deps.db.transaction().execute(async (trx) => {
    const done = await markClosed(trx, id);
    if (!done) throw conflict(p.status === 'draft' ? '草稿尚未发布，不能关闭' : '项目已关闭');
    await recordAudit(trx, ctx, { action: 'project.close', objectType: 'project', objectId: id });
  });
  return getProject(deps, ctx, id);
}

export async function searchProjects(deps: Deps, ctx: ActorCtx, f: ProjectFilter) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  const { rows, total } = await listProjects(deps.db, node, f);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      year: r.year,
      level: r.level,
      levelLabel: LEVEL_LABELS[r.level],
      status: r.status,
      organiserName: r.organiser_name,
      typeName: r.type_name,
      mode: r.mode,
      startDate: r.start_date,
      endDate: r.end_date,
      quota: r.quota,
      enrolled: Number(r.enrolled ?? 0),
      allowApplication: r.allow_application,
      mine: organiserHolder(r) === node.holder,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    node: { level: node.level, name: node.name, levels: LEVELS_OF_ROLE[actor.role] ?? [] },
  };
}

export async function getProject(deps: Deps, ctx: ActorCtx, id: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  const p = await visibleProjectOr404(deps.db, node, id);
  const mine = organiserHolder(p) === node.holder;
  const rows = await quotaRowsOf(deps.db, id);
  const myRow = rows.find((r) => r.holder === node.holder);
  return {
    project: await viewOf(deps.db, p),
    myQuota: myRow
      ? {
          id: myRow.id,
          quota: myRow.quota,
          grantedBelow: myRow.granted_below,
          used: myRow.used,
          free: myRow.quota - myRow.granted_below - myRow.used,
        }
      : null,
    abilities: {
      edit: mine && p.status === 'draft',
      publish: mine && p.status === 'draft',
      close: mine && p.status === 'published',
      grant: !!myRow && node.level !== 'school' && p.status === 'published',
      select: !!myRow && (node.level === 'school' || node.level === 'county') && p.status === 'published',
      assign: mine && p.status !== 'draft',
      // the same rule as the summary itself (classes/evaluation.service.ts): the organiser and the regions above it
      evaluation: p.status !== 'draft' && (mine || (node.level !== 'school' && !!p.organiser_region_code?.startsWith(node.holder))),
    },
    node: { level: node.level, holder: node.holder, name: node.name },
  };
}
