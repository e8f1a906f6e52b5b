// Shapes the class routes share: a class's project, its 开班通知 and attachments, a session of its
// 课程安排, and the anonymous 训后评估 summary.
import { z } from 'zod';
import { timestamp } from './common.ts';

export const projectLevel = z.enum(['national', 'province', 'city', 'county', 'school']);
export const projectMode = z.enum(['onsite', 'online', 'blended', 'school_based']);
export const traineeResult = z.enum(['passed', 'failed']);
export const checkinMethod = z.enum(['qr', 'manual']);

export const notice = z.object({ title: z.string(), body: z.string(), contact: z.string(), publishedAt: timestamp.nullable() });
export const noticeFile = z.object({ id: z.number(), fileName: z.string(), mime: z.string(), size: z.number(), uploadedAt: timestamp });
export const session = z.object({
  id: z.number(),
  startsAt: timestamp,
  endsAt: timestamp,
  /** 2026-05-11 08:30–11:30, in China time */
  when: z.string(),
  place: z.string(),
  topic: z.string(),
  lecturer: z.string(),
});

/** The project facts every class view carries. */
export const classProject = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  level: projectLevel,
  levelLabel: z.string(),
  mode: projectMode,
  modeLabel: z.string(),
  organiserName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string(),
  hours: z.number(),
  credits: z.number(),
  onsiteWeight: z.number(),
  onlineWeight: z.number(),
  passMark: z.number(),
});

export const evaluationQuestion = z.object({ id: z.string(), text: z.string(), kind: z.enum(['rating', 'text']) });
/** Below `minimum` answers only the count is shown (hidden: true). */
export const evaluationSummary = z.object({
  count: z.number(),
  hidden: z.boolean(),
  minimum: z.number(),
  message: z.string().nullable(),
  questions: z.array(
    evaluationQuestion.extend({
      answered: z.number(),
      average: z.number().nullable().optional(),
      distribution: z.array(z.number()).optional(),
      answers: z.array(z.string()).optional(),
    }),
  ),
});
