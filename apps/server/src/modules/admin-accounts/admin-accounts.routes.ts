import { z } from 'zod';
import { ROLES } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import { pageQuery, type App } from '../../http/types.ts';
import { createAdmin, listAdmins, type AdminRole } from './admin-accounts.service.ts';

const adminRole = z.enum(ROLES.filter((r) => r !== 'teacher') as [AdminRole, ...AdminRole[]], { error: '请选择管理员角色' });
const tags = ['admin-accounts'];

export function adminAccountRoutes(app: App, deps: Deps) {
  app.get('/api/admin-accounts', {
    config: { access: 'adminAccount.manage' },
    schema: { tags, summary: '管理员账号列表', querystring: z.object({ role: adminRole.optional(), ...pageQuery }) },
  }, async (req) => listAdmins(deps, req.ctx, req.query));
  app.post('/api/admin-accounts', {
    config: { access: 'adminAccount.manage' },
    schema: {
      tags, summary: '创建管理员账号（返回一次性临时密码）',
      body: z.object({
        loginName: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_-]{2,31}$/, '登录名为 3–32 位字母、数字、下划线或短横线，以字母开头'),
        name: z.string().trim().min(1, '请填写姓名或名称').max(50), role: adminRole,
        regionCode: z.string().regex(/^\d{2,6}$/).optional(), schoolId: z.number().int().positive().optional(), institutionId: z.number().int().positive().optional(),
      }),
    },
  }, async (req, reply) => {
    const r = await createAdmin(deps, req.ctx, req.body);
    reply.code(201);
    return r;
  });
}
