// 管理员账号 (三员分立): each level creates and looks after the level below it; platform accounts change
// only through a request of the security admin approved by an audit admin.
import { ROLES } from '@shixun/domain';
import { z } from 'zod';
import { bodyId, idParams, pageQuery, paged, timestamp } from './common.ts';
import { route } from './route.ts';

const tags = ['admin-accounts'] as const;

type AdminRole = Exclude<(typeof ROLES)[number], 'teacher'>;
type PlatformRole = 'province_admin' | 'sys_admin' | 'security_admin' | 'audit_admin';
export const ADMIN_ROLES = ROLES.filter((r) => r !== 'teacher') as [AdminRole, ...AdminRole[]];
export const PLATFORM_ROLES: [PlatformRole, ...PlatformRole[]] = ['province_admin', 'sys_admin', 'security_admin', 'audit_admin'];

export const adminRole = z.enum(ADMIN_ROLES, { error: '请选择管理员角色' });
export const platformRole = z.enum(PLATFORM_ROLES, { error: '请选择省级项目管理员或三员之一' });
export const LOGIN_NAME_RE = /^[a-zA-Z][a-zA-Z0-9_-]{2,31}$/;
export const loginName = z.string().trim().regex(LOGIN_NAME_RE, '登录名为 3–32 位字母、数字、下划线或短横线，以字母开头');
// no control characters (NUL and friends) in what is stored or searched
const plain = (s: z.ZodString) => s.regex(/^[^\u0000-\u001f\u007f]*$/, '不能包含控制字符');
export const PERSON_NAME_MAX = 50;
export const personName = plain(
  z.string().trim().min(1, '请填写姓名或名称').max(PERSON_NAME_MAX, `姓名或名称最多 ${PERSON_NAME_MAX} 个字`),
);
export const REASON_MAX = 500;
export const requestReason = plain(z.string().trim().min(2, '请写明申请理由').max(REASON_MAX, `理由最多 ${REASON_MAX} 字`));
const accountStatus = z.enum(['pending', 'active', 'disabled', 'rejected']);
const requestStatus = z.enum(['pending', 'approved', 'rejected']);
export const requestAction = z.enum(['create', 'reset_password', 'disable', 'enable']);

export const adminAccountRow = z.object({
  id: z.number(),
  loginName: z.string().nullable(),
  name: z.string(),
  role: z.enum(ADMIN_ROLES),
  status: accountStatus,
  mustChangePassword: z.boolean(),
  createdAt: timestamp,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  schoolName: z.string().nullable(),
  institutionName: z.string().nullable(),
});

export const list = route({
  method: 'GET',
  path: '/api/admin-accounts',
  summary: '管理员账号列表（本人管辖的下一级管理员；安全 / 审计管理员看平台账号；系统管理员只读）',
  tags,
  querystring: z.object({ role: adminRole.optional(), q: plain(z.string().trim().max(50)).optional(), ...pageQuery }),
  response: paged(adminAccountRow).extend({
    /** What the actor may do on the page: the UI shows only what the server will honour. */
    abilities: z.object({
      creatableRoles: z.array(adminRole),
      manage: z.boolean(),
      propose: z.boolean(),
      approve: z.boolean(),
      scopeRegionCode: z.string().nullable(),
    }),
  }),
});

export const create = route({
  method: 'POST',
  path: '/api/admin-accounts',
  summary: '创建下一级管理员账号（返回一次性临时密码）',
  tags,
  body: z.object({
    loginName,
    name: personName,
    role: adminRole,
    regionCode: z
      .string()
      .regex(/^\d{2,6}$/, '行政区划代码不正确')
      .optional(),
    schoolId: bodyId.optional(),
    institutionId: bodyId.optional(),
  }),
  response: z.object({ id: z.number(), temporaryPassword: z.string() }),
  status: 201,
});

export const resetPassword = route({
  method: 'POST',
  path: '/api/admin-accounts/:id/password-reset',
  summary: '重置下一级管理员的密码（返回一次性临时密码）',
  tags,
  params: idParams,
  response: z.object({ id: z.number(), temporaryPassword: z.string() }),
});

export const setStatus = route({
  method: 'POST',
  path: '/api/admin-accounts/:id/status',
  summary: '停用 / 启用下一级管理员账号',
  tags,
  params: idParams,
  body: z.object({ status: z.enum(['active', 'disabled'], { error: '请选择启用或停用' }) }),
  response: z.object({ id: z.number(), status: z.enum(['active', 'disabled']) }),
});

export const accountRequest = z.object({
  id: z.number(),
  action: requestAction,
  actionLabel: z.string(),
  role: z.enum(PLATFORM_ROLES).nullable(),
  loginName: z.string().nullable(),
  name: z.string().nullable(),
  targetUserId: z.number().nullable(),
  reason: z.string(),
  status: requestStatus,
  version: z.number(),
  requestedBy: z.string(),
  requestedAt: timestamp,
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decisionReason: z.string().nullable(),
  canDecide: z.boolean(),
});

export const requests = route({
  method: 'GET',
  path: '/api/admin-account-requests',
  summary: '平台账号变更申请（安全管理员提出，审计管理员审批）',
  tags,
  querystring: z.object({ status: requestStatus.optional(), ...pageQuery }),
  response: paged(accountRequest),
});

export const propose = route({
  method: 'POST',
  path: '/api/admin-account-requests',
  summary: '提出平台账号变更申请（创建、重置密码、停用、启用）',
  tags,
  body: z.discriminatedUnion(
    'action',
    [
      z.object({ action: z.literal('create'), role: platformRole, loginName, name: personName, reason: requestReason }),
      z.object({ action: z.enum(['reset_password', 'disable', 'enable']), userId: bodyId, reason: requestReason }),
    ],
    { error: '请选择申请类型' },
  ),
  response: z.object({ id: z.number(), version: z.number(), status: z.literal('pending') }),
  status: 201,
});

export const decide = route({
  method: 'POST',
  path: '/api/admin-account-requests/:id/decision',
  summary: '审批平台账号变更申请（批准后立即生效；临时密码只返回这一次）',
  tags,
  params: idParams,
  body: z.object({
    version: bodyId,
    approve: z.boolean({ error: '请选择批准或驳回' }),
    reason: plain(z.string().trim().max(REASON_MAX, `理由最多 ${REASON_MAX} 字`)).optional(),
  }),
  response: z.object({
    id: z.number(),
    status: z.enum(['approved', 'rejected']),
    version: z.number(),
    userId: z.number().nullable(),
    temporaryPassword: z.string().nullable(),
  }),
});
