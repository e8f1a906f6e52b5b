import type { Generated } from 'kysely';
import type { NullableTs } from '../columns.ts';

// --- 自主选学 (018_electives.sql): the catalogue's side of an elective; the plan is its projects row ---
export type ElectiveReviewStatus = 'draft' | 'pending' | 'published' | 'returned' | 'closed';
export interface ElectiveTable {
  project_id: number;
  provider_institution_id: number | null;
  provider_name: string;
  offered_by: Generated<'institution' | 'admin'>;
  review_status: Generated<ElectiveReviewStatus>;
  return_reason: string | null;
  submitted_at: NullableTs;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  reviewed_at: NullableTs;
  description: Generated<string>;
  syllabus: Generated<string>;
  capacity: number | null;
  price_fen: Generated<number>;
  payer: Generated<'teacher' | 'school'>;
  class_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ElectiveTables {
  electives: ElectiveTable;
}
