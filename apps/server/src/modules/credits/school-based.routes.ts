// 校本研修认定 (school admin): one entry, the school's list, the spreadsheet template and the import.
import type { Deps } from '../../context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { schoolBasedBody, schoolBasedListQuery } from './credits.schema.ts';
import { importSchoolBased } from './school-based.import.ts';
import { enterSchoolBased, listSchoolBased, ownSchool } from './school-based.service.ts';
import { templateWorkbook } from './school-based.sheet.ts';

const tags = ['credits'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A school's sheet is far below this; the photo limit (2 MB) would be too tight for a large one. */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function schoolBasedRoutes(app: App, deps: Deps) {
  app.post(
    '/api/credits/school-based',
    {
      config: { access: 'credit.schoolBased' },
      schema: { tags, summary: '认定一条校本研修学分（本校教师）', body: schoolBasedBody },
    },
    async (req, reply) => {
      const r = await enterSchoolBased(deps, req.ctx, req.body);
      reply.code(201);
      return r;
    },
  );

  app.get(
    '/api/credits/school-based',
    {
      config: { access: 'credit.schoolBased' },
      schema: { tags, summary: '本校已认定的校本研修（证件号脱敏）', querystring: schoolBasedListQuery },
    },
    async (req) => listSchoolBased(deps, req.ctx, req.query),
  );

  app.get(
    '/api/credits/school-based/template',
    {
      config: { access: 'credit.schoolBased' },
      schema: { tags, summary: '校本研修导入模板（xlsx）' },
    },
    async (req, reply) => {
      ownSchool(req.actor!);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition('attachment', 'school-based.xlsx', '校本研修学分导入模板.xlsx'))
        .send(await templateWorkbook());
    },
  );

  app.post(
    '/api/credits/school-based/import',
    {
      config: { access: 'credit.schoolBased' },
      schema: { tags, summary: '导入校本研修（xlsx，逐行报告，可重复上传不重复记入）' },
    },
    async (req) => {
      ownSchool(req.actor!);
      if (!req.isMultipart()) throw invalid('请上传 xlsx 文件');
      const file = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES } });
      if (!file) throw invalid('请选择要上传的文件');
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
      return importSchoolBased(deps, req.ctx, data);
    },
  );
}
