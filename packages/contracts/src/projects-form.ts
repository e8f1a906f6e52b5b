// The project form (培训项目) as the API accepts it: every field of the plan, with Chinese messages.
// Checks that need the database (type, credit category, institutions, regions) are in the server's
// service; completeness for publishing is in its publish.ts.
import { PROFILE_FIELDS } from '@shixun/domain';
import { z } from 'zod';
import { timestamp } from './common.ts';

const optionsOf = (key: string) => PROFILE_FIELDS.find((f) => f.key === key)!.options as readonly string[];
/** 学段 and 学科 lists of the teacher profile: a project targets the same words teachers chose. */
export const STAGES = optionsOf('stage');
export const SUBJECTS = optionsOf('subject');

export const PROJECT_LEVELS = ['national', 'province', 'city', 'county', 'school'] as const;
export const PROJECT_MODES = ['onsite', 'online', 'blended', 'school_based'] as const;
/** Where an approved application's place comes from when the nearest quota row above the teacher is full. */
export const QUOTA_FALLBACKS = ['walk_up', 'nearest'] as const;
export const QUOTA_FALLBACK_LABELS: Record<(typeof QUOTA_FALLBACKS)[number], string> = {
  walk_up: '本级名额已满时依次使用上级的剩余名额',
  nearest: '只使用教师所在单位最近一级的名额',
};
export const PROJECT_STATUSES = ['draft', 'published', 'closed'] as const;
export const LIMITS = { name: 100, organiserName: 100, funding: 100, place: 200, learningUrl: 500, question: 200, questions: 30 } as const;

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
const date = (label: string) => z.iso.date({ error: `${label}格式应为 YYYY-MM-DD` });
const amount = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, `${label}不能为负数`)
    .max(1000, `${label}不能超过 1000`)
    .refine(twoDecimals, `${label}最多保留两位小数`);
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const evaluationQuestion = z.object({
  id: z.string().max(40).optional(),
  text: z.string({ error: '请填写评估问题' }).trim().min(1, '评估问题不能为空').max(LIMITS.question, '评估问题不能超过 200 字'),
  kind: z.enum(['rating', 'text'], { error: '评估问题类型只能是评分或文字' }),
});

