import { z } from 'zod';
import { ROLES } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import { bodyId, idParam, pageQuery, type App } from '../../http/types.ts';
import { createAdmin, listAdmins, resetAdminPassword, setAdminStatus, type AdminRole } from './admin-accounts.service.ts';
import { decide, listRequests, propose } from './requests.service.ts';
import { PLATFORM_ROLES, type PlatformRole } from './rules.ts';

const adminRole = z.enum(ROLES.filter((r) => r !== 'teacher') as [AdminRole, ...AdminRole[]], { error: '请选择管理员角色' });
const platformRole = z.enum(PLATFORM_ROLES as [PlatformRole, ...PlatformRole[]], { error: '请选择省级项目管理员或三员之一' });
const loginName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]{2,31}$/, '登录名为 3–32 位字母、数字、下划线或短横线，以字母开头');
// no control characters (NUL and friends) in what is stored or searched
const plain = (s: z.ZodString) => s.regex(/^[^\u0000-\u001f\u007f]*$/, '不能包含控制字符');
const personName = plain(z.string().trim().min(1, '请填写姓名或名称').max(50, '姓名或名称最多 50 个字'));
const reason = plain(z.string().trim().min(2, '请写明申请理由').max(500, '理由最多 500 字'));
const tags = ['admin-accounts'];

export function adminAccountRoutes(app: App, deps: Deps) {
  app.get(
    '/api/admin-accounts',
    {
      config: { access: 'adminAccount.read' },
      schema: {
        tags,
        summary: '管理员账号列表（本人管辖的下一级管理员；安全 / 审计管理员看平台账号；系统管理员只读）',
        querystring: z.object({ role: adminRole.optional(), q: plain(z.string().trim().max(50)).optional(), ...pageQuery }),
      },
    },
    async (req) => listAdmins(deps, req.ctx, req.query),
  );

  app.post(
    '/api/admin-accounts',
    {
      config: { access: 'adminAccount.manage' },
      schema: {
        tags,
        summary: '创建下一级管理员账号（返回一次性临时密码）',
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
      },
    },
    async (req, reply) => {
      const r = await createAdmin(deps, req.ctx, req.body);
      reply.code(201);
      return r;
    },
  );

  app.post(
    '/api/admin-accounts/:id/password-reset',
    {
      config: { access: 'adminAccount.manage' },
      schema: { tags, summary: '重置下一级管理员的密码（返回一次性临时密码）', params: idParam },
    },
    async (req) => resetAdminPassword(deps, req.ctx, req.params.id),
  );

  app.post(
    '/api/admin-accounts/:id/status',
    {
      config: { access: 'adminAccount.manage' },
      schema: {
        tags,
        summary: '停用 / 启用下一级管理员账号',
        params: idParam,
        body: z.object({ status: z.enum(['active', 'disabled'], { error: '请选择启用或停用' }) }),
      },
    },
    async (req) => setAdminStatus(deps, req.ctx, req.params.id, req.body.status),
  );

  app.get(
    '/api/admin-account-requests',
    {
      config: { access: 'adminAccount.requests' },
      schema: {
        tags,
        summary: '平台账号变更申请（安全管理员提出，审计管理员审批）',
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).optional(), ...pageQuery }),
      },
    },
    async (req) => listRequests(deps, req.ctx, req.query),
  );

  app.post(
    '/api/admin-account-requests',
    {
      config: { access: 'adminAccount.propose' },
      schema: {
        tags,
        summary: '提出平台账号变更申请（创建、重置密码、停用、启用）',
        body: z.discriminatedUnion(
          'action',
          [
            z.object({ action: z.literal('create'), role: platformRole, loginName, name: personName, reason }),
            z.object({ action: z.enum(['reset_password', 'disable', 'enable']), userId: bodyId, reason }),
          ],
          { error: '请选择申请类型' },
        ),
      },
    },
    async (req, reply) => {
      const r = await propose(deps, req.ctx, req.body);
      reply.code(201);
      return r;
    },
  );

  app.post(
    '/api/admin-account-requests/:id/decision',
    {
      config: { access: 'adminAccount.approve' },
      schema: {
        tags,
        summary: '审批平台账号变更申请（批准后立即生效；临时密码只返回这一次）',
        params: idParam,
        body: z.object({
          version: bodyId,
          approve: z.boolean({ error: '请选择批准或驳回' }),
          reason: plain(z.string().trim().max(500, '理由最多 500 字')).optional(),
        }),
      },
    },
    async (req) => decide(deps, req.ctx, req.params.id, req.body),
  );
}
