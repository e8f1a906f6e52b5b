// Shapes of the training-project admin API (/api/projects…, /api/enrollments…).
import type { TimelineItem } from '../../space/projects/types.ts';
export type { TimelineItem };

export type Level = 'national' | 'province' | 'city' | 'county' | 'school';
export type Mode = 'onsite' | 'online' | 'blended' | 'school_based';
export type NodeLevel = 'school' | 'county' | 'city' | 'province';

export interface ProjectRow {
  id: number;
  name: string;
  year: number;
  level: Level;
  levelLabel: string;
  status: 'draft' | 'published' | 'closed';
  organiserName: string;
  typeName: string;
  mode: Mode;
  startDate: string;
  endDate: string;
  quota: number;
  enrolled: number;
  allowApplication: boolean;
  mine: boolean;
}
export interface ProjectList {
  items: ProjectRow[];
  total: number;
  page: number;
  pageSize: number;
  node: { level: NodeLevel; name: string; levels: Level[] };
}

export interface EvaluationQuestion {
  id?: string;
  text: string;
  kind: 'rating' | 'text';
}
export interface Project {
  id: number;
  name: string;
  year: number;
  level: Level;
  levelLabel: string;
  organiserName: string;
  organiserHolder: string;
  organiserRegionName: string | null;
  typeId: number;
  typeName: string;
  subTypeId: number | null;
  subTypeName: string | null;
  typeLabel: string;
  mode: Mode;
  modeLabel: string;
  funding: string;
  creditCategory: string;
  creditCategoryName: string;
  creditAmount: number;
  hours: number;
  creditLabel: string;
  targetStages: string[];
  targetSubjects: string[];
  targetRegions: { code: string; name: string }[];
  quota: number;
  institutions: { id: number; name: string }[];
  place: string;
  startDate: string;
  endDate: string;
  allowApplication: boolean;
  applyStart: string | null;
  applyEnd: string | null;
  onsiteWeight: number;
  onlineWeight: number;
  passMark: number;
  learningUrl: string | null;
  evaluationQuestions: EvaluationQuestion[];
  status: 'draft' | 'published' | 'closed';
  statusLabel: string;
  createdAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}
export interface ProjectDetail {
  project: Project;
  myQuota: { id: number; quota: number; grantedBelow: number; used: number; free: number } | null;
  abilities: { edit: boolean; publish: boolean; close: boolean; grant: boolean; select: boolean; assign: boolean };
  node: { level: NodeLevel; holder: string; name: string };
}

export interface FormOptions {
  levels: { value: Level; label: string }[];
  modes: { value: Mode; label: string }[];
  categories: { id: string; name: string }[];
  unit: 'credit' | 'hour';
  unitLabel: string;
  stages: string[];
  subjects: string[];
  node: { level: NodeLevel; holder: string; name: string; regionCode: string; roleLabel: string };
}
export interface ProjectType {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}
export interface Institution {
  id: number;
  code: string;
  name: string;
}

export interface QuotaRow {
  id: number | null;
  holder: string;
  holderName: string;
  parentId: number | null;
  quota: number;
  grantedBelow: number;
  used: number;
  free: number;
}
export interface Quotas {
  mine: QuotaRow | null;
  children: QuotaRow[];
  rows: QuotaRow[];
  status: string;
}

export interface Figures {
  holder: string;
  name: string;
  quota: number | null;
  enrolled: number;
  applied: number;
  reviewing: number;
  returned: number;
  approved: number;
  assigned: number;
  checkedIn: number;
  passed: number;
  failed: number;
}
export interface Stats {
  groupLabel: string;
  items: Figures[];
  total: Figures;
}

export interface Trainee {
  id: number;
  version: number;
  teacherId: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  schoolName: string;
  countyName: string;
  teacherStage: string | null;
  subject: string | null;
  origin: string;
  originLabel: string;
  status: string;
  statusLabel: string;
  stage: string;
  stageLabel: string;
  classId: number | null;
  className: string | null;
  institutionName: string | null;
  checkins: number;
  onsiteScore: number | null;
  onlineScore: number | null;
  totalScore: number | null;
  result: string | null;
  resultLabel: string | null;
}
export interface Candidate {
  id: number;
  name: string;
  idNumber: string | null;
  schoolName: string;
  countyName: string;
  stage: string | null;
  subject: string | null;
  enrolled: boolean;
  enrollmentStatus: string | null;
  matches: boolean;
}
export interface TrainingClass {
  id: number;
  name: string;
  institutionId: number;
  institutionName: string;
  trainees: number;
  noticePublished: boolean;
}

export interface PendingItem {
  id: number;
  version: number;
  projectId: number;
  projectName: string;
  projectYear: number;
  projectLevelLabel: string;
  teacherId: number;
  name: string;
  idNumber: string | null;
  schoolName: string;
  countyName: string;
  stageLabel: string | null;
  subject: string | null;
  origin: string;
  originLabel: string;
  createdAt: string;
  willTakeQuota: boolean;
  timeline: TimelineItem[];
}
export interface PendingList {
  items: PendingItem[];
  total: number;
  page: number;
  pageSize: number;
  byProject: { projectId: number; name: string; pending: number }[];
  level: NodeLevel;
  levelLabel: string;
  nodeName: string;
}
export interface BatchResult {
  done: number;
  failed: { id: number; ok: false; message: string }[];
}

export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  published: 'green',
  closed: 'red',
  reviewing: 'orange',
  returned: 'red',
  approved: 'green',
  assigned: 'blue',
  withdrawn: 'default',
};
export const PROJECT_STATUS: Record<string, string> = { draft: '草稿', published: '已发布', closed: '已关闭' };
