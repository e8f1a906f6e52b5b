// 学分达标统计 (school, county, city and province admins, each within their scope).
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { contentDisposition, pageQuery, type App, dbId } from '../../http/types.ts';
import { complianceReport, eligibility, ELIGIBILITY, reportTeachers } from './credit-reports.service.ts';
import { exportCompliance } from './export.ts';

const tags = ['credit-reports'];
const access = 'credit.report' as const;
const flag = (what: string) =>
  z
    .enum(['true', 'false'], { error: `${what}只能是 true 或 false` })
    .transform((v) => v === 'true')
    .optional();
const scopeQuery = {
  regionCode: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, '区划代码应为 2、4 或 6 位数字')
    .optional(),
  schoolId: dbId.optional(),
};
const groupBy = z.enum(['city', 'county', 'school'], { error: '分组只能是 city、county 或 school' }).optional();
const filterQuery = {
  assessed: flag('是否纳入考核'),
  compliant: flag('是否达标'),
  completed: flag('是否已完成周期要求'),
  category: z.string().max(40).optional(),
};

export function creditReportRoutes(app: App, deps: Deps) {
  app.get(
    '/api/credit-reports/compliance',
    {
      config: { access },
      schema: { tags, summary: '学分达标率（按下一级区划或学校，及按学分类型）', querystring: z.object({ ...scopeQuery, groupBy }) },
    },
    async (req) => complianceReport(deps, req.ctx, req.query),
  );

  app.get(
    '/api/credit-reports/teachers',
    {
      config: { access },
      schema: { tags, summary: '统计数字背后的教师名单', querystring: z.object({ ...scopeQuery, ...filterQuery, ...pageQuery }) },
    },
    async (req) => reportTeachers(deps, req.ctx, req.query),
  );

  app.get(
    '/api/credit-reports/eligibility',
    {
      config: { access },
      schema: {
        tags,
        summary: '定期注册学分条件（本周期达标 / 未达标 / 不纳入考核）',
        querystring: z.object({
          ...scopeQuery,
          ...pageQuery,
          status: z
            .enum(Object.keys(ELIGIBILITY) as [keyof typeof ELIGIBILITY], { error: '状态只能是 eligible、ineligible 或 not_assessed' })
            .default('eligible'),
        }),
      },
    },
    async (req) => eligibility(deps, req.ctx, req.query),
  );

  app.get(
    '/api/credit-reports/export.xlsx',
    {
      config: { access },
      schema: { tags, summary: '导出学分达标统计与教师明细（脱敏）', querystring: z.object({ ...scopeQuery, groupBy, ...filterQuery }) },
    },
    async (req, reply) => {
      const { filename, stream } = await exportCompliance(deps, req.ctx, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('attachment', 'credit-report.xlsx', filename))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
}
