import type { ColumnType, Generated } from 'kysely';
import type { DateCol, NullableTs, Timestamp } from '../columns.ts';

// --- training projects (010_projects.sql) ---
type DateStr = ColumnType<string, string, string>;
type NullNum = ColumnType<number | null, number | string | null | undefined, number | string | null>;
export type ProjectLevel = 'national' | 'province' | 'city' | 'county' | 'school';
export interface ProjectTypeTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  sort: Generated<number>;
}
export interface ProjectTable {
  id: Generated<number>;
  name: string;
  year: number;
  level: ProjectLevel;
  organiser_region_code: string | null;
  organiser_school_id: number | null;
  organiser_name: string;
  type_id: number;
  sub_type_id: number | null;
  mode: 'onsite' | 'online' | 'blended' | 'school_based';
  funding: Generated<string>;
  credit_category: string;
  credit_amount_h: Generated<number>;
  hours_h: Generated<number>;
  target_stages: Generated<string[]>;
  target_subjects: Generated<string[]>;
  target_region_codes: Generated<string[]>;
  quota: number;
  place: Generated<string>;
  start_date: DateStr;
  end_date: DateStr;
  allow_application: Generated<boolean>;
  apply_start: DateCol;
  apply_end: DateCol;
  onsite_weight: Generated<number>;
  online_weight: Generated<number>;
  pass_mark: ColumnType<number, number | string | undefined, number | string>;
  learning_url: string | null;
  evaluation_questions: ColumnType<{ id: string; text: string; kind: 'rating' | 'text' }[], string | undefined, string>;
  status: Generated<'draft' | 'published' | 'closed'>;
  created_by: number | null;
  created_at: Generated<Date>;
  published_at: NullableTs;
  closed_at: NullableTs;
  // 017_project_settings.sql
  quota_fallback: Generated<'nearest' | 'walk_up'>;
  certificate_photo: Generated<boolean>;
  // 018_electives.sql: a training project or an elective (自主选学); an elective's pass rule on progress
  kind: Generated<'project' | 'elective'>;
  min_progress: number | null;
}
export interface ProjectInstitutionTable {
  project_id: number;
  institution_id: number;
}
export interface ProjectQuotaTable {
  id: Generated<number>;
  project_id: number;
  holder: string;
  holder_name: string;
  parent_id: number | null;
  quota: number;
  granted_below: Generated<number>;
  used: Generated<number>;
}
export interface EnrollmentTable {
  id: Generated<number>;
  project_id: number;
  teacher_id: number;
  origin: 'selected' | 'applied' | 'self';
  status: Generated<'reviewing' | 'returned' | 'approved' | 'assigned' | 'withdrawn'>;
  stage: 'school' | 'county' | 'city' | 'province' | 'done';
  quota_id: number | null;
  class_id: number | null;
  onsite_score: NullNum;
  online_score: NullNum;
  total_score: NullNum;
  result: 'passed' | 'failed' | null;
  credit_entry_id: number | null;
  certificate_id: number | null;
  evaluated: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  // 018_electives.sql: 学习进度 (0–100 %) as the institution reports it
  progress: number | null;
}
export interface EnrollmentEventTable {
  id: Generated<number>;
  enrollment_id: number;
  action:
    | 'selected'
    | 'applied'
    | 'submitted'
    | 'approved'
    | 'returned'
    | 'assigned'
    | 'withdrawn'
    | 'checked_in'
    | 'scored'
    | 'passed'
    | 'failed'
    | 'certified';
  level: string | null;
  actor_id: number | null;
  actor_name: string;
  reason: string | null;
  at: Generated<Date>;
}
export interface TrainingClassTable {
  id: Generated<number>;
  project_id: number;
  institution_id: number;
  name: string;
  notice_title: string | null;
  notice_body: string | null;
  notice_published_at: NullableTs;
  created_at: Generated<Date>;
  // 017_project_settings.sql: the institution's contact for the class (联系人及电话)
  contact: Generated<string>;
}
export interface ClassNoticeFileTable {
  id: Generated<number>;
  class_id: number;
  file_name: string;
  stored_name: string;
  mime: string;
  size: number;
  created_at: Generated<Date>;
}
export interface ClassSessionTable {
  id: Generated<number>;
  class_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: Generated<string>;
  topic: string;
  lecturer: Generated<string>;
  checkin_secret: string;
}
export interface CheckinTable {
  session_id: number;
  enrollment_id: number;
  method: 'qr' | 'manual';
  by_id: number | null;
  at: Generated<Date>;
}
export interface ProjectEvaluationTable {
  id: Generated<number>;
  project_id: number;
  class_id: number | null;
  answers: ColumnType<Record<string, unknown>, string, never>;
  submitted_at: Generated<string>;
}
export interface ProjectTables {
  project_types: ProjectTypeTable;
  projects: ProjectTable;
  project_institutions: ProjectInstitutionTable;
  project_quotas: ProjectQuotaTable;
  enrollments: EnrollmentTable;
  enrollment_events: EnrollmentEventTable;
  training_classes: TrainingClassTable;
  class_notice_files: ClassNoticeFileTable;
  class_sessions: ClassSessionTable;
  checkins: CheckinTable;
  project_evaluations: ProjectEvaluationTable;
}
