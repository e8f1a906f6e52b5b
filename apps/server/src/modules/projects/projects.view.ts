// A project as the API shows it: every field with its labels and names, amounts in 学分 / 学时.
import { projects as contract } from '@shixun/contracts';
import type { CreditPolicy } from '@shixun/domain';
import { LEVEL_LABELS, MODE_LABELS, PROJECT_STATUS_LABELS, organiserHolder } from './levels.ts';
import type { ProjectNames as Names, ProjectRow } from './projects.repository.ts';
const fromH = (h: number) => h / 100;

export function categoryName(policy: CreditPolicy, id: string): string {
  return policy.categories.find((c) => c.id === id)?.name ?? id;
}

/** 学分类型及标准 as on the Guangxi card: «公共必修: 20学分», with 学时 when both are given. */
export function creditLabel(policy: CreditPolicy, p: Pick<ProjectRow, 'credit_category' | 'credit_amount_h' | 'hours_h'>): string {
  const amounts = [
    p.credit_amount_h > 0 ? `${fromH(p.credit_amount_h)}学分` : null,
    p.hours_h > 0 ? `${fromH(p.hours_h)}学时` : null,
  ].filter(Boolean);
  const amount = amounts.length === 2 ? `${amounts[0]}（${amounts[1]}）` : (amounts[0] ?? '—');
  return `${categoryName(policy, p.credit_category)}: ${amount}`;
}

export function projectView(p: ProjectRow, names: Names, policy: CreditPolicy) {
  return {
    id: p.id,
    name: p.name,
    year: p.year,
    level: p.level,
    levelLabel: LEVEL_LABELS[p.level],
    organiserName: p.organiser_name,
    organiserHolder: organiserHolder(p),
    organiserRegionName: names.organiserRegionName,
    typeId: p.type_id,
    typeName: names.typeName,
    subTypeId: p.sub_type_id,
    subTypeName: names.subTypeName,
    typeLabel: names.subTypeName ? `${names.typeName} / ${names.subTypeName}` : names.typeName,
    mode: p.mode,
    modeLabel: MODE_LABELS[p.mode],
    funding: p.funding,
    creditCategory: p.credit_category,
    creditCategoryName: categoryName(policy, p.credit_category),
    creditAmount: fromH(p.credit_amount_h),
    hours: fromH(p.hours_h),
    creditLabel: creditLabel(policy, p),
    targetStages: p.target_stages,
    targetSubjects: p.target_subjects,
    targetRegions: names.targetRegions,
    quota: p.quota,
    institutions: names.institutions,
    place: p.place,
    startDate: p.start_date,
    endDate: p.end_date,
    allowApplication: p.allow_application,
    applyStart: p.apply_start,
    applyEnd: p.apply_end,
    onsiteWeight: p.onsite_weight,
    onlineWeight: p.online_weight,
    passMark: Number(p.pass_mark),
    learningUrl: p.learning_url,
    evaluationQuestions: p.evaluation_questions,
    quotaFallback: p.quota_fallback,
    quotaFallbackLabel: contract.QUOTA_FALLBACK_LABELS[p.quota_fallback],
    certificatePhoto: p.certificate_photo,
    status: p.status,
    statusLabel: PROJECT_STATUS_LABELS[p.status],
    createdAt: p.created_at,
    publishedAt: p.published_at,
    closedAt: p.closed_at,
  };
}
export type ProjectView = ReturnType<typeof projectView>;
