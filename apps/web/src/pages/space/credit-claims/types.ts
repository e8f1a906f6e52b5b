// 学分申报 as the contract (packages/contracts/src/credit-claims.ts) describes it, plus the page's helpers.
import type { ResponseOf, creditClaims } from '@shixun/contracts';

export type ClaimTypes = ResponseOf<typeof creditClaims.claimTypes>;
export type ClaimType = ClaimTypes['types'][number];
export type Claim = ResponseOf<typeof creditClaims.myClaims>['items'][number];
export type ClaimStatus = Claim['status'];

export const CLAIM_STATUS_COLORS: Record<ClaimStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** quantity × amount per item, to the hundredth, as the server computes it. */
export function claimAmount(quantity: number | null | undefined, unitAmount: number | undefined): number | null {
  if (!quantity || !unitAmount || quantity <= 0) return null;
  return Math.round((Math.round(quantity * 100) * Math.round(unitAmount * 100)) / 100) / 100;
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
