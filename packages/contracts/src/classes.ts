// 我的班级 (institution admin): the institution's classes, a class with its trainees, the 开班通知 with
// its attachments and printable PDF. The 课程安排 and 签到 are in classes-schedule.ts, 成绩 and 训后评估
// in classes-scores.ts, the trainee's side in classes-my.ts.
import { z } from 'zod';
import { dbId, file, idParams, listOf, ok } from './common.ts';
import { route } from './route.ts';
import { classProject, notice, noticeFile, projectLevel, traineeResult } from './classes-views.ts';

const tags = ['classes'] as const;
export const fileParams = z.object({ id: dbId, fileId: dbId });

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_BODY_MAX = 10_000;
export const NOTICE_CONTACT_MAX = 100;
export const noticeBody = z.object({
  title: z
    .string({ error: '请填写通知标题' })
    .trim()
    .min(1, '请填写通知标题')
    .max(NOTICE_TITLE_MAX, `通知标题不能超过 ${NOTICE_TITLE_MAX} 个字`),
  body: z
    .string({ error: '请填写通知正文' })
    .trim()
    .min(1, '请填写通知正文')
    .max(NOTICE_BODY_MAX, `通知正文不能超过 ${NOTICE_BODY_MAX} 个字`),
  /** 联系人及电话: shown to trainees on the notice and where 进入远程学习 has nowhere to go */
  contact: z.string({ error: '联系方式应为文字' }).trim().max(NOTICE_CONTACT_MAX, `联系方式不能超过 ${NOTICE_CONTACT_MAX} 个字`).optional(),
});

export const classRow = z.object({
  id: z.number(),
  name: z.string(),
  projectId: z.number(),
  projectName: z.string(),
  year: z.number(),
  level: projectLevel,
  levelLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  organiserName: z.string(),
  trainees: z.number(),
  sessions: z.number(),
  noticePublished: z.boolean(),
});

export const trainee = z.object({
  enrollmentId: z.number(),
  name: z.string(),
  /** masked: 450102********1234 */
  idNumber: z.string().nullable(),
  schoolName: z.string(),
  checkins: z.number(),
  onsiteScore: z.number().nullable(),
  onlineScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  result: traineeResult.nullable(),
  resultLabel: z.string().nullable(),
  certificate: z.object({ status: z.enum(['valid', 'revoked']) }).nullable(),
  creditsPosted: z.boolean(),
});

export const listClasses = route({
  method: 'GET',
  path: '/api/classes',
  summary: '本机构的班级（项目、日期、学员人数）',
  tags,
  response: listOf(classRow),
});

export const classDetail = route({
  method: 'GET',
  path: '/api/classes/:id',
  summary: '班级详情与学员（证件号脱敏、签到次数、成绩）',
  tags,
  params: idParams,
  response: z.object({
    class: z.object({ id: z.number(), name: z.string(), institutionName: z.string(), notice, files: z.array(noticeFile) }),
    project: classProject.extend({ creditCategory: z.string(), creditCategoryName: z.string() }),
    trainees: z.array(trainee),
    stats: z.object({ trainees: z.number(), sessions: z.number(), evaluations: z.number(), passed: z.number(), failed: z.number() }),
  }),
});

export const saveNotice = route({
  method: 'PUT',
  path: '/api/classes/:id/notice',
  summary: '保存开班通知（标题、正文）',
  tags,
  params: idParams,
  body: noticeBody,
  response: z.object({ notice }),
});

export const publishNotice = route({
  method: 'POST',
  path: '/api/classes/:id/notice/publish',
  summary: '发布开班通知（学员可见）',
  tags,
  params: idParams,
  response: z.object({ notice }),
});

/** multipart/form-data with one file (PDF、JPG、PNG、docx、xlsx; recognised by content). */
export const addNoticeFile = route({
  method: 'POST',
  path: '/api/classes/:id/notice/files',
  summary: '上传开班通知附件（PDF、JPG、PNG、docx、xlsx；按内容识别）',
  tags,
  params: idParams,
  status: 201,
  response: z.object({ file: noticeFile }),
});

export const deleteNoticeFile = route({
  method: 'DELETE',
  path: '/api/classes/:id/notice/files/:fileId',
  summary: '删除开班通知附件',
  tags,
  params: fileParams,
  response: ok,
});

export const downloadNoticeFile = route({
  method: 'GET',
  path: '/api/classes/:id/notice/files/:fileId',
  summary: '下载开班通知附件（本机构或本班学员）',
  tags,
  params: fileParams,
  response: file,
});

export const noticePdf = route({
  method: 'GET',
  path: '/api/classes/:id/notice.pdf',
  summary: '开班通知 PDF（本机构或本班学员）',
  tags,
  params: idParams,
  response: file,
});
