// 签到 routes: the rotating code for the big screen, a session's attendance and manual marking
// (institution), and the trainee's scan.
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { bodyId, dbId, type App } from '../../http/types.ts';
import { checkIn, currentCheckinCode, markCheckins, sessionCheckins } from './checkin.service.ts';

const tags = ['classes'];
const id = dbId;
const sessionParams = z.object({ id, sid: id });
const markBody = z.object({
  enrollmentIds: z.array(bodyId).min(1, '请选择要签到的学员').max(2000, '一次最多 2000 名学员'),
  present: z.boolean({ error: '请说明是签到还是取消签到' }),
});

export function checkinRoutes(app: App, deps: Deps) {
  app.get(
    '/api/classes/:id/sessions/:sid/checkin-code',
    {
      config: { access: 'class.manage' },
      schema: { tags, summary: '当前签到码与二维码（每 10 秒更新）', params: sessionParams },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return currentCheckinCode(deps, req.ctx, req.params.id, req.params.sid, deps.config.publicUrl);
    },
  );

  app.get(
    '/api/classes/:id/sessions/:sid/checkins',
    { config: { access: 'class.manage' }, schema: { tags, summary: '某次课程的签到情况', params: sessionParams } },
    async (req) => sessionCheckins(deps, req.ctx, req.params.id, req.params.sid),
  );

  app.post(
    '/api/classes/:id/sessions/:sid/checkins',
    {
      config: { access: 'class.manage' },
      schema: { tags, summary: '手工签到 / 取消签到', params: sessionParams, body: markBody },
    },
    async (req) => markCheckins(deps, req.ctx, req.params.id, req.params.sid, req.body),
  );

  app.post(
    '/api/checkin',
    {
      config: { access: 'project.self' },
      schema: {
        tags,
        summary: '学员扫码签到',
        body: z.object({
          code: z.string({ error: '缺少签到码，请重新扫描二维码' }).min(1, '缺少签到码，请重新扫描二维码').max(100, '签到码无效'),
        }),
      },
    },
    async (req) => checkIn(deps, req.ctx, req.body.code),
  );
}
