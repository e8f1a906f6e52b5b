// 我的主页 (the teacher's home) and 工作台 (an admin's workbench): what each opens the site for, composed
// on the server from the feature modules (credits, enrollments, classes, credit claims, profile …).
import { z } from 'zod';
import { timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['home'] as const;
const status = z.enum(['completed', 'in_progress', 'incomplete', 'not_required', 'not_started']);
const progress = z.object({ name: z.string(), counted: z.number(), required: z.number(), status });

/** This year's and this cycle's progress under the active policy (the credit engine's evaluation), and what is still missing. */
export const homeCredits = z.object({
  policyName: z.string(),
  unit: z.enum(['学分', '学时']),
  /** false: not assessed (new hire, exempt status) — no requirement to meet */
  assessed: z.boolean(),
  cycle: progress.extend({ id: z.string(), startYear: z.number(), endYear: z.number() }),
  /** this calendar year inside the current cycle; null when the year lies outside it */
  year: z
    .object({
      year: z.number(),
      assessed: z.boolean(),
      total: progress,
      /** the yearly minimums (校本研修 ≥ 10 a year …) */
      groups: z.array(progress),
    })
    .nullable(),
  compliant: z.boolean(),
  /** «2026 年校本研修还差 3 学分» */
  missing: z.array(z.string()),
  notes: z.array(z.string()),
});

export const TRAINING_TABS = ['ongoing', 'upcoming'] as const;

/** An enrolment the teacher is in now or soon, with its class's 开班通知 and the next session. */
export const homeTraining = z.object({
  enrollmentId: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  tab: z.enum(TRAINING_TABS),
  tabLabel: z.string(),
  levelLabel: z.string(),
  modeLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  className: z.string().nullable(),
  institutionName: z.string().nullable(),
  notice: z.object({ title: z.string(), publishedAt: timestamp.nullable() }).nullable(),
  nextSession: z
    .object({ startsAt: timestamp, when: z.string(), topic: z.string(), place: z.string(), today: z.boolean(), checkedIn: z.boolean() })
    .nullable(),
  checkins: z.object({ done: z.number(), total: z.number() }),
});

export const TODO_KINDS = ['checkin', 'evaluation', 'returnedEnrollment', 'rejectedClaim', 'rejectedChange', 'profile'] as const;
/** Something waiting for the teacher; `targetId` is the enrolment or claim it concerns. */
export const homeTodo = z.object({
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  detail: z.string(),
  targetId: z.number().nullable(),
  at: timestamp.nullable(),
});

export const myHome = route({
  method: 'GET',
  path: '/api/me/home',
  summary: '我的主页：学分进度与还差什么、进行中和未开始的培训、待办事项',
  tags,
  response: z.object({
    credits: homeCredits,
    training: z.array(homeTraining),
    /** how many enrolments each tab of 我的专项培训 holds */
    projectCounts: z.object({ ongoing: z.number(), upcoming: z.number(), ended: z.number(), reviewing: z.number(), returned: z.number() }),
    todos: z.array(homeTodo),
    profile: z.object({ filled: z.number(), total: z.number(), percent: z.number(), pendingChanges: z.number() }),
  }),
});

/** The queues an admin works through, each with its own page. */
export const QUEUE_KEYS = ['registrations', 'profileChanges', 'projectReviews', 'creditClaims'] as const;
export const queueCount = z.object({ key: z.enum(QUEUE_KEYS), label: z.string(), count: z.number() });

export const queueCounts = route({
  method: 'GET',
  path: '/api/admin/queue-counts',
  summary: '待处理数量（菜单角标）：本人管辖范围内各审核队列的待办数',
  tags,
  response: z.object({ queues: z.array(queueCount), total: z.number() }),
});

export const workbench = route({
  method: 'GET',
  path: '/api/admin/workbench',
  summary: '工作台：管辖范围内的待办数量与主要数据',
  tags,
  response: z.object({
    node: z.object({ level: z.enum(['school', 'county', 'city', 'province']), levelLabel: z.string(), name: z.string() }),
    queues: z.array(queueCount),
    figures: z.object({
      teachers: z.number(),
      schools: z.number(),
      /** published projects whose dates include today */
      runningProjects: z.number(),
      publishedProjects: z.number(),
    }),
    /** the current cycle's progress: a cycle in progress is progress, not compliance */
    compliance: z.object({
      cycleName: z.string(),
      startYear: z.number(),
      endYear: z.number(),
      inProgress: z.boolean(),
      unit: z.enum(['学分', '学时']),
      assessed: z.number(),
      /** nothing 未完成 so far (for a cycle in progress: no year has failed yet — not yet 达标) */
      compliant: z.number(),
      rate: z.number().nullable(),
      /** the whole cycle's requirement already met */
      completed: z.number(),
      completionRate: z.number().nullable(),
    }),
  }),
});
