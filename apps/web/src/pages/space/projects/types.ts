// Shapes of the 我的专项培训 API (GET /api/my/projects, /api/my/projects/open, /api/my/enrollments/:id).

export type TeacherTab = 'ongoing' | 'upcoming' | 'ended' | 'reviewing' | 'returned';

export interface TimelineItem {
  action: string;
  actionLabel: string;
  level: string | null;
  levelLabel: string | null;
  actorName: string;
  at: string;
  reason: string | null;
}

export interface CardProject {
  id: number;
  name: string;
  year: number;
  level: string;
  levelLabel: string;
  organiserName: string;
  organiserRegionName: string | null;
  typeLabel: string;
  mode: string;
  modeLabel: string;
  funding: string;
  creditLabel: string;
  subjectArea: string;
  institutions: { id: number; name: string }[];
  place: string;
  startDate: string;
  endDate: string;
  learningUrl: string | null;
  allowApplication: boolean;
  applyStart: string | null;
  applyEnd: string | null;
  quota: number;
}

export interface CardEnrollment {
  id: number;
  status: string;
  statusLabel: string;
  stage: string;
  stageLabel: string;
  tab: TeacherTab | null;
  originLabel: string;
  className: string | null;
  institutionName: string | null;
  noticePublished: boolean;
  checkins: number;
  sessions: number;
  onsiteScore: number | null;
  onlineScore: number | null;
  totalScore: number | null;
  result: 'passed' | 'failed' | null;
  resultLabel: string | null;
}

export interface ProjectCardData {
  enrollment: CardEnrollment;
  project: CardProject;
  timeline: TimelineItem[];
}

export interface MyProjectsResponse {
  counts: Record<TeacherTab, number>;
  tabs: { key: TeacherTab; label: string; count: number }[];
  items: ProjectCardData[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OpenProject {
  project: CardProject;
  canApply: boolean;
  reasons: string[];
  enrollmentStatus: string | null;
}
