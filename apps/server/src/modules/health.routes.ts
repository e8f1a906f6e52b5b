import { sql } from 'kysely';
import type { Deps } from '../context.ts';
import type { App } from '../http/types.ts';

export function healthRoutes(app: App, deps: Deps) {
  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['platform'], summary: '健康检查' } }, async () => {
    await sql`SELECT 1`.execute(deps.db);
    return { ok: true, database: deps.dbKind };
  });
  app.get('/api/public/config', { config: { access: 'public' }, schema: { tags: ['platform'], summary: '平台公开配置' } }, async () => {
    const p = await deps.db.selectFrom('regions').select('name').where('code', '=', deps.config.provinceCode).executeTakeFirst();
    const provinceName = p?.name ?? '';
    return {
      title: deps.config.platformTitle || `${provinceName.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '')}中小学教师培训管理信息系统`,
      provinceCode: deps.config.provinceCode,
      provinceName,
      passwordPolicy: deps.config.passwordPolicy,
    };
  });
}
