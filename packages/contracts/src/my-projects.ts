// 我的专项培训: the teacher's enrolments by tab, the projects open to 去申报, one enrolment in detail.
import { z } from 'zod';
import { idParams, listOf, pageQuery, timestamp } from './common.ts';
import { ENROLLMENT_STATUSES, ORIGINS, RESULTS, STAGES, timelineItem } from './enrollments.ts';
import { projectView } from './projects-form.ts';
import { route } from './route.ts';

const tags = ['enrollments'] as const;
export const TEACHER_TABS = ['ongoing', 'upcoming', 'ended', 'reviewing', 'returned'] as const;
const dateQ = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional();

export const myEnrollmentView = z.object({
  id: z.number(),
  projectId: z.number(),
  origin: z.enum(ORIGINS),
  originLabel: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  statusLabel: z.string(),
  stage: z.enum(STAGES),
  stageLabel: z.string(),
  tab: z.enum(TEACHER_TABS).nullable(),
  tabLabel: z.string().nullable(),
  version: z.number(),
  classId: z.number().nullable(),
  className: z.string().nullable(),
  institutionName: z.string().nullable(),
  noticePublished: z.boolean(),
  onsiteScore: z.number().nullable(),
  onlineScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  result: z.enum(RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  checkins: z.number(),
  sessions: z.number(),
  certificateId: z.number().nullable(),
  createdAt: timestamp,
  /** 撤回 is offered (and honoured) while my own application waits at its first level */
  canWithdraw: z.boolean(),
});
/** A project as on the teacher's card: the project with its 学科领域. */
export const cardProject = projectView.extend({ subjectArea: z.string() });
export const myEnrollmentCard = z.object({ enrollment: myEnrollmentView, project: cardProject, timeline: z.array(timelineItem) });

export const apply = route({
  method: 'POST',
  path: '/api/projects/:id/apply',
  summary: '去申报',
  tags,
  params: idParams,
  response: z.object({ enrollmentId: z.number() }),
  status: 201,
});

export const myProjects = route({
  method: 'GET',
  path: '/api/my/projects',
  summary: '我的专项培训（按页签，含各页签数量）',
  tags,
  querystring: z.object({
    tab: z.enum(TEACHER_TABS).default('ongoing'),
    from: dateQ,
    to: dateQ,
    result: z.enum(['passed', 'failed', 'none']).optional(),
    q: z.string().trim().max(50).optional(),
    ...pageQuery,
  }),
  response: z.object({
    counts: z.record(z.enum(TEACHER_TABS), z.number()),
    tabs: z.array(z.object({ key: z.enum(TEACHER_TABS), label: z.string(), count: z.number() })),
    items: z.array(myEnrollmentCard),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  }),
});

export const openProjects = route({
  method: 'GET',
  path: '/api/my/projects/open',
  summary: '可申报的项目（去申报）',
  tags,
  response: listOf(
    z.object({
      project: cardProject,
      canApply: z.boolean(),
      reasons: z.array(z.string()),
      enrollmentStatus: z.enum(ENROLLMENT_STATUSES).nullable(),
    }),
  ),
});

export const withdraw = route({
  method: 'POST',
  path: '/api/my/enrollments/:id/withdraw',
  summary: '撤回申报（仅在第一级审核前；占用的名额退回）',
  tags,
  params: idParams,
  body: z.object({ version: z.int({ error: '缺少版本号，请刷新后重试' }).positive() }),
  response: z.object({ id: z.number(), status: z.literal('withdrawn'), version: z.number() }),
});

export const myEnrollment = route({
  method: 'GET',
  path: '/api/my/enrollments/:id',
  summary: '我的一个报名：项目、状态、成绩与时间线',
  tags,
  params: idParams,
  response: myEnrollmentCard,
});
