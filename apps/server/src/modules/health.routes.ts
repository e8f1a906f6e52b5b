import { platform as c } from '@shixun/contracts';
import type { Deps } from '../context.ts';
import { schemaOf } from '../http/contract.ts';
import type { App } from '../http/types.ts';
import { pingDatabase, regionName } from './platform.repository.ts';

export function healthRoutes(app: App, deps: Deps) {
  app.get(c.health.path, { config: { access: 'public' }, schema: schemaOf(c.health) }, async () => {
    await pingDatabase(deps.db);
    return { ok: true as const, database: deps.dbKind };
  });
  app.get(c.publicConfig.path, { config: { access: 'public' }, schema: schemaOf(c.publicConfig) }, async () => {
    const provinceName = (await regionName(deps.db, deps.config.provinceCode)) ?? '';
    return {
      title: deps.config.platformTitle || `${provinceName.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '')}中小学教师培训管理信息系统`,
      provinceCode: deps.config.provinceCode,
      provinceName,
      passwordPolicy: deps.config.passwordPolicy,
      support: deps.config.support,
      timeZone: deps.config.timeZone,
    };
  });
}
