// 成绩 (inline entry, the xlsx template and its import) and the class's 训后评估 aggregate (institution admin).
import { z } from 'zod';
import { bodyId, file, idParams } from './common.ts';
import { route } from './route.ts';
import { evaluationSummary, traineeResult } from './classes-views.ts';

const tags = ['classes'] as const;
export const SCORES_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const score = z.number({ error: '成绩应为 0–100 的数字' }).nullable().optional();
/** undefined: leave the score as it is; null: clear it (only before a result exists). */
export const scoresBody = z.object({
  items: z
    .array(
      z.object({
        enrollmentId: bodyId,
        onsiteScore: score,
        onlineScore: score,
        /** 学习进度 % (自主选学's pass rule); undefined: leave as it is */
        progress: z
          .int({ error: '学习进度应为 0–100 的整数' })
          .min(0, '学习进度应在 0–100 之间')
          .max(100, '学习进度应在 0–100 之间')
          .nullable()
          .optional(),
      }),
    )
    .min(1, '请至少填写一名学员的成绩')
    .max(2000, '一次最多保存 2000 名学员的成绩'),
});

const completion = z.enum(['passed', 'reversed', 'reissued']).nullable();
const counts = { updated: z.number(), unchanged: z.number(), passed: z.number(), reversed: z.number() };

export const saveScores = route({
  method: 'PUT',
  path: '/api/classes/:id/scores',
  summary: '录入成绩（集中学习、网络学习；合格即记入学分、颁发结业证书）',
  tags,
  params: idParams,
  body: scoresBody,
  response: z.object({
    ...counts,
    reissued: z.number(),
    items: z.array(
      z.object({
        enrollmentId: z.number(),
        status: z.enum(['updated', 'unchanged']),
        totalScore: z.number().nullable(),
        result: traineeResult.nullable(),
        completion,
      }),
    ),
  }),
});

export const scoresTemplate = route({
  method: 'GET',
  path: '/api/classes/:id/scores/template',
  summary: '成绩导入模板（含本班学员）',
  tags,
  params: idParams,
  response: file,
});

export const importRow = z.object({
  row: z.number(),
  status: z.enum(['updated', 'unchanged', 'skipped', 'error']),
  enrollmentId: z.number().nullable(),
  name: z.string(),
  totalScore: z.number().nullable().optional(),
  resultLabel: z.string().nullable().optional(),
  error: z.string().optional(),
  note: z.string().optional(),
});

/** multipart/form-data with the filled-in template (xlsx). */
export const importScores = route({
  method: 'POST',
  path: '/api/classes/:id/scores/import',
  summary: '导入成绩（xlsx，逐行报告；重复上传不重复记入）',
  tags,
  params: idParams,
  response: z.object({ total: z.number(), ...counts, skipped: z.number(), errors: z.number(), rows: z.array(importRow) }),
});

export const classEvaluation = route({
  method: 'GET',
  path: '/api/classes/:id/evaluation',
  summary: '本班训后评估统计（少于 3 份不显示）',
  tags,
  params: idParams,
  response: evaluationSummary.extend({ trainees: z.number() }),
});
