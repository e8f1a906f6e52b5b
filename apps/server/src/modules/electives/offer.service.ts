// 自主选学项目 offered: an institution (as itself) or a region admin (naming the institution that runs
// it) writes a draft, edits it while draft or returned, and submits it to the organising level. The
// plan's columns are a projects row (kind 'elective', written through the projects module), the
// catalogue's are the electives row. Every change is audited in its transaction.
import { projects, type electives as c } from '@shixun/contracts';
import { requirePermission, type Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { childNodes, findRegion, nodeOf, regionFullName } from '../org/org.ts';
import {
  electiveTypeId,
  existingRegions,
  findInstitution,
  insertProject,
  listInstitutions,
  setInstitutions,
  updateDraft,
} from '../projects/projects.repository.ts';
import { MODE_LABELS } from '../projects/levels.ts';
import {
  findElective,
  insertElective,
  listElectives,
  markSubmitted,
  updateElectiveRow,
  type ElectiveRow,
  type Viewer,
} from './electives.repository.ts';
import { detailOf, summaryOf } from './electives.view.ts';

/** The viewer an admin acts as: their institution, or their region node (a school admin offers nothing). */
export async function viewerOf(db: Executor, actor: Actor): Promise<Viewer> {
  if (actor.role === 'institution_admin') {
    if (!actor.scope.institutionId) throw forbidden('您的账号没有所属的承培机构');
    return { kind: 'institution', institutionId: actor.scope.institutionId };
  }
  const node = await nodeOf(db, actor);
  if (node.level === 'school') throw forbidden();
  return { kind: 'region', regionCode: node.regionCode };
}

/** The elective as this admin sees it, or 404 (outside their institution or area it does not exist for them). */
export async function visibleElective(db: Executor, v: Viewer, id: number): Promise<ElectiveRow> {
  const r = await findElective(db, v, id);
  if (!r) throw notFound('自主选学项目');
  return r;
}

/** The offerer edits and submits: the provider institution, or the organiser node for an admin's own offer. */
export function isOfferer(r: ElectiveRow, v: Viewer): boolean {
  return v.kind === 'institution'
    ? r.offered_by === 'institution' && r.provider_institution_id === v.institutionId
    : r.offered_by === 'admin' && r.organiser_region_code === v.regionCode;
}

export async function adminView(db: Executor, v: Viewer, r: ElectiveRow) {
  const { policy } = await activePolicy(db);
  const codes = r.target_region_codes;
  const names = new Map(await Promise.all(codes.map(async (code) => [code, await regionFullName(db, code)] as const)));
  const offerer = isOfferer(r, v);
  return {
    elective: detailOf(r, policy, names),
    abilities: {
      edit: offerer && (r.review_status === 'draft' || r.review_status === 'returned'),
      submit: offerer && (r.review_status === 'draft' || r.review_status === 'returned'),
      review: v.kind === 'region' && r.organiser_region_code === v.regionCode && r.review_status === 'pending',
    },
  };
}

const LEVEL_OF_CODE = { 2: 'province', 4: 'city', 6: 'county' } as const;
const toH = (x: number) => Math.round(x * 100);

/** Who organises (and approves) it, and who provides it: checked against the actor. */
async function parties(db: Executor, v: Viewer, input: c.ElectiveInput, provinceCode: string) {
  let organiser: string;
  let providerId: number;
  if (v.kind === 'institution') {
    organiser = input.organiserRegionCode ?? provinceCode;
    if (!organiser.startsWith(provinceCode) || organiser.length > 4)
      throw invalid('组织单位须为本省或本省的市', { organiserRegionCode: '请从列表中选择' });
    providerId = v.institutionId;
  } else {
    organiser = v.regionCode;
    if (!input.providerInstitutionId) throw invalid('请选择提供机构（负责教学并登记学习进度和成绩）', { providerInstitutionId: '请选择' });
    providerId = input.providerInstitutionId;
  }
  const [region, provider] = await Promise.all([findRegion(db, organiser), findInstitution(db, providerId)]);
  if (!region) throw invalid('组织单位不存在', { organiserRegionCode: '请从列表中选择' });
  if (!provider) throw invalid('提供机构不存在', { providerInstitutionId: '请从列表中选择' });
  const { policy } = await activePolicy(db);
  if (!policy.categories.some((k) => k.id === input.creditCategory))
    throw invalid(`学分类型不在当前学分政策中，可选：${policy.categories.map((k) => k.name).join('、')}`, {
      creditCategory: '请从列表中选择',
    });
  if (input.targetRegionCodes.length) {
    const outside = input.targetRegionCodes.filter((x) => !x.startsWith(organiser));
    if (outside.length)
      throw invalid(`面向地区须在组织单位的管辖范围内：${outside.join('、')} 不在范围内`, { targetRegionCodes: '超出范围' });
    if ((await existingRegions(db, input.targetRegionCodes)).length !== input.targetRegionCodes.length)
      throw invalid('面向地区不存在', { targetRegionCodes: '请从列表中选择' });
  }
  const level = LEVEL_OF_CODE[organiser.length as 2 | 4 | 6];
  return { organiser, organiserName: await regionFullName(db, organiser), level, provider };
}

function planColumns(input: c.ElectiveInput) {
  return {
    name: input.name,
    year: input.year,
    mode: input.mode,
    credit_category: input.creditCategory,
    credit_amount_h: toH(input.creditAmount),
    hours_h: toH(input.hours),
    target_stages: input.targetStages,
    target_subjects: input.targetSubjects,
    target_region_codes: input.targetRegionCodes,
    quota: input.capacity ?? 0,
    place: input.place,
    start_date: input.startDate,
    end_date: input.endDate,
    apply_start: input.applyStart,
    apply_end: input.applyEnd,
    // one score (the institution's test): 网络学习 carries the whole 总成绩
    onsite_weight: 0,
    online_weight: 100,
    pass_mark: input.passMark,
    min_progress: input.minProgress,
    learning_url: input.learningUrl,
  };
}

const catalogueColumns = (input: c.ElectiveInput) => ({
  description: input.description,
  syllabus: input.syllabus,
  capacity: input.capacity,
  price_fen: input.priceFen,
  payer: input.payer,
});

export async function createElective(deps: Deps, ctx: ActorCtx, input: c.ElectiveInput) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const p = await parties(deps.db, v, input, deps.config.provinceCode);
  const typeId = await electiveTypeId(deps.db);
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertProject(trx, {
      ...planColumns(input),
      kind: 'elective',
      level: p.level,
      type_id: typeId,
      organiser_region_code: p.organiser,
      organiser_school_id: null,
      organiser_name: p.organiserName,
      created_by: ctx.actor.userId,
    });
    await setInstitutions(trx, id, [p.provider.id]);
    await insertElective(trx, {
      project_id: id,
      provider_institution_id: p.provider.id,
      provider_name: p.provider.name,
      offered_by: v.kind === 'institution' ? 'institution' : 'admin',
      created_by: ctx.actor.userId,
      ...catalogueColumns(input),
    });
    await recordAudit(trx, ctx, { action: 'elective.create', objectType: 'elective', objectId: id, detail: { name: input.name } });
    return id;
  });
  return adminView(deps.db, v, await visibleElective(deps.db, v, id));
}

