// 教师档案: the scoped teacher directory, a teacher's detail (masked by default), the audited reveal of
// full ID and phone numbers, key-field edits by county admins, password reset, 停用 / 启用, photos.
import { z } from 'zod';
import { file, idParams, pageQuery, paged } from './common.ts';
import { route } from './route.ts';

const tags = ['teachers'] as const;

export const photoKind = z.enum(['cert', 'avatar']);
export const accountStatus = z.enum(['active', 'pending', 'disabled', 'rejected']);

/** The Profile object: ID number, phone and e-mail come masked in admins' default view. */
export const profile = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  idType: z.string().nullable(),
  idNumber: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  regionName: z.string().nullable(),
  countyName: z.string().nullable(),
  regionCode: z.string(),
  schoolId: z.number(),
  schoolName: z.string().nullable(),
  schoolAreaType: z.string().nullable(),
  schoolCategory: z.string().nullable(),
  stage: z.string().nullable(),
  subject: z.string().nullable(),
  initialEducation: z.string().nullable(),
  highestEducation: z.string().nullable(),
  highestDegree: z.string().nullable(),
  graduateSchool: z.string().nullable(),
  major: z.string().nullable(),
  workStartDate: z.string().nullable(),
  professionalTitle: z.string().nullable(),
  postCategory: z.string().nullable(),
  adminPosition: z.string().nullable(),
  isEstablishment: z.boolean().nullable(),
  isPublicFundedNormal: z.boolean().nullable(),
  isSpecialPost: z.boolean().nullable(),
  qualificationType: z.string().nullable(),
  qualificationNumber: z.string().nullable(),
  backboneLevel: z.string().nullable(),
  isHeadTeacher: z.boolean().nullable(),
  hireDate: z.string().nullable(),
  personnelStatus: z.string().nullable(),
});
export const photos = z.object({ cert: z.boolean(), avatar: z.boolean() });

/** A profile patch: checked field by field on the server against @shixun/domain PROFILE_FIELDS. */
export const profilePatch = z.record(z.string(), z.unknown());

export const teacherRow = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  schoolName: z.string().nullable(),
  countyName: z.string().nullable(),
  stage: z.string().nullable(),
  subject: z.string().nullable(),
  personnelStatus: z.string().nullable(),
  accountStatus,
});

export const list = route({
  method: 'GET',
  path: '/api/teachers',
  summary: '教师查询（管辖范围内）',
  tags,
  querystring: z.object({
    q: z.string().max(50).optional(),
    regionCode: z
      .string()
      .regex(/^\d{2,6}$/)
      .optional(),
    schoolId: z.coerce.number().int().positive().optional(),
    subject: z.string().max(20).optional(),
    stage: z.string().max(20).optional(),
    status: accountStatus.optional(),
    ...pageQuery,
  }),
  response: paged(teacherRow),
});

export const detail = route({
  method: 'GET',
  path: '/api/teachers/:id',
  summary: '教师详情',
  tags,
  params: idParams,
  response: z.object({
    profile,
    accountStatus,
    photos,
    abilities: z.object({
      editKeyFields: z.boolean(),
      revealSensitive: z.boolean(),
      resetPassword: z.boolean(),
      setStatus: z.boolean(),
    }),
  }),
});

export const reveal = route({
  method: 'POST',
  path: '/api/teachers/:id/reveal',
  summary: '查看完整证件号与手机号（留痕）',
  tags,
  params: idParams,
  response: z.object({ idNumber: z.string().nullable(), phone: z.string().nullable() }),
});

export const editKeyFields = route({
  method: 'PUT',
  path: '/api/teachers/:id/key-fields',
  summary: '修改关键字段（区县及以上管理员）',
  tags,
  params: idParams,
  body: profilePatch,
  response: z.object({ profile }),
});

export const resetPassword = route({
  method: 'POST',
  path: '/api/teachers/:id/password-reset',
  summary: '重置密码',
  tags,
  params: idParams,
  response: z.object({ temporaryPassword: z.string() }),
});

export const setStatus = route({
  method: 'POST',
  path: '/api/teachers/:id/status',
  summary: '停用 / 启用账号',
  tags,
  params: idParams,
  body: z.object({ status: z.enum(['active', 'disabled'], { error: '状态只能是启用或停用' }) }),
  response: z.object({ ok: z.literal(true), status: z.enum(['active', 'disabled']) }),
});

export const photo = route({
  method: 'GET',
  path: '/api/teachers/:id/photos/:kind',
  summary: '教师照片',
  tags,
  params: idParams.extend({ kind: photoKind }),
  response: file,
});
