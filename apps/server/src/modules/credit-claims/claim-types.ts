// The 学分申报 conversion table (折算表) comes from the active credit policy: what may be claimed,
// for how much per item, how much a year at most, and which level reviews it.
import { CREDIT_UNIT_LABELS, type CreditClaimType, type CreditPolicy, type Role } from '@shixun/domain';

export type ReviewLevel = CreditClaimType['reviewLevel'];
export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export const REVIEW_LEVEL_LABELS: Record<ReviewLevel, string> = { school: '学校', county: '区县', city: '市级', province: '省级' };
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};
/** Which admin role reviews which level ("谁组织、谁认定"). */
export const LEVEL_OF_ROLE: Partial<Record<Role, ReviewLevel>> = {
  school_admin: 'school',
  county_admin: 'county',
  city_admin: 'city',
  province_admin: 'province',
};

export const toH = (x: number) => Math.round(x * 100);
/** quantity × amount per item, in hundredths, rounded to the hundredth (0.5 × 2.25 = 1.125 → 1.13). */
export const claimAmountH = (quantityH: number, unitAmount: number) => Math.round((quantityH * toH(unitAmount)) / 100);

export function unitLabel(policy: CreditPolicy): string {
  return CREDIT_UNIT_LABELS[policy.unit];
}

export function categoryName(policy: CreditPolicy, id: string): string {
  return policy.categories.find((c) => c.id === id)?.name ?? id;
}

/** Years a claim may name: inside one of the policy's cycles, and not in the future. */
export function claimableYear(policy: CreditPolicy, year: number, thisYear: number): boolean {
  return year <= thisYear && policy.cycles.some((c) => year >= c.startYear && year <= c.endYear);
}

/** What the claim form and the review page show of the table. */
export function claimTypesView(policy: CreditPolicy, thisYear: number) {
  const years: number[] = [];
  for (let y = thisYear; y > thisYear - 6; y--) if (claimableYear(policy, y, thisYear)) years.push(y);
  return {
    unit: policy.unit,
    unitLabel: unitLabel(policy),
    years,
    types: policy.claimTypes.map((t) => ({
      id: t.id,
      name: t.name,
      category: t.category,
      categoryName: categoryName(policy, t.category),
      form: t.form,
      amount: t.amount,
      maxPerYear: t.maxPerYear ?? null,
      reviewLevel: t.reviewLevel,
      reviewLevelLabel: REVIEW_LEVEL_LABELS[t.reviewLevel],
      evidence: t.evidence ?? null,
    })),
  };
}
