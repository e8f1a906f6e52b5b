// 课程安排 and 签到: a class's sessions, the rotating check-in code for the big screen, a session's
// attendance and manual marking (institution), and the trainee's scan.
import { z } from 'zod';
import { bodyId, dbId, idParams, ok, timestamp } from './common.ts';
import { route } from './route.ts';
import { checkinMethod, session } from './classes-views.ts';

const tags = ['classes'] as const;
export const sessionParams = z.object({ id: dbId, sid: dbId });

export const SESSION_PLACE_MAX = 100;
export const SESSION_TOPIC_MAX = 100;
export const SESSION_LECTURER_MAX = 50;
const when = (label: string) => z.string({ error: `请填写${label}` }).datetime({ offset: true, error: `${label}格式不正确` });
export const sessionBody = z.object({
  startsAt: when('开始时间'),
  endsAt: when('结束时间'),
  place: z.string().trim().max(SESSION_PLACE_MAX, `地点不能超过 ${SESSION_PLACE_MAX} 个字`).default(''),
  topic: z
    .string({ error: '请填写课程主题' })
    .trim()
    .min(1, '请填写课程主题')
    .max(SESSION_TOPIC_MAX, `课程主题不能超过 ${SESSION_TOPIC_MAX} 个字`),
  lecturer: z.string().trim().max(SESSION_LECTURER_MAX, `主讲人不能超过 ${SESSION_LECTURER_MAX} 个字`).default(''),
});

export const sessionRow = session.extend({ checkedIn: z.number() });

export const listSessions = route({
  method: 'GET',
  path: '/api/classes/:id/sessions',
  summary: '课程安排（含各课程签到人数）',
  tags,
  params: idParams,
  response: z.object({ items: z.array(sessionRow), trainees: z.number(), startDate: z.string(), endDate: z.string() }),
});

export const createSession = route({
  method: 'POST',
  path: '/api/classes/:id/sessions',
  summary: '新增课程',
  tags,
  params: idParams,
  body: sessionBody,
  status: 201,
  response: z.object({ session: sessionRow }),
});

export const updateSession = route({
  method: 'PUT',
  path: '/api/classes/:id/sessions/:sid',
  summary: '修改课程',
  tags,
  params: sessionParams,
  body: sessionBody,
  response: z.object({ session: sessionRow }),
});

export const deleteSession = route({
  method: 'DELETE',
  path: '/api/classes/:id/sessions/:sid',
  summary: '删除课程（已有签到的不能删除）',
  tags,
  params: sessionParams,
  response: ok,
});

export const checkinCode = route({
  method: 'GET',
  path: '/api/classes/:id/sessions/:sid/checkin-code',
  summary: '当前签到码与二维码（每 10 秒更新）',
  tags,
  params: sessionParams,
  response: z.object({
    code: z.string(),
    url: z.string(),
    /** a PNG data URL of the QR */
    qr: z.string(),
    expiresInMs: z.number(),
    stepMs: z.number(),
    session,
    checkedIn: z.number(),
    /** scans are accepted only inside this window (config: checkinWindow) */
    window: z.object({ opensAt: timestamp, closesAt: timestamp, open: z.boolean(), message: z.string().nullable() }),
  }),
});

export const sessionCheckins = route({
  method: 'GET',
  path: '/api/classes/:id/sessions/:sid/checkins',
  summary: '某次课程的签到情况',
  tags,
  params: sessionParams,
  response: z.object({
    session,
    items: z.array(
      z.object({
        enrollmentId: z.number(),
        name: z.string(),
        schoolName: z.string(),
        checkedIn: z.boolean(),
        at: timestamp.nullable(),
        method: checkinMethod.nullable(),
      }),
    ),
  }),
});

export const markCheckins = route({
  method: 'POST',
  path: '/api/classes/:id/sessions/:sid/checkins',
  summary: '手工签到 / 取消签到',
  tags,
  params: sessionParams,
  body: z.object({
    enrollmentIds: z.array(bodyId).min(1, '请选择要签到的学员').max(2000, '一次最多 2000 名学员'),
    present: z.boolean({ error: '请说明是签到还是取消签到' }),
  }),
  response: z.object({ changed: z.number(), unchanged: z.number() }),
});

export const checkIn = route({
  method: 'POST',
  path: '/api/checkin',
  summary: '学员扫码签到',
  tags,
  body: z.object({
    code: z.string({ error: '缺少签到码，请重新扫描二维码' }).min(1, '缺少签到码，请重新扫描二维码').max(100, '签到码无效'),
  }),
  response: z.object({
    status: z.enum(['checked_in', 'already']),
    message: z.string(),
    at: timestamp,
    session: session.extend({ className: z.string(), projectName: z.string() }),
  }),
});
