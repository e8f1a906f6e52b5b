// 遴选, 学员名单, 分配, 审核 and a project's figures: the admins' side of enrolments.
import { z } from 'zod';
import { dbId, file, idParams, listOf, pageQuery, paged, timestamp } from './common.ts';
import { REVIEW_STAGES } from './projects.ts';
import { route } from './route.ts';

const tags = ['enrollments'] as const;
export const ENROLLMENT_STATUSES = ['reviewing', 'returned', 'approved', 'assigned', 'withdrawn'] as const;
export const STAGES = [...REVIEW_STAGES, 'done'] as const;
export const ORIGINS = ['selected', 'applied', 'self'] as const;
export const RESULTS = ['passed', 'failed'] as const;
export const EVENT_ACTIONS = [
  'selected',
  'applied',
  'submitted',
  'approved',
  'returned',
  'assigned',
  'withdrawn',
  'checked_in',
  'scored',
  'passed',
  'failed',
  'certified',
] as const;
export const REASON_MAX = 500;

/** One step of an enrolment's timeline: who, which level, when, outcome, reason. */
export const timelineItem = z.object({
  action: z.enum(EVENT_ACTIONS),
  actionLabel: z.string(),
  level: z.string().nullable(),
  levelLabel: z.string().nullable(),
  actorName: z.string(),
  at: timestamp,
  reason: z.string().nullable(),
});

const ids = (what: string) =>
  z
    .array(z.int().positive(), { error: `请选择${what}` })
    .min(1, `请至少选择一名${what}`)
    .max(1000, `一次最多 1000 名${what}`);
const version = z.int({ error: '缺少版本号，请刷新后重试' }).positive();
const reason = z.string({ error: '请填写退回理由' }).trim().min(1, '请填写退回理由').max(REASON_MAX, '退回理由不能超过 500 字');
const traineeFilter = {
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  stage: z.enum(STAGES).optional(),
  origin: z.enum(ORIGINS).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  schoolId: dbId.optional(),
  classId: dbId.optional(),
  result: z.enum(['passed', 'failed', 'none']).optional(),
  q: z.string().trim().max(50).optional(),
};
const teacherCols = {
  name: z.string(),
  idNumber: z.string().nullable(),
  schoolName: z.string(),
  countyName: z.string(),
};

export const candidates = route({
  method: 'GET',
  path: '/api/projects/:id/candidates',
  summary: '可遴选的教师（管辖范围内）',
  tags,
  params: idParams,
  querystring: z.object({
    q: z.string().trim().max(50).optional(),
    stage: z.string().max(20).optional(),
    subject: z.string().max(20).optional(),
    ...pageQuery,
  }),
  response: paged(
    z.object({
      id: z.number(),
      ...teacherCols,
      stage: z.string().nullable(),
      subject: z.string().nullable(),
      enrollmentStatus: z.enum(ENROLLMENT_STATUSES).nullable(),
      enrolled: z.boolean(),
      matches: z.boolean(),
    }),
  ),
});

export const selectTeachers = route({
  method: 'POST',
  path: '/api/projects/:id/selections',
  summary: '遴选教师（占用本单位名额，整批成功或整批不变）',
  tags,
  params: idParams,
  body: z.object({ teacherIds: ids('教师') }),
  response: z.object({ selected: z.number(), enrollmentIds: z.array(z.number()), stage: z.enum(STAGES), stageLabel: z.string() }),
  status: 201,
});

