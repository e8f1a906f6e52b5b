// Config → database → migrations → reference data (→ demo data) → app. Shared by main.ts and tests.
import { ROLE_LABELS } from '@shixun/domain';
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { loadRegions } from './demo/regions.ts';
import { ensureCreditPolicy } from './modules/credits/policy.store.ts';
import { seedDemo, type DemoFacts } from './demo/seed.ts';
import { seedDemoTotp } from './demo/two-factor.ts';
import { buildApp } from './app.ts';
import { outboxNotifier } from './modules/notifier/notifier.ts';
import { loadKeys, useKeys } from './security/keys.ts';
import { DecryptPersonalData } from './security/pii-plugin.ts';
import { sealStoredPersonalData } from './security/pii.repository.ts';
import { useAuditKey } from './modules/audit/audit.service.ts';
import { checkpointStore, verifyAndCheckpoint } from './modules/audit/checkpoints.ts';
import { bootstrapPlatformAccounts } from './modules/admin-accounts/admin-accounts.service.ts';
import { jobHandlers } from './modules/index.ts';
import { createJobRunner } from './modules/jobs/runner.ts';

/** `loadDataDir`: start the embedded database from a dump of an already-seeded one (the tests' template). */
export async function createServer(config: Config, opts: { logger?: boolean; loadDataDir?: Blob } = {}) {
  const keys = loadKeys(config.keyFile);
  useKeys(keys);
  useAuditKey(keys.auditKey);
  const auditCheckpoints = checkpointStore(config.auditCheckpointDir);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, loadDataDir: opts.loadDataDir });
  try {
    await migrate(db.kysely);
    await ensureCreditPolicy(db.kysely, config.creditPolicy);
    await loadRegions(db.kysely, config.provinceCode);
    const demo: DemoFacts | null = config.demoData ? await seedDemo(db.kysely, config.provinceCode) : null;
    // first start without demo data: the platform's accounts, each password printed once (三员分立: see admin-accounts/rules.ts)
    const firstAccounts = config.demoData ? null : await bootstrapPlatformAccounts(db.kysely, config.provinceCode);
    if (firstAccounts) {
      console.log('首次启动：已创建以下平台账号，临时密码仅显示这一次，首次登录须修改：');
      for (const a of firstAccounts) console.log(`  ${ROLE_LABELS[a.role]} ${a.loginName}  临时密码 ${a.password}`);
    }
    const firstAdminPassword = firstAccounts?.find((a) => a.role === 'sys_admin')?.password ?? null;
    // ID and phone numbers written in clear (demo seed, earlier versions, bulk loads) are encrypted before anyone reads
    await sealStoredPersonalData(db.kysely, keys);
    const deps: Deps = {
      db: db.kysely.withPlugin(new DecryptPersonalData(keys)),
      dbKind: db.kind,
      config,
      notifier: outboxNotifier,
      keys,
      auditCheckpoints,
    };
    await verifyAndCheckpoint(db.kysely, auditCheckpoints, { incremental: true }); // anchors what seeding and earlier runs wrote
    if (config.demoData) await seedDemoTotp(deps); // demo-province's authenticator, where 2FA is required for it
    const app = await buildApp(deps, opts);
    // durable background jobs (standings recomputes …): resumed here after a restart, handed back at close
    const jobs = createJobRunner({ db: deps.db, handlers: jobHandlers });
    jobs.start();
    // hourly and at shutdown: rows written since the last checkpoint are protected by the keyed chain alone
    const checkpointTimer = setInterval(() => {
      verifyAndCheckpoint(db.kysely, auditCheckpoints, { incremental: true }).catch((e) => console.error('审计检查点写入失败', e));
    }, 3_600_000);
    checkpointTimer.unref();
    const close = async () => {
      clearInterval(checkpointTimer);
      await jobs.stop();
      await app.close();
      if (config.auditCheckpointDir)
        await verifyAndCheckpoint(db.kysely, auditCheckpoints, { incremental: true }).catch((e) => console.error('审计检查点写入失败', e));
      await db.close();
    };
    return { app, deps, demo, firstAdminPassword, firstAccounts, jobs, close, dump: db.dump };
  } catch (e) {
    await db.close();
    throw e;
  }
}
