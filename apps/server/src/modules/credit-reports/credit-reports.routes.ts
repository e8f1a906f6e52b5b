// 学分达标统计 (school, county, city and province admins, each within their scope).
import { creditReports as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { complianceReport, eligibility, recordRegistration, reportTeachers } from './credit-reports.service.ts';
import { exportCompliance } from './export.ts';

const access = 'credit.report' as const;

export function creditReportRoutes(app: App, deps: Deps) {
  app.get(c.compliance.path, { config: { access }, schema: schemaOf(c.compliance) }, async (req) =>
    complianceReport(deps, actorCtx(req), req.query),
  );

  app.get(c.teachers.path, { config: { access }, schema: schemaOf(c.teachers) }, async (req) =>
    reportTeachers(deps, actorCtx(req), req.query),
  );

  app.get(c.eligibility.path, { config: { access }, schema: schemaOf(c.eligibility) }, async (req) =>
    eligibility(deps, actorCtx(req), req.query),
  );

  // 注册日期 is a key field of the teacher's record: those who may edit key fields record it
  app.post(
    c.recordRegistration.path,
    { config: { access: 'teacher.editKeyFields' }, schema: schemaOf(c.recordRegistration) },
    async (req) => recordRegistration(deps, actorCtx(req), req.body),
  );

  app.get(c.exportXlsx.path, { config: { access }, schema: schemaOf(c.exportXlsx) }, async (req, reply) => {
    const { filename, stream } = await exportCompliance(deps, actorCtx(req), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', 'credit-report.xlsx', filename))
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
}
