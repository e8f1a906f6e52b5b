// 成绩 (inline entry, template, import) and the class's 训后评估 aggregate (institution admin).
import { classScores as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { classEvaluation } from './evaluation.service.ts';
import { importScores, scoresTemplate } from './scores.import.ts';
import { saveScores } from './scores.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_MAX_BYTES = c.SCORES_IMPORT_MAX_BYTES;
const manage = { access: 'class.manage' } as const;

export function scoreRoutes(app: App, deps: Deps) {
  app.put(c.saveScores.path, { config: manage, schema: schemaOf(c.saveScores) }, async (req) =>
    saveScores(deps, actorCtx(req), req.params.id, req.body),
  );

  app.get(c.scoresTemplate.path, { config: manage, schema: schemaOf(c.scoresTemplate) }, async (req, reply) => {
    const t = await scoresTemplate(deps, actorCtx(req), req.params.id);
    return reply
      .type(XLSX)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('attachment', `scores-${t.classId}.xlsx`, `${t.className}成绩模板.xlsx`))
      .send(t.data);
  });

  app.post(c.importScores.path, { config: manage, schema: schemaOf(c.importScores) }, async (req) => {
    if (!req.isMultipart()) throw invalid('请上传由成绩模板填写的 xlsx 文件');
    const file = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES } });
    if (!file) throw invalid('请选择要上传的文件');
    const tooLarge = new AppError(413, 'FILE_TOO_LARGE', `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    const data = await file.toBuffer().catch((e: { code?: string }) => {
      throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge : e;
    });
    if (file.file.truncated) throw tooLarge;
    return importScores(deps, actorCtx(req), req.params.id, data);
  });

  app.get(c.classEvaluation.path, { config: manage, schema: schemaOf(c.classEvaluation) }, async (req) =>
    classEvaluation(deps, actorCtx(req), req.params.id),
  );
}
