// Request shapes of the credit routes (我的学分, 校本研修认定, corrections). Value rules that need the
// active policy (cycles, categories) live in rules.ts, shared with the spreadsheet import.
import { CREDIT_FORMS } from '@shixun/domain';
import { z } from 'zod';
import { pageQuery } from '../../http/types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const num = (what: string) => z.number({ error: `${what}必须是数字` });
const title = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(200, `${what}不能超过 200 字`);

/** Which cell of 我的学分 to open: a cycle or a year, and a category or a group / level check. */
export const entriesQuery = z.object({
  cycleId: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  category: z.string().max(40).optional(),
  group: z.string().max(40).optional(),
});
export type EntriesQuery = z.infer<typeof entriesQuery>;

export const schoolBasedBody = z.object({
  teacherId: z.number({ error: '请选择教师' }).int().positive('请选择教师'),
  year: num('年度').int('年度必须是整数'),
  date: z.string({ error: '请填写认定日期' }).regex(DATE, '认定日期格式应为 YYYY-MM-DD'),
  title: title('研修内容'),
  amount: num('学分'),
  hours: num('学时').optional(),
  category: z.string().max(40).optional(),
});
export type SchoolBasedInput = z.infer<typeof schoolBasedBody>;

export const schoolBasedListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const reverseBody = z.object({
  reason: z.string({ error: '请填写冲销原因' }).trim().min(1, '请填写冲销原因').max(500, '冲销原因不能超过 500 字'),
});

export const adjustmentBody = z.object({
  year: num('年度').int('年度必须是整数'),
  category: z.string({ error: '请选择学分类型' }).min(1, '请选择学分类型').max(40),
  form: z.enum(CREDIT_FORMS, { error: '培训形式只能是集中培训、远程培训、校本研修或其他' }),
  amount: num('调整学分'),
  title: title('调整事项'),
  reason: z.string({ error: '请填写调整原因' }).trim().min(1, '请填写调整原因').max(500, '调整原因不能超过 500 字'),
});
export type AdjustmentInput = z.infer<typeof adjustmentBody>;
