// 注册审核: self-registered teachers wait as `pending` until an admin of their school decides.
import { z } from 'zod';
import { idParams, pageQuery, paged, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['registrations'] as const;
export const registrationStatus = z.enum(['pending', 'approved', 'rejected']);

export const registrationRow = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  schoolName: z.string().nullable(),
  createdAt: timestamp,
  status: registrationStatus,
  rejectReason: z.string().nullable(),
});

const decided = z.object({ ok: z.literal(true), status: z.enum(['approved', 'rejected']) });

export const list = route({
  method: 'GET',
  path: '/api/registrations',
  summary: '注册审核列表',
  tags,
  querystring: z.object({ status: registrationStatus.default('pending'), ...pageQuery }),
  response: paged(registrationRow),
});

export const approve = route({
  method: 'POST',
  path: '/api/registrations/:id/approve',
  summary: '通过注册',
  tags,
  params: idParams,
  response: decided,
});

export const reject = route({
  method: 'POST',
  path: '/api/registrations/:id/reject',
  summary: '驳回注册',
  tags,
  params: idParams,
  body: z.object({ reason: z.string().trim().min(1, '请填写驳回理由').max(500) }),
  response: decided,
});
