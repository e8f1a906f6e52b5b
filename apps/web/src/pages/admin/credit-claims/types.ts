// What the review side of /api/credit-claims answers; the claim itself is the teacher page's type.
import type { Claim } from '../../space/credit-claims/types.ts';

export type { Claim, ClaimFile, ClaimStatus } from '../../space/credit-claims/types.ts';
export { CLAIM_STATUS_COLORS, formatSize } from '../../space/credit-claims/types.ts';

export interface ReviewClaim extends Claim {
  teacher: { id: number; name: string; idNumber: string | null; school: string; county: string };
}

export interface ReviewDetail extends ReviewClaim {
  unitLabel: string;
  typeInfo: { evidence: string | null; maxPerYear: number | null; claimedThisYear: number };
}

export interface ReviewQueue {
  items: ReviewClaim[];
  total: number;
  page: number;
  pageSize: number;
  counts: { pending: number; approved: number; rejected: number; withdrawn: number };
  level: string;
  levelLabel: string;
  unitLabel: string;
}
