// 自主选学: the catalogue an institution (or a region admin) offers and the organising level approves,
// the teacher's side (browse, «what it does for my credits», enrol, cancel, 我的自主选学), and the
// admins' learners and figures. An elective's id is its project's id.
import { z } from 'zod';
import { dbId, idParams, listOf, pageQuery, paged, timestamp } from './common.ts';
import { STAGES, SUBJECTS } from './projects-form.ts';
import { route } from './route.ts';

const tags = ['electives'] as const;

export const ELECTIVE_MODES = ['online', 'onsite', 'blended'] as const;
export const REVIEW_STATUSES = ['draft', 'pending', 'published', 'returned', 'closed'] as const;
export const PAYERS = ['teacher', 'school'] as const;
export const MY_TABS = ['learning', 'passed', 'failed'] as const;
export const SORTS = ['newest', 'start', 'credits', 'price'] as const;
export const LIMITS = { name: 100, description: 4000, syllabus: 8000, learningUrl: 500, place: 200 } as const;
/** 付费课程: the place is not taken until orders (我的订单) exist; the teacher is told so. */
export const PAID_REFUSAL = '付费课程的在线支付尚未开通';

const date = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`);
const blankToNull = (v: unknown) => (v === '' ? null : v);
const twoDecimals = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;
const amount = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, `${label}不能为负数`)
    .max(1000, `${label}不能超过 1000`)
    .refine(twoDecimals, `${label}最多保留两位小数`);
const version = z.int({ error: '缺少版本号，请刷新后重试' }).positive();

export const electiveInput = z
  .object({
    name: z.string({ error: '请填写课程名称' }).trim().min(1, '请填写课程名称').max(LIMITS.name, '课程名称不能超过 100 字'),
    year: z.int({ error: '年度必须是整数' }).min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年'),
    /** 组织单位 (the level that approves it and certifies its credits): a region code; an admin's own node when omitted */
    organiserRegionCode: z
      .string()
      .regex(/^\d{2}(\d{2}){0,2}$/, '组织单位不正确')
      .nullable()
      .default(null),
    /** 提供机构 (runs the learning, records progress and scores): an institution's own id for institutions; required from admins */
    providerInstitutionId: z.int({ error: '请选择提供机构' }).positive('请选择提供机构').nullable().default(null),
    mode: z.enum(ELECTIVE_MODES, { error: '请选择学习形式' }),
    creditCategory: z.string({ error: '请选择学分类型' }).trim().min(1, '请选择学分类型').max(40),
    creditAmount: amount('学分'),
    hours: amount('学时').default(0),
    targetStages: z
      .array(z.enum(STAGES as [string, ...string[]], { error: '适用学段不正确' }))
      .max(20)
      .default([]),
    targetSubjects: z
      .array(z.enum(SUBJECTS as [string, ...string[]], { error: '适用学科不正确' }))
      .max(40)
      .default([]),
    targetRegionCodes: z
      .array(z.string().regex(/^\d{2}(\d{2}){0,2}$/, '面向地区代码不正确'))
      .max(200, '面向地区过多')
      .default([]),
    description: z.string().trim().max(LIMITS.description, '课程简介不能超过 4000 字').default(''),
    syllabus: z.string().trim().max(LIMITS.syllabus, '课程大纲不能超过 8000 字').default(''),
    place: z.string().trim().max(LIMITS.place, '学习地点不能超过 200 字').default(''),
    applyStart: date('报名开始日期'),
    applyEnd: date('报名截止日期'),
    startDate: date('学习开始日期'),
    endDate: date('学习结束日期'),
    /** 名额; null: no limit */
    capacity: z.int({ error: '名额必须是整数' }).min(1, '名额至少为 1').max(1_000_000, '名额不能超过 100 万').nullable().default(null),
    /** 分; 0 = free */
    priceFen: z.int({ error: '价格必须是整数（单位：分）' }).min(0, '价格不能为负数').max(100_000_000, '价格过高').default(0),
    payer: z.enum(PAYERS, { error: '请选择付费方' }).default('teacher'),
    passMark: z
      .number({ error: '合格分数线必须是数字' })
      .min(0, '合格分数线不能为负数')
      .max(100, '合格分数线不能超过 100')
      .refine(twoDecimals, '合格分数线最多保留两位小数')
      .default(60),
    minProgress: z
      .int({ error: '学习进度要求必须是整数' })
      .min(0, '学习进度要求不能为负数')
      .max(100, '学习进度要求不能超过 100')
      .default(100),
    learningUrl: z
      .preprocess(
        blankToNull,
        z
          .url({ protocol: /^https?$/, error: '学习网址必须是以 http:// 或 https:// 开头的网址' })
          .max(LIMITS.learningUrl, '学习网址过长')
          .nullable(),
      )
      .default(null),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.endDate < p.startDate) issue('endDate', '学习结束日期不能早于开始日期');
    if (p.applyEnd < p.applyStart) issue('applyEnd', '报名截止日期不能早于报名开始日期');
    if (p.applyStart > p.endDate) issue('applyStart', '报名开始日期不能晚于学习结束日期');
    if (p.creditAmount <= 0 && p.hours <= 0) issue('creditAmount', '学分和学时不能都为 0');
    if (new Set(p.targetRegionCodes).size !== p.targetRegionCodes.length) issue('targetRegionCodes', '面向地区有重复');
  });
export type ElectiveInput = z.output<typeof electiveInput>;

/** An elective as lists and cards show it. */
export const electiveSummary = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  providerName: z.string(),
  organiserName: z.string(),
  levelLabel: z.string(),
  mode: z.enum(ELECTIVE_MODES),
  modeLabel: z.string(),
  creditCategory: z.string(),
  categoryName: z.string(),
  credits: z.number(),
  hours: z.number(),
  unit: z.string(),
  targetStages: z.array(z.string()),
  targetSubjects: z.array(z.string()),
  applyStart: z.string().nullable(),
  applyEnd: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  capacity: z.number().nullable(),
  taken: z.number(),
  /** places left; null without a limit */
  remaining: z.number().nullable(),
  priceFen: z.number(),
  payer: z.enum(PAYERS),
  priceLabel: z.string(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewStatusLabel: z.string(),
});

export const electiveDetail = electiveSummary.extend({
  description: z.string(),
  syllabus: z.string(),
  place: z.string(),
  passMark: z.number(),
  minProgress: z.number().nullable(),
  passRule: z.string(),
  learningUrl: z.string().nullable(),
  organiserRegionCode: z.string().nullable(),
  targetRegionCodes: z.array(z.string()),
  targetRegions: z.array(z.object({ code: z.string(), name: z.string() })),
  providerInstitutionId: z.number().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: timestamp.nullable(),
  reviewedAt: timestamp.nullable(),
  reviewedByName: z.string().nullable(),
  classId: z.number().nullable(),
  version: z.number(),
});

const option = z.object({ value: z.string(), label: z.string() });

export const formOptions = route({
  method: 'GET',
  path: '/api/electives/form-options',
  summary: '自主选学项目表单的可选项（学分类型、学习形式、学段、学科、组织单位）',
  tags,
  response: z.object({
    categories: z.array(z.object({ id: z.string(), name: z.string() })),
    modes: z.array(option),
    stages: z.array(z.string()),
    subjects: z.array(z.string()),
    unit: z.string(),
    /** who may organise (and so approve) it: the admin's own node, or for an institution the province and its cities */
    organisers: z.array(option),
    /** an institution offers as itself (null); an admin picks the institution that runs it */
    institutions: z.array(z.object({ id: z.number(), name: z.string() })).nullable(),
  }),
});

export const adminListQuery = z.object({
  status: z.enum(REVIEW_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});

export const listElectives = route({
  method: 'GET',
  path: '/api/electives',
  summary: '自主选学项目（本机构提供的，或本级及下级组织的）',
  tags,
  querystring: adminListQuery,
  response: paged(electiveSummary),
});

const abilities = z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() });
const adminDetail = z.object({ elective: electiveDetail, abilities });

export const createElective = route({
  method: 'POST',
  path: '/api/electives',
  summary: '新建自主选学项目（草稿）',
  tags,
  body: electiveInput,
  response: adminDetail,
  status: 201,
});

export const getElective = route({
  method: 'GET',
  path: '/api/electives/:id',
  summary: '自主选学项目详情',
  tags,
  params: idParams,
  response: adminDetail,
});

export const updateElective = route({
  method: 'PUT',
  path: '/api/electives/:id',
  summary: '修改自主选学项目（草稿或已退回的）',
  tags,
  params: idParams,
  body: electiveInput,
  response: adminDetail,
});

export const submitElective = route({
  method: 'POST',
  path: '/api/electives/:id/submit',
  summary: '提交审核（由组织单位审核后上架）',
  tags,
  params: idParams,
  body: z.object({ version }),
  response: adminDetail,
});

export const pendingElectives = route({
  method: 'GET',
  path: '/api/electives/pending',
  summary: '待本级审核的自主选学项目',
  tags,
  response: listOf(electiveSummary.extend({ version: z.number(), submittedAt: timestamp.nullable() })),
});

export const approveElective = route({
  method: 'POST',
  path: '/api/electives/:id/approve',
  summary: '审核通过：上架到自主选学目录，并为提供机构开设学习班',
  tags,
  params: idParams,
  body: z.object({ version }),
  response: adminDetail,
});

export const returnElective = route({
  method: 'POST',
  path: '/api/electives/:id/return',
  summary: '退回自主选学项目（须填写理由）',
  tags,
  params: idParams,
  body: z.object({
    version,
    reason: z.string({ error: '请填写退回理由' }).trim().min(1, '请填写退回理由').max(500, '退回理由不能超过 500 字'),
  }),
  response: adminDetail,
});

export const learner = z.object({
  enrollmentId: z.number(),
  name: z.string(),
  schoolName: z.string(),
  enrolledAt: timestamp,
  progress: z.number().nullable(),
  score: z.number().nullable(),
  result: z.enum(['passed', 'failed']).nullable(),
  resultLabel: z.string(),
});

export const learners = route({
  method: 'GET',
  path: '/api/electives/:id/learners',
  summary: '学员名单：学习进度、成绩与结果（成绩在班级的成绩录入中登记）',
  tags,
  params: idParams,
  response: z.object({ classId: z.number().nullable(), canRecord: z.boolean(), items: z.array(learner) }),
});

export const statsRow = z.object({
  id: z.number(),
  name: z.string(),
  providerName: z.string(),
  reviewStatusLabel: z.string(),
  capacity: z.number().nullable(),
  enrolled: z.number(),
  cancelled: z.number(),
  passed: z.number(),
  failed: z.number(),
  /** passed / enrolled, 0–100 (one decimal); null with nobody enrolled */
  passRate: z.number().nullable(),
});

export const stats = route({
  method: 'GET',
  path: '/api/electives/stats',
  summary: '报名与通过统计（按自主选学项目）',
  tags,
  response: z.object({ items: z.array(statsRow), totals: statsRow.pick({ enrolled: true, cancelled: true, passed: true, failed: true }) }),
});

// ---- the teacher's side ----

export const catalogueQuery = z.object({
  q: z.string().trim().max(50).optional(),
  stage: z.string().trim().max(20).optional(),
  subject: z.string().trim().max(20).optional(),
  category: z.string().trim().max(40).optional(),
  mode: z.enum(ELECTIVE_MODES).optional(),
  price: z.enum(['free', 'paid']).optional(),
  providerId: dbId.optional(),
  sort: z.enum(SORTS).default('newest'),
  ...pageQuery,
});

export const catalogue = route({
  method: 'GET',
  path: '/api/catalogue/electives',
  summary: '自主选学目录：本人可报名的课程（地区、学段、报名时间内，未报名、未通过的）',
  tags,
  querystring: catalogueQuery,
  response: paged(electiveSummary).extend({
    providers: z.array(z.object({ id: z.number(), name: z.string() })),
    categories: z.array(z.object({ id: z.string(), name: z.string() })),
    stages: z.array(z.string()),
    subjects: z.array(z.string()),
  }),
});

export const myElective = z.object({
  enrollmentId: z.number(),
  version: z.number(),
  tab: z.enum(MY_TABS),
  statusLabel: z.string(),
  progress: z.number().nullable(),
  score: z.number().nullable(),
  result: z.enum(['passed', 'failed']).nullable(),
  certificateId: z.number().nullable(),
  enrolledAt: timestamp,
  /** 去学习: enrolled and the learning window open */
  canLearn: z.boolean(),
  learningUrl: z.string().nullable(),
  /** 取消报名: before the learning window starts and with no score yet */
  canCancel: z.boolean(),
  elective: electiveSummary,
});

export const catalogueDetail = route({
  method: 'GET',
  path: '/api/catalogue/electives/:id',
  summary: '自主选学课程详情，以及它对本人学分的作用（由学分政策计算）',
  tags,
  params: idParams,
  response: z.object({
    elective: electiveDetail.omit({ learningUrl: true, returnReason: true, reviewedByName: true, classId: true }),
    creditEffect: z.object({ statements: z.array(z.string()), counted: z.number(), unit: z.string() }),
    mine: myElective.nullable(),
    canEnrol: z.boolean(),
    /** why not, in a sentence (window, place, paid …) */
    refusal: z.string().nullable(),
  }),
});

export const enrol = route({
  method: 'POST',
  path: '/api/catalogue/electives/:id/enrol',
  summary: '报名（免费课程；名额有限时先到先得）',
  tags,
  params: idParams,
  response: myElective,
  status: 201,
});

export const myElectives = route({
  method: 'GET',
  path: '/api/my/electives',
  summary: '我的自主选学（学习中 · 已通过 · 未通过）',
  tags,
  querystring: z.object({ tab: z.enum(MY_TABS).default('learning') }),
  response: z.object({ counts: z.record(z.enum(MY_TABS), z.number()), items: z.array(myElective) }),
});

export const cancel = route({
  method: 'POST',
  path: '/api/my/electives/:id/cancel',
  summary: '取消报名（学习开始前、尚无成绩时；名额退回）',
  tags,
  params: idParams,
  body: z.object({ version }),
  response: z.object({ enrollmentId: z.number(), cancelled: z.literal(true) }),
});
