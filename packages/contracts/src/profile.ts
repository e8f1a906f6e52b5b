// 我的基本信息: a teacher's own profile (ordinary fields edited directly, key fields through a change
// request reviewed by the county), and the review of those requests by region admins.
import { z } from 'zod';
import { file, idParams, listOf, ok, pageQuery, paged, timestamp } from './common.ts';
import { route } from './route.ts';
import { photoKind, photos, profile, profilePatch } from './teachers.ts';

const tags = ['profile'] as const;
const changeTags = ['profile-changes'] as const;
export const changeStatus = z.enum(['pending', 'approved', 'rejected']);

/** One requested change of a key field; a school change also names the new school. */
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const fieldChange = z.object({ from: fieldValue, to: fieldValue, toName: z.string().optional() });
export const profileChange = z.object({
  id: z.number(),
  teacherId: z.number(),
  teacherName: z.string(),
  schoolName: z.string().nullable(),
  changes: z.record(z.string(), fieldChange),
  reason: z.string(),
  status: changeStatus,
  reviewReason: z.string().nullable(),
  reviewerName: z.string().nullable(),
  createdAt: timestamp,
  reviewedAt: timestamp.nullable(),
});

export const mine = route({
  method: 'GET',
  path: '/api/profile',
  summary: '我的基本信息',
  tags,
  response: z.object({ profile, photos, pendingChange: z.boolean() }),
});

export const update = route({
  method: 'PUT',
  path: '/api/profile',
  summary: '修改基本信息（普通字段）',
  tags,
  body: profilePatch,
  response: z.object({ profile }),
});

export const myChanges = route({
  method: 'GET',
  path: '/api/profile/changes',
  summary: '我的信息变更申请',
  tags,
  response: listOf(profileChange),
});

export const requestChange = route({
  method: 'POST',
  path: '/api/profile/changes',
  summary: '申请修改关键字段',
  tags,
  body: z.object({ changes: profilePatch, reason: z.string().trim().min(1, '请填写申请理由').max(500) }),
  response: z.object({ change: profileChange }),
  status: 201,
});

export const uploadPhoto = route({
  method: 'POST',
  path: '/api/profile/photos/:kind',
  summary: '上传证书照片 / 头像（JPG、PNG）',
  tags,
  params: z.object({ kind: photoKind }),
  response: ok,
});

export const myPhoto = route({
  method: 'GET',
  path: '/api/profile/photos/:kind',
  summary: '我的证书照片 / 头像',
  tags,
  params: z.object({ kind: photoKind }),
  response: file,
});

export const changesInScope = route({
  method: 'GET',
  path: '/api/profile-changes',
  summary: '信息变更申请（管辖范围内）',
  tags: changeTags,
  querystring: z.object({ status: changeStatus.optional(), ...pageQuery }),
  response: paged(profileChange),
});

/** The reason of a rejection (the limit's message is zod's own, as it always was). */
const rejectBody = z.object({ reason: z.string().trim().min(1, '请填写驳回理由').max(500) });

export const approveChange = route({
  method: 'POST',
  path: '/api/profile-changes/:id/approve',
  summary: '通过信息变更申请',
  tags: changeTags,
  params: idParams,
  response: z.object({ change: profileChange }),
});

export const rejectChange = route({
  method: 'POST',
  path: '/api/profile-changes/:id/reject',
  summary: '驳回信息变更申请',
  tags: changeTags,
  params: idParams,
  body: rejectBody,
  response: z.object({ change: profileChange }),
});
