// What /api/credit-claims answers (apps/server/src/modules/credit-claims/credit-claims.view.ts).

export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface ClaimType {
  id: string;
  name: string;
  category: string;
  categoryName: string;
  form: string;
  amount: number;
  maxPerYear: number | null;
  reviewLevel: 'school' | 'county' | 'city' | 'province';
  reviewLevelLabel: string;
  evidence: string | null;
}

export interface ClaimTypes {
  policyVersion: number;
  policyName: string;
  unit: 'credit' | 'hour';
  unitLabel: string;
  years: number[];
  types: ClaimType[];
  evidenceLimits: { maxFiles: number; maxBytes: number; types: string[] };
}

export interface ClaimFile {
  id: number;
  name: string;
  mime: string;
  size: number;
  url: string;
}

export interface Claim {
  id: number;
  claimType: string;
  claimTypeName: string;
  title: string;
  description: string | null;
  year: number;
  category: string;
  categoryName: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  reviewLevel: string;
  reviewLevelLabel: string;
  status: ClaimStatus;
  statusLabel: string;
  reviewReason: string | null;
  reviewerName: string | null;
  entryId: number | null;
  createdAt: string;
  reviewedAt: string | null;
  withdrawnAt: string | null;
  files: ClaimFile[];
}

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
