// Config → database → migrations → reference data (→ demo data) → app. Shared by main.ts and tests.
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { loadRegions } from './demo/regions.ts';
import { ensureCreditPolicy } from './modules/credits/policy.store.ts';
import { seedDemo, type DemoFacts } from './demo/seed.ts';
import { buildApp } from './app.ts';
import { outboxNotifier } from './modules/notifier/notifier.ts';
import { loadKeys } from './security/keys.ts';
import { bootstrapSysAdmin } from './modules/admin-accounts/admin-accounts.service.ts';

export async function createServer(config: Config, opts: { logger?: boolean } = {}) {
  const keys = loadKeys(config.keyFile);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db.kysely);
    await ensureCreditPolicy(db.kysely, config.creditPolicy);
    await loadRegions(db.kysely, config.provinceCode);
    const demo: DemoFacts | null = config.demoData ? await seedDemo(db.kysely, config.provinceCode) : null;
    const firstAdminPassword = config.demoData ? null : await bootstrapSysAdmin(db.kysely, config.provinceCode);
    if (firstAdminPassword) console.log(`首次启动：已创建系统管理员 admin，临时密码 ${firstAdminPassword}（仅显示这一次，首次登录须修改）`);
    const deps: Deps = { db: db.kysely, dbKind: db.kind, config, notifier: outboxNotifier, keys };
    const app = await buildApp(deps, opts);
    return { app, deps, demo, firstAdminPassword, close: async () => { await app.close(); await db.close(); } };
  } catch (e) {
    await db.close();
    throw e;
  }
}
