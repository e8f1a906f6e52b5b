// The trainee's side of a class (their enrolment's 开班通知, 课程安排 with their check-ins, scores,
// 结业证书 and 训后评估) and the organiser's 训后评估 summary of a project.
import { z } from 'zod';
import { file, idParams, timestamp } from './common.ts';
import { route } from './route.ts';
import {
  checkinMethod,
  classProject,
  evaluationQuestion,
  evaluationSummary,
  notice,
  noticeFile,
  session,
  traineeResult,
} from './classes-views.ts';

const tags = ['classes'] as const;

export const myClass = route({
  method: 'GET',
  path: '/api/my/enrollments/:id/class',
  summary: '我的班级：开班通知、课程安排与我的签到、成绩、证书、训后评估',
  tags,
  params: idParams,
  response: z.object({
    enrollment: z.object({
      id: z.number(),
      status: z.enum(['reviewing', 'returned', 'approved', 'assigned', 'withdrawn']),
      /** the level the enrolment waits for (学校 · 区县 · 市级 · 省级), 已完成 once through */
      stageLabel: z.string(),
      /** as the tabs of 我的专项培训: 审核中 · 未通过 before the review's yes, then 未开始 · 进行中 · 已结束 */
      phase: z.enum(['reviewing', 'returned', 'upcoming', 'ongoing', 'ended']),
      phaseLabel: z.string(),
      onsiteScore: z.number().nullable(),
      onlineScore: z.number().nullable(),
      totalScore: z.number().nullable(),
      result: traineeResult.nullable(),
      resultLabel: z.string().nullable(),
    }),
    project: classProject.extend({
      typeName: z.string(),
      funding: z.string(),
      creditCategoryName: z.string(),
      learningUrl: z.string().nullable(),
    }),
    /** 进入远程学习: open, or why not and whom to contact instead */
    learning: z.object({
      open: z.boolean(),
      url: z.string().nullable(),
      reason: z.string().nullable(),
      contact: z.object({ role: z.enum(['承培机构', '组织单位']), name: z.string(), contact: z.string().nullable() }),
    }),
    class: z.object({ id: z.number(), name: z.string(), institutionName: z.string(), contact: z.string().nullable() }).nullable(),
    notice: notice.nullable(),
    files: z.array(noticeFile),
    sessions: z.array(session.extend({ checkedIn: z.boolean(), checkedInAt: timestamp.nullable(), method: checkinMethod.nullable() })),
    checkins: z.object({ done: z.number(), total: z.number() }),
    certificate: z
      .object({
        id: z.number(),
        code: z.string(),
        issuedAt: timestamp,
        status: z.enum(['valid', 'revoked']),
        verifyPath: z.string(),
      })
      .nullable(),
    credit: z.object({ posted: z.boolean(), reversed: z.boolean() }),
    evaluation: z.object({
      questions: z.array(evaluationQuestion),
      done: z.boolean(),
      open: z.boolean(),
      reason: z.string().nullable(),
    }),
  }),
});

export const myCertificatePdf = route({
  method: 'GET',
  path: '/api/my/enrollments/:id/certificate.pdf',
  summary: '打印结业证书（PDF）',
  tags,
  params: idParams,
  response: file,
});

export const submitEvaluation = route({
  method: 'POST',
  path: '/api/my/enrollments/:id/evaluation',
  summary: '提交训后评估（匿名，每人一次）',
  tags,
  params: idParams,
  body: z.object({ answers: z.record(z.string(), z.unknown(), { error: '请填写评估内容' }) }),
  status: 201,
  response: z.object({ ok: z.literal(true), message: z.string() }),
});

export const projectEvaluation = route({
  method: 'GET',
  path: '/api/projects/:id/evaluation-summary',
  summary: '项目训后评估汇总（组织单位及上级；少于 3 份不显示）',
  tags,
  params: idParams,
  response: evaluationSummary.extend({
    project: z.object({ id: z.number(), name: z.string(), organiserName: z.string() }),
    classes: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        institutionName: z.string().nullable(),
        responses: z.number(),
        trainees: z.number(),
      }),
    ),
  }),
});
