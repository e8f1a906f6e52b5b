// How an elective reads in lists, cards and details: amounts in 学分/学时, labels in Chinese, price in 元.
import type { CreditPolicy } from '@shixun/domain';
import type { ElectiveReviewStatus } from '../../db/types.ts';
import { LEVEL_LABELS, MODE_LABELS } from '../projects/levels.ts';
import type { ElectiveRow } from './electives.repository.ts';

export const REVIEW_STATUS_LABELS: Record<ElectiveReviewStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  published: '已上架',
  returned: '已退回',
  closed: '已下架',
};
export const PAYER_LABELS = { teacher: '教师个人支付', school: '学校支付' } as const;

const fromH = (h: number) => h / 100;
export const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
export const priceLabel = (fen: number, payer: 'teacher' | 'school') => (fen === 0 ? '免费' : `¥${yuan(fen)}（${PAYER_LABELS[payer]}）`);

type Mode = 'online' | 'onsite' | 'blended';
const asMode = (m: string): Mode => (m === 'onsite' || m === 'blended' ? m : 'online');

export function passRule(r: Pick<ElectiveRow, 'min_progress' | 'pass_mark'>): string {
  const score = `考核成绩 ≥ ${Number(r.pass_mark)} 分`;
  return r.min_progress === null ? score : `学习进度 ≥ ${r.min_progress}% 且${score}`;
}

export function summaryOf(r: ElectiveRow, policy: CreditPolicy) {
  const taken = Number(r.taken ?? 0);
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    providerName: r.provider_name,
    organiserName: r.organiser_name,
    levelLabel: LEVEL_LABELS[r.level],
    mode: asMode(r.mode),
    modeLabel: MODE_LABELS[asMode(r.mode)],
    creditCategory: r.credit_category,
    categoryName: policy.categories.find((c) => c.id === r.credit_category)?.name ?? r.credit_category,
    credits: fromH(r.credit_amount_h),
    hours: fromH(r.hours_h),
    unit: policy.unit === 'hour' ? '学时' : '学分',
    targetStages: r.target_stages,
    targetSubjects: r.target_subjects,
    applyStart: r.apply_start,
    applyEnd: r.apply_end,
    startDate: r.start_date,
    endDate: r.end_date,
    capacity: r.capacity,
    taken,
    remaining: r.capacity === null ? null : Math.max(0, r.capacity - taken),
    priceFen: r.price_fen,
    payer: r.payer,
    priceLabel: priceLabel(r.price_fen, r.payer),
    reviewStatus: r.review_status,
    reviewStatusLabel: REVIEW_STATUS_LABELS[r.review_status],
  };
}

export function detailOf(r: ElectiveRow, policy: CreditPolicy, regionNames: Map<string, string>) {
  return {
    ...summaryOf(r, policy),
    description: r.description,
    syllabus: r.syllabus,
    place: r.place,
    passMark: Number(r.pass_mark),
    minProgress: r.min_progress,
    passRule: passRule(r),
    learningUrl: r.learning_url,
    organiserRegionCode: r.organiser_region_code,
    targetRegionCodes: r.target_region_codes,
    targetRegions: r.target_region_codes.map((code) => ({ code, name: regionNames.get(code) ?? code })),
    providerInstitutionId: r.provider_institution_id,
    returnReason: r.return_reason,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewedByName: r.reviewed_by_name,
    classId: r.class_id,
    version: r.version,
  };
}