export const trainee = z.object({
  id: z.number(),
  version: z.number(),
  teacherId: z.number(),
  ...teacherCols,
  phone: z.string().nullable(),
  teacherStage: z.string().nullable(),
  subject: z.string().nullable(),
  origin: z.enum(ORIGINS),
  originLabel: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  statusLabel: z.string(),
  stage: z.enum(STAGES),
  stageLabel: z.string(),
  classId: z.number().nullable(),
  className: z.string().nullable(),
  institutionName: z.string().nullable(),
  checkins: z.number(),
  onsiteScore: z.number().nullable(),
  onlineScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  result: z.enum(RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  createdAt: timestamp,
});

export const trainees = route({
  method: 'GET',
  path: '/api/projects/:id/enrollments',
  summary: '学员名单（管辖范围内）',
  tags,
  params: idParams,
  querystring: z.object({ ...traineeFilter, ...pageQuery }),
  response: paged(trainee),
});

export const exportTrainees = route({
  method: 'GET',
  path: '/api/projects/:id/enrollments/export.xlsx',
  summary: '导出学员名单（证件号、手机号已脱敏）',
  tags,
  params: idParams,
  querystring: z.object(traineeFilter),
  response: file,
});

export const projectClasses = route({
  method: 'GET',
  path: '/api/projects/:id/classes',
  summary: '项目的班级',
  tags,
  params: idParams,
  response: listOf(
    z.object({
      id: z.number(),
      name: z.string(),
      institutionId: z.number(),
      institutionName: z.string(),
      trainees: z.number(),
      noticePublished: z.boolean(),
    }),
  ),
});

export const CLASS_NAME_MAX = 50;
export const assignTrainees = route({
  method: 'POST',
  path: '/api/projects/:id/assign',
  summary: '分配学员至承培机构的班级（组织单位）',
  tags,
  params: idParams,
  body: z.object({
    enrollmentIds: ids('学员'),
    institutionId: z.int({ error: '请选择承培机构' }).positive('请选择承培机构'),
    className: z.string({ error: '请填写班级名称' }).trim().min(1, '请填写班级名称').max(CLASS_NAME_MAX, '班级名称不能超过 50 字'),
  }),
  response: z.object({ assigned: z.number(), classId: z.number(), className: z.string(), institutionName: z.string() }),
});

const figures = z.object({
  holder: z.string(),
  name: z.string(),
  quota: z.number().nullable(),
  enrolled: z.number(),
  applied: z.number(),
  reviewing: z.number(),
  returned: z.number(),
  approved: z.number(),
  assigned: z.number(),
  checkedIn: z.number(),
  passed: z.number(),
  failed: z.number(),
});

export const projectStats = route({
  method: 'GET',
  path: '/api/projects/:id/stats',
  summary: '各环节人数（按下一级地区）',
  tags: ['projects'],
  params: idParams,
  response: z.object({ groupLabel: z.string(), items: z.array(figures), total: figures }),
});

export const pending = route({
  method: 'GET',
  path: '/api/enrollments/pending',
  summary: '待本级审核的报名',
  tags,
  querystring: z.object({ projectId: dbId.optional(), q: z.string().trim().max(50).optional(), ...pageQuery }),
  response: paged(
    z.object({
      id: z.number(),
      version: z.number(),
      projectId: z.number(),
      projectName: z.string(),
      projectYear: z.number(),
      projectLevelLabel: z.string(),
      teacherId: z.number(),
      ...teacherCols,
      stageLabel: z.string().nullable(),
      subject: z.string().nullable(),
      origin: z.enum(ORIGINS),
      originLabel: z.string(),
      createdAt: timestamp,
      willTakeQuota: z.boolean(),
      timeline: z.array(timelineItem),
    }),
  ).extend({
    byProject: z.array(z.object({ projectId: z.number(), name: z.string(), pending: z.number() })),
    level: z.enum(REVIEW_STAGES),
    levelLabel: z.string(),
    nodeName: z.string(),
  }),
});

const batchItems = z
  .array(z.object({ id: z.int().positive(), version }))
  .min(1, '请至少选择一条')
  .max(500, '一次最多 500 条');
const outcome = z.object({ id: z.number(), ok: z.boolean(), message: z.string().optional() });
const batchResult = z.object({ done: z.number(), failed: z.array(outcome), results: z.array(outcome) });

export const approveMany = route({
  method: 'POST',
  path: '/api/enrollments/batch/approve',
  summary: '批量审核通过',
  tags,
  body: z.object({ items: batchItems }),
  response: batchResult,
});

export const returnMany = route({
  method: 'POST',
  path: '/api/enrollments/batch/return',
  summary: '批量退回',
  tags,
  body: z.object({ items: batchItems, reason }),
  response: batchResult,
});

export const enrollmentForAdmin = route({
  method: 'GET',
  path: '/api/enrollments/:id',
  summary: '报名记录与审核过程',
  tags,
  params: idParams,
  response: z.object({
    enrollment: z.object({
      id: z.number(),
      version: z.number(),
      projectId: z.number(),
      projectName: z.string(),
      teacherId: z.number(),
      ...teacherCols,
      status: z.enum(ENROLLMENT_STATUSES),
      statusLabel: z.string(),
      stage: z.enum(STAGES),
      stageLabel: z.string(),
      origin: z.enum(ORIGINS),
    }),
    timeline: z.array(timelineItem),
  }),
});

const decision = z.object({
  id: z.number(),
  status: z.enum(['reviewing', 'returned', 'approved']),
  stage: z.enum(STAGES),
  version: z.number(),
});

export const approve = route({
  method: 'POST',
  path: '/api/enrollments/:id/approve',
  summary: '审核通过（按所见版本）',
  tags,
  params: idParams,
  body: z.object({ version }),
  response: decision,
});

export const returnOne = route({
  method: 'POST',
  path: '/api/enrollments/:id/return',
  summary: '退回（未通过，须填写理由）',
  tags,
  params: idParams,
  body: z.object({ version, reason }),
  response: decision,
});