export const projectInput = z
  .object({
    name: z.string({ error: '请填写项目名称' }).trim().min(1, '请填写项目名称').max(LIMITS.name, '项目名称不能超过 100 字'),
    year: z.int({ error: '年度必须是整数' }).min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年'),
    level: z.enum(PROJECT_LEVELS, { error: '请选择项目级别' }),
    organiserName: z.string().trim().max(LIMITS.organiserName, '组织单位名称不能超过 100 字').optional(),
    typeId: z.int({ error: '请选择项目类型' }).positive('请选择项目类型'),
    subTypeId: z.int({ error: '子类型不正确' }).positive('子类型不正确').nullable().default(null),
    mode: z.enum(PROJECT_MODES, { error: '请选择培训方式' }),
    funding: z.string().trim().max(LIMITS.funding, '经费说明不能超过 100 字').default(''),
    creditCategory: z.string({ error: '请选择学分类型' }).trim().min(1, '请选择学分类型').max(40),
    creditAmount: amount('学分').default(0),
    hours: amount('学时').default(0),
    targetStages: z
      .array(z.enum(STAGES as [string, ...string[]], { error: '面向学段不正确' }))
      .max(20)
      .default([]),
    targetSubjects: z
      .array(z.enum(SUBJECTS as [string, ...string[]], { error: '面向学科不正确' }))
      .max(40)
      .default([]),
    targetRegionCodes: z
      .array(z.string().regex(/^\d{2}(\d{2}){0,2}$/, '面向地区代码不正确'))
      .max(200, '面向地区过多')
      .default([]),
    quota: z.int({ error: '名额必须是整数' }).min(0, '名额不能为负数').max(1_000_000, '名额不能超过 100 万'),
    institutionIds: z.array(z.int().positive()).max(50, '承培机构过多').default([]),
    place: z.string().trim().max(LIMITS.place, '培训地点不能超过 200 字').default(''),
    startDate: date('开始日期'),
    endDate: date('结束日期'),
    allowApplication: z.boolean({ error: '是否允许申报必须是是或否' }).default(false),
    applyStart: z.preprocess(blankToNull, date('申报开始日期').nullable()).default(null),
    applyEnd: z.preprocess(blankToNull, date('申报截止日期').nullable()).default(null),
    onsiteWeight: z.int({ error: '集中学习权重必须是整数' }).min(0, '权重不能为负数').max(100, '权重不能超过 100').default(50),
    onlineWeight: z.int({ error: '网络学习权重必须是整数' }).min(0, '权重不能为负数').max(100, '权重不能超过 100').default(50),
    passMark: z
      .number({ error: '合格分数线必须是数字' })
      .min(0, '合格分数线不能为负数')
      .max(100, '合格分数线不能超过 100')
      .refine(twoDecimals, '合格分数线最多保留两位小数')
      .default(60),
    learningUrl: z
      .preprocess(
        blankToNull,
        z
          .url({ protocol: /^https?$/, error: '学习网址必须是以 http:// 或 https:// 开头的网址' })
          .max(LIMITS.learningUrl, '学习网址过长')
          .nullable(),
      )
      .default(null),
    evaluationQuestions: z.array(evaluationQuestion).max(LIMITS.questions, '评估问题最多 30 个').default([]),
    quotaFallback: z.enum(QUOTA_FALLBACKS, { error: '请选择名额不足时的处理方式' }).default('walk_up'),
    /** 证书打印证件照 (e.g. 骨干教师 projects) */
    certificatePhoto: z.boolean({ error: '证书打印证件照必须是是或否' }).default(false),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.endDate < p.startDate) issue('endDate', '结束日期不能早于开始日期');
    if (p.onsiteWeight + p.onlineWeight !== 100) issue('onlineWeight', '集中学习与网络学习的权重之和必须为 100');
    if (p.applyStart && p.applyEnd && p.applyEnd < p.applyStart) issue('applyEnd', '申报截止日期不能早于申报开始日期');
    if (new Set(p.targetRegionCodes).size !== p.targetRegionCodes.length) issue('targetRegionCodes', '面向地区有重复');
  });

export type ProjectInput = z.output<typeof projectInput>;

/** A project as the API shows it: every field with its labels and names, amounts in 学分 / 学时. */
export const projectView = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  level: z.enum(PROJECT_LEVELS),
  levelLabel: z.string(),
  organiserName: z.string(),
  organiserHolder: z.string(),
  organiserRegionName: z.string().nullable(),
  typeId: z.number(),
  typeName: z.string(),
  subTypeId: z.number().nullable(),
  subTypeName: z.string().nullable(),
  typeLabel: z.string(),
  mode: z.enum(PROJECT_MODES),
  modeLabel: z.string(),
  funding: z.string(),
  creditCategory: z.string(),
  creditCategoryName: z.string(),
  creditAmount: z.number(),
  hours: z.number(),
  creditLabel: z.string(),
  targetStages: z.array(z.string()),
  targetSubjects: z.array(z.string()),
  targetRegions: z.array(z.object({ code: z.string(), name: z.string() })),
  quota: z.number(),
  institutions: z.array(z.object({ id: z.number(), name: z.string() })),
  place: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  allowApplication: z.boolean(),
  applyStart: z.string().nullable(),
  applyEnd: z.string().nullable(),
  onsiteWeight: z.number(),
  onlineWeight: z.number(),
  passMark: z.number(),
  learningUrl: z.string().nullable(),
  evaluationQuestions: z.array(z.object({ id: z.string(), text: z.string(), kind: z.enum(['rating', 'text']) })),
  quotaFallback: z.enum(QUOTA_FALLBACKS),
  quotaFallbackLabel: z.string(),
  certificatePhoto: z.boolean(),
  status: z.enum(PROJECT_STATUSES),
  statusLabel: z.string(),
  createdAt: timestamp,
  publishedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
});
