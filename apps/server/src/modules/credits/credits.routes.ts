// Credits of one teacher: 我的学分 (the teacher), and the admin's view with 冲销 and 调整.
import type { Deps } from '../../context.ts';
import { idParam, type App } from '../../http/types.ts';
import { adjustmentBody, entriesQuery, reverseBody } from './credits.schema.ts';
import { myCredits, myEntries } from './my-credits.service.ts';
import { schoolBasedRoutes } from './school-based.routes.ts';
import { adjustCredits, reverseEntry, teacherCredits } from './teacher-credits.service.ts';

const tags = ['credits'];

export function creditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/credits/me',
    { config: { access: 'credit.self' }, schema: { tags, summary: '我的学分：当前学分政策下的统计' } },
    async (req) => myCredits(deps, req.ctx),
  );

  app.get(
    '/api/credits/me/entries',
    {
      config: { access: 'credit.self' },
      schema: { tags, summary: '我的学分明细（某一格背后的记录，最新在前）', querystring: entriesQuery },
    },
    async (req) => myEntries(deps, req.ctx, req.query),
  );

  app.get(
    '/api/teachers/:id/credits',
    {
      config: { access: 'credit.read' },
      schema: { tags, summary: '教师的学分统计与明细（管辖范围内）', params: idParam },
    },
    async (req) => teacherCredits(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/credit-entries/:id/reverse',
    {
      config: { access: 'credit.adjust' },
      schema: { tags, summary: '冲销一条学分记录（写入反向记录，原记录不变）', params: idParam, body: reverseBody },
    },
    async (req, reply) => {
      const r = await reverseEntry(deps, req.ctx, req.params.id, req.body.reason);
      reply.code(201);
      return r;
    },
  );

  app.post(
    '/api/teachers/:id/credits/adjustments',
    {
      config: { access: 'credit.adjust' },
      schema: { tags, summary: '学分调整（可为负数，须填写原因）', params: idParam, body: adjustmentBody },
    },
    async (req, reply) => {
      const r = await adjustCredits(deps, req.ctx, req.params.id, req.body);
      reply.code(201);
      return r;
    },
  );

  schoolBasedRoutes(app, deps);
}
