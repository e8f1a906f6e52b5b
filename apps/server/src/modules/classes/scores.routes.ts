// 成绩 (inline entry, template, import) and the class's 训后评估 aggregate (institution admin).
import { maskIdNumber } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { contentDisposition, idParam, type App } from '../../http/types.ts';
import { ownClass, traineesOf } from './classes.repository.ts';
import { classEvaluation } from './evaluation.service.ts';
import { importScores } from './scores.import.ts';
import { saveScores, scoresBody } from './scores.service.ts';
import { scoreTemplate } from './scores.sheet.ts';

const tags = ['classes'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function scoreRoutes(app: App, deps: Deps) {
  app.put(
    '/api/classes/:id/scores',
    {
      config: { access: 'class.manage' },
      schema: { tags, summary: '录入成绩（集中学习、网络学习；合格即记入学分、颁发结业证书）', params: idParam, body: scoresBody },
    },
    async (req) => saveScores(deps, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/classes/:id/scores/template',
    { config: { access: 'class.manage' }, schema: { tags, summary: '成绩导入模板（含本班学员）', params: idParam } },
    async (req, reply) => {
      const c = await ownClass(deps.db, req.actor!, req.params.id);
      const rows = await traineesOf(deps.db, c.id)
        .select(['e.id', 'u.name', 'u.id_number', 's.name as school', 'e.onsite_score', 'e.online_score'])
        .orderBy('e.id')
        .execute();
      const data = await scoreTemplate(
        `${c.project_name} ${c.name}`,
        { onsite: c.onsite_weight, online: c.online_weight, passMark: Number(c.pass_mark) },
        rows.map((r) => ({
          enrollmentId: r.id,
          name: r.name,
          idNumber: maskIdNumber(r.id_number),
          school: r.school,
          onsite: r.onsite_score,
          online: r.online_score,
        })),
      );
      return reply
        .type(XLSX)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition('attachment', `scores-${c.id}.xlsx`, `${c.name}成绩模板.xlsx`))
        .send(data);
    },
  );

  app.post(
    '/api/classes/:id/scores/import',
    {
      config: { access: 'class.manage' },
      schema: { tags, summary: '导入成绩（xlsx，逐行报告；重复上传不重复记入）', params: idParam },
    },
    async (req) => {
      if (!req.isMultipart()) throw invalid('请上传由成绩模板填写的 xlsx 文件');
      const file = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES } });
      if (!file) throw invalid('请选择要上传的文件');
      const tooLarge = new AppError(413, 'FILE_TOO_LARGE', `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge : e;
      });
      if (file.file.truncated) throw tooLarge;
      return importScores(deps, req.ctx, req.params.id, data);
    },
  );

  app.get(
    '/api/classes/:id/evaluation',
    { config: { access: 'class.manage' }, schema: { tags, summary: '本班训后评估统计（少于 3 份不显示）', params: idParam } },
    async (req) => classEvaluation(deps, req.ctx, req.params.id),
  );
}
