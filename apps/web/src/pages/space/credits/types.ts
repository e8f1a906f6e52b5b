// Shapes of the credit API answers this page and the admin pages read, derived from the contracts
// (packages/contracts/src/credits.ts): GET /api/credits/me, /api/credits/me/entries, /api/teachers/:id/credits.
import type { credits, ResponseOf } from '@shixun/contracts';

export type CreditsResponse = ResponseOf<typeof credits.myCredits>;
export type PolicyView = CreditsResponse['policy'];
type CreditEvaluation = CreditsResponse['evaluation'];
export type CreditCycleResult = CreditEvaluation['cycles'][number];
export type CreditCell = CreditEvaluation['total'];
/** A ledger row; `reversible` only in the admin view (this admin may reverse it). */
export type EntryView = ResponseOf<typeof credits.myEntries>['items'][number] & { reversible?: boolean };

/** A clicked cell: the cycle, and a year or the cycle column, and a category, the total row or a check. */
export interface CellRef {
  cycleId: string;
  year?: number;
  category?: string;
  group?: string;
  label: string;
}
