// 校本研修认定 (school admin): one entry, the school's list, the spreadsheet template and the import.
import { credits as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { importSchoolBased } from './school-based.import.ts';
import { enterSchoolBased, listSchoolBased, ownSchool } from './school-based.service.ts';
import { templateWorkbook } from './school-based.sheet.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A school's sheet is far below this; the photo limit (2 MB) would be too tight for a large one. */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const access = 'credit.schoolBased' as const;

export function schoolBasedRoutes(app: App, deps: Deps) {
  app.post(c.enterSchoolBased.path, { config: { access }, schema: schemaOf(c.enterSchoolBased) }, async (req, reply) => {
    const r = await enterSchoolBased(deps, actorCtx(req), req.body);
    reply.code(201);
    return r;
  });

  app.get(c.schoolBasedList.path, { config: { access }, schema: schemaOf(c.schoolBasedList) }, async (req) =>
    listSchoolBased(deps, actorCtx(req), req.query),
  );

  app.get(c.schoolBasedTemplate.path, { config: { access }, schema: schemaOf(c.schoolBasedTemplate) }, async (req, reply) => {
    ownSchool(actorCtx(req).actor);
    return reply
      .type(XLSX)
      .header('content-disposition', contentDisposition('attachment', 'school-based.xlsx', '校本研修学分导入模板.xlsx'))
      .send(await templateWorkbook());
  });

  app.post(c.importSchoolBased.path, { config: { access }, schema: schemaOf(c.importSchoolBased) }, async (req) => {
    const ctx = actorCtx(req);
    ownSchool(ctx.actor);
    if (!req.isMultipart()) throw invalid('请上传 xlsx 文件');
    const file = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES } });
    if (!file) throw invalid('请选择要上传的文件');
    const data = await file.toBuffer();
    if (file.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    return importSchoolBased(deps, ctx, data);
  });
}
