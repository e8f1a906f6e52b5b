// API shapes of the teacher's project detail page: CLASS's /api/my/enrollments/:id/class and the
// timeline part of PLAN's /api/my/enrollments/:id.

export interface MyClass {
  enrollment: {
    id: number;
    status: string;
    phase: 'upcoming' | 'ongoing' | 'ended';
    onsiteScore: number | null;
    onlineScore: number | null;
    totalScore: number | null;
    result: 'passed' | 'failed' | null;
    resultLabel: string | null;
  };
  project: {
    id: number;
    name: string;
    year: number;
    levelLabel: string;
    modeLabel: string;
    typeName: string;
    funding: string;
    organiserName: string;
    startDate: string;
    endDate: string;
    place: string;
    hours: number;
    credits: number;
    creditCategoryName: string;
    learningUrl: string | null;
    onsiteWeight: number;
    onlineWeight: number;
    passMark: number;
  };
  class: { id: number; name: string; institutionName: string } | null;
  notice: { title: string; body: string; publishedAt: string | null } | null;
  files: { id: number; fileName: string; size: number }[];
  sessions: {
    id: number;
    when: string;
    place: string;
    topic: string;
    lecturer: string;
    checkedIn: boolean;
    checkedInAt: string | null;
    method: 'qr' | 'manual' | null;
  }[];
  checkins: { done: number; total: number };
  certificate: { id: number; code: string; issuedAt: string; status: 'valid' | 'revoked'; verifyPath: string } | null;
  credit: { posted: boolean; reversed: boolean };
  evaluation: { questions: { id: string; text: string; kind: 'rating' | 'text' }[]; done: boolean; open: boolean; reason: string | null };
}

export interface TimelineItem {
  action: string;
  actionLabel: string;
  levelLabel: string | null;
  actorName: string;
  at: string;
  reason: string | null;
}
export interface PlanEnrollment {
  enrollment: { statusLabel?: string; originLabel?: string };
  project: { institutions?: { id: number; name: string }[] };
  timeline: TimelineItem[];
}
