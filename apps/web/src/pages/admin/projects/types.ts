// Shapes of the training-project admin API (/api/projects…, /api/enrollments…), derived from the
// contracts (packages/contracts/src/projects.ts, enrollments.ts).
import type { enrollments, projects, ResponseOf } from '@shixun/contracts';
import type { TimelineItem } from '../../space/projects/types.ts';
export type { TimelineItem };

export type ProjectList = ResponseOf<typeof projects.listProjects>;
export type ProjectRow = ProjectList['items'][number];
export type ProjectDetail = ResponseOf<typeof projects.getProject>;
export type Project = ProjectDetail['project'];
export type Level = Project['level'];
export type Mode = Project['mode'];
export type NodeLevel = ProjectDetail['node']['level'];
export type EvaluationQuestion = Project['evaluationQuestions'][number];

export type FormOptions = ResponseOf<typeof projects.formOptions>;
export type ProjectType = ResponseOf<typeof projects.projectTypes>['items'][number];
export type Institution = ResponseOf<typeof projects.institutions>['items'][number];

export type Quotas = ResponseOf<typeof projects.listQuotas>;
export type QuotaRow = Quotas['children'][number];

export type Stats = ResponseOf<typeof enrollments.projectStats>;
export type Figures = Stats['total'];

export type Trainee = ResponseOf<typeof enrollments.trainees>['items'][number];
export type Candidate = ResponseOf<typeof enrollments.candidates>['items'][number];
export type TrainingClass = ResponseOf<typeof enrollments.projectClasses>['items'][number];

export type PendingList = ResponseOf<typeof enrollments.pending>;
export type PendingItem = PendingList['items'][number];
export type BatchResult = ResponseOf<typeof enrollments.approveMany>;

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
