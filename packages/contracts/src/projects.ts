// 培训项目: the plan (create, edit drafts, publish, close), the form's choices and the quotas (名额).
import { z } from 'zod';
import { idParams, listOf, pageQuery, paged } from './common.ts';
import { PROJECT_LEVELS, PROJECT_MODES, PROJECT_STATUSES, projectInput, projectView } from './projects-form.ts';
import { route } from './route.ts';

export * from './projects-form.ts';

const tags = ['projects'] as const;
export const REVIEW_STAGES = ['school', 'county', 'city', 'province'] as const;
const nodeLevel = z.enum(REVIEW_STAGES);
const option = z.object({ value: z.string(), label: z.string() });

export const projectTypes = route({
  method: 'GET',
  path: '/api/project-types',
  summary: '项目类型及子类型',
  tags,
  response: listOf(z.object({ id: z.number(), name: z.string(), children: z.array(z.object({ id: z.number(), name: z.string() })) })),
});

export const institutions = route({
  method: 'GET',
  path: '/api/institutions',
  summary: '承培机构',
  tags,
  response: listOf(z.object({ id: z.number(), code: z.string(), name: z.string() })),
});

export const formOptions = route({
  method: 'GET',
  path: '/api/projects/form-options',
  summary: '项目表单的可选项（级别、学分类型、学段、学科）',
  tags,
  response: z.object({
    levels: z.array(z.object({ value: z.enum(PROJECT_LEVELS), label: z.string() })),
    modes: z.array(option),
    categories: z.array(z.object({ id: z.string(), name: z.string() })),
    unit: z.string(),
    unitLabel: z.string(),
    stages: z.array(z.string()),
    subjects: z.array(z.string()),
    node: z.object({ level: nodeLevel, holder: z.string(), name: z.string(), regionCode: z.string(), roleLabel: z.string() }),
  }),
});

export const projectListItem = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  level: z.enum(PROJECT_LEVELS),
  levelLabel: z.string(),
  status: z.enum(PROJECT_STATUSES),
  organiserName: z.string(),
  typeName: z.string(),
  mode: z.enum(PROJECT_MODES),
  startDate: z.string(),
  endDate: z.string(),
  quota: z.number(),
  enrolled: z.number(),
  allowApplication: z.boolean(),
  mine: z.boolean(),
});

export const listProjects = route({
  method: 'GET',
  path: '/api/projects',
  summary: '培训项目列表（本单位组织或面向本单位的）',
  tags,
  querystring: z.object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    level: z.enum(PROJECT_LEVELS).optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    q: z.string().trim().max(50).optional(),
    ...pageQuery,
  }),
  response: paged(projectListItem).extend({
    node: z.object({ level: nodeLevel, name: z.string(), levels: z.array(z.enum(PROJECT_LEVELS)) }),
  }),
});

const quotaCounts = { quota: z.number(), grantedBelow: z.number(), used: z.number(), free: z.number() };
export const projectDetail = z.object({
  project: projectView,
  myQuota: z.object({ id: z.number(), ...quotaCounts }).nullable(),
  abilities: z.object({
    edit: z.boolean(),
    publish: z.boolean(),
    close: z.boolean(),
    grant: z.boolean(),
    select: z.boolean(),
    assign: z.boolean(),
    /** 训后评估汇总: the organiser and the levels above it */
    evaluation: z.boolean(),
  }),
  node: z.object({ level: nodeLevel, holder: z.string(), name: z.string() }),
});

export const createProject = route({
  method: 'POST',
  path: '/api/projects',
  summary: '新建培训项目（草稿）',
  tags,
  body: projectInput,
  response: projectDetail,
  status: 201,
});

export const getProject = route({
  method: 'GET',
  path: '/api/projects/:id',
  summary: '培训项目详情',
  tags,
  params: idParams,
  response: projectDetail,
});

export const updateProject = route({
  method: 'PUT',
  path: '/api/projects/:id',
  summary: '修改草稿',
  tags,
  params: idParams,
  body: projectInput,
  response: projectDetail,
});

export const publishProject = route({
  method: 'POST',
  path: '/api/projects/:id/publish',
  summary: '发布（检查信息完整，开立组织单位的名额）',
  tags,
  params: idParams,
  response: projectDetail,
});

export const closeProject = route({
  method: 'POST',
  path: '/api/projects/:id/close',
  summary: '关闭项目',
  tags,
  params: idParams,
  response: projectDetail,
});

const quotaRowBase = { holder: z.string(), holderName: z.string(), parentId: z.number().nullable(), ...quotaCounts };
export const quotaRow = z.object({ id: z.number(), ...quotaRowBase });
/** A child node of mine: its row, or id null when nothing has been granted to it yet. */
export const quotaChild = z.object({ id: z.number().nullable(), ...quotaRowBase });
export const quotas = z.object({
  mine: quotaRow.nullable(),
  children: z.array(quotaChild),
  rows: z.array(quotaRow),
  status: z.enum(PROJECT_STATUSES),
});

export const listQuotas = route({
  method: 'GET',
  path: '/api/projects/:id/quotas',
  summary: '名额分配情况',
  tags,
  params: idParams,
  response: quotas,
});

export const grantQuota = route({
  method: 'POST',
  path: '/api/projects/:id/quotas',
  summary: '向下一级分配名额（设定该单位的名额）',
  tags,
  params: idParams,
  body: z.object({
    holder: z.string({ error: '请选择下级单位' }).regex(/^(\d{4}|\d{6}|school:\d+)$/, '下级单位不正确'),
    quota: z.int({ error: '名额必须是整数' }).min(0, '名额不能为负数').max(1_000_000, '名额过大'),
  }),
  response: quotas.extend({
    grant: z.object({ holder: z.string(), holderName: z.string(), from: z.number(), to: z.number() }),
  }),
});
