// API shapes of the institution's class pages (apps/server/src/modules/classes).

export interface ClassListItem {
  id: number;
  name: string;
  projectId: number;
  projectName: string;
  year: number;
  level: string;
  levelLabel: string;
  startDate: string;
  endDate: string;
  place: string;
  organiserName: string;
  trainees: number;
  sessions: number;
  noticePublished: boolean;
}

export interface ProjectFacts {
  id: number;
  name: string;
  year: number;
  levelLabel: string;
  modeLabel: string;
  organiserName: string;
  startDate: string;
  endDate: string;
  place: string;
  hours: number;
  credits: number;
  creditCategoryName: string;
  onsiteWeight: number;
  onlineWeight: number;
  passMark: number;
}

export interface NoticeFile {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  uploadedAt: string;
}
export interface Notice {
  title: string;
  body: string;
  publishedAt: string | null;
}

export interface Trainee {
  enrollmentId: number;
  name: string;
  idNumber: string | null;
  schoolName: string;
  checkins: number;
  onsiteScore: number | null;
  onlineScore: number | null;
  totalScore: number | null;
  result: 'passed' | 'failed' | null;
  resultLabel: string | null;
  certificate: { status: 'valid' | 'revoked' } | null;
  creditsPosted: boolean;
}

export interface ClassDetail {
  class: { id: number; name: string; institutionName: string; notice: Notice; files: NoticeFile[] };
  project: ProjectFacts;
  trainees: Trainee[];
  stats: { trainees: number; sessions: number; evaluations: number; passed: number; failed: number };
}

export interface Session {
  id: number;
  startsAt: string;
  endsAt: string;
  when: string;
  place: string;
  topic: string;
  lecturer: string;
  checkedIn: number;
}
export interface SessionList {
  items: Session[];
  trainees: number;
  startDate: string;
  endDate: string;
}

export interface CheckinCode {
  code: string;
  url: string;
  qr: string;
  expiresInMs: number;
  stepMs: number;
  session: Session;
  checkedIn: number;
}
export interface Attendance {
  session: Session;
  items: {
    enrollmentId: number;
    name: string;
    schoolName: string;
    checkedIn: boolean;
    at: string | null;
    method: 'qr' | 'manual' | null;
  }[];
}

export interface ScoreOutcome {
  enrollmentId: number;
  status: 'updated' | 'unchanged';
  totalScore: number | null;
  result: 'passed' | 'failed' | null;
  completion: 'passed' | 'reversed' | 'reissued' | null;
}
export interface SaveScoresResult {
  updated: number;
  unchanged: number;
  passed: number;
  reversed: number;
  reissued: number;
  items: ScoreOutcome[];
}

export interface ImportRow {
  row: number;
  status: 'updated' | 'unchanged' | 'skipped' | 'error';
  enrollmentId: number | null;
  name: string;
  totalScore?: number | null;
  resultLabel?: string | null;
  error?: string;
  note?: string;
}
export interface ImportResult {
  total: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  passed: number;
  reversed: number;
  rows: ImportRow[];
}

export interface QuestionSummary {
  id: string;
  text: string;
  kind: 'rating' | 'text';
  average?: number | null;
  answered: number;
  distribution?: number[];
  answers?: string[];
}
export interface EvaluationSummary {
  count: number;
  hidden: boolean;
  minimum: number;
  message: string | null;
  questions: QuestionSummary[];
  trainees?: number;
}