export async function updateElective(deps: Deps, ctx: ActorCtx, id: number, input: c.ElectiveInput) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const r = await visibleElective(deps.db, v, id);
  if (!isOfferer(r, v)) throw forbidden('只有提出该课程的单位可以修改');
  if (r.review_status !== 'draft' && r.review_status !== 'returned') throw conflict('课程已提交审核或已上架，不能再修改');
  const p = await parties(
    deps.db,
    v,
    { ...input, providerInstitutionId: input.providerInstitutionId ?? r.provider_institution_id },
    deps.config.provinceCode,
  );
  await deps.db.transaction().execute(async (trx) => {
    const done = await updateElectiveRow(trx, id, null, {
      ...catalogueColumns(input),
      provider_institution_id: p.provider.id,
      provider_name: p.provider.name,
    });
    if (!done) throw conflict('课程刚刚被提交或审核，请刷新后重试');
    const plan = await updateDraft(trx, id, {
      ...planColumns(input),
      level: p.level,
      organiser_region_code: p.organiser,
      organiser_name: p.organiserName,
    });
    if (!plan) throw conflict('课程已上架，不能再修改');
    await setInstitutions(trx, id, [p.provider.id]);
    await recordAudit(trx, ctx, { action: 'elective.update', objectType: 'elective', objectId: id, detail: { name: input.name } });
  });
  return adminView(deps.db, v, await visibleElective(deps.db, v, id));
}

export async function submitElective(deps: Deps, ctx: ActorCtx, id: number, version: number) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const r = await visibleElective(deps.db, v, id);
  if (!isOfferer(r, v)) throw forbidden('只有提出该课程的单位可以提交审核');
  if (r.review_status !== 'draft' && r.review_status !== 'returned') throw conflict('课程已提交审核或已上架');
  await deps.db.transaction().execute(async (trx) => {
    const done = await markSubmitted(trx, id, version);
    if (!done) throw conflict('课程刚刚有了变化，请刷新后重试', 'TAKEN');
    await recordAudit(trx, ctx, {
      action: 'elective.submit',
      objectType: 'elective',
      objectId: id,
      detail: { organiser: r.organiser_name },
    });
  });
  return adminView(deps.db, v, await visibleElective(deps.db, v, id));
}

export async function getElective(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  return adminView(deps.db, v, await visibleElective(deps.db, v, id));
}

export async function searchElectives(deps: Deps, ctx: ActorCtx, f: { status?: string; q?: string; page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const [{ rows, total }, { policy }] = await Promise.all([listElectives(deps.db, v, f), activePolicy(deps.db)]);
  return { items: rows.map((r) => summaryOf(r, policy)), total, page: f.page, pageSize: f.pageSize };
}

export async function formOptions(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'elective.offer');
  const v = await viewerOf(deps.db, ctx.actor);
  const { policy } = await activePolicy(deps.db);
  const province = deps.config.provinceCode;
  const organisers =
    v.kind === 'institution'
      ? [
          { value: province, label: await regionFullName(deps.db, province) },
          ...(await childNodes(deps.db, province)).map((n) => ({ value: n.holder, label: n.name })),
        ]
      : [{ value: v.regionCode, label: await regionFullName(deps.db, v.regionCode) }];
  return {
    categories: policy.categories.map((k) => ({ id: k.id, name: k.name })),
    modes: (['online', 'onsite', 'blended'] as const).map((m) => ({ value: m, label: MODE_LABELS[m] })),
    stages: [...projects.STAGES],
    subjects: [...projects.SUBJECTS],
    unit: policy.unit === 'hour' ? '学时' : '学分',
    organisers,
    institutions: v.kind === 'institution' ? null : (await listInstitutions(deps.db)).map((i) => ({ id: i.id, name: i.name })),
  };
}
