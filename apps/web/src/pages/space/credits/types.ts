// Shapes of the credit API answers this page and the admin pages read (GET /api/credits/me,
// /api/credits/me/entries, /api/teachers/:id/credits). The evaluation is the engine's own type.
import type { CreditCell, CreditCycleResult, CreditEvaluation, CreditForm, CreditLevel } from '@shixun/domain';

export type { CreditCell, CreditCycleResult, CreditEvaluation };

export interface PolicyView {
  id: string;
  version: number;
  name: string;
  unit: '学分' | '学时';
  hoursPerCredit: number;
  rulesText: string;
  categories: Array<{ id: string; name: string }>;
  cycles: Array<{ id: string; name: string; startYear: number; endYear: number; shownStartYear: number }>;
  groups: Array<{ id: string; name: string; forms: CreditForm[] | null; categories: string[] | null }>;
  levelMinimums: Array<{ id: string; name: string; levels: CreditLevel[] }>;
}

export interface CreditsResponse {
  policy: PolicyView;
  evaluation: CreditEvaluation;
}

export interface EntryView {
  id: number;
  date: string;
  year: number;
  title: string;
  category: string;
  categoryName: string;
  form: CreditForm;
  amount: number;
  hours: number | null;
  source: string;
  level: CreditLevel;
  certifierName: string;
  certifierUnit: string;
  reason: string | null;
  reversalOf: number | null;
  reversedBy: { id: number; date: string; reason: string | null } | null;
  createdAt: string;
  /** admin view only: this admin may reverse it */
  reversible?: boolean;
}

/** A clicked cell: the cycle, and a year or the cycle column, and a category, the total row or a check. */
export interface CellRef {
  cycleId: string;
  year?: number;
  category?: string;
  group?: string;
  label: string;
}
