// 学分政策 at scale: how long 预览影响 takes (a sample of PREVIEW_SAMPLE teachers evaluated under the
// active policy and a draft), and how long recomputing every standing after 发布 would take,
// extrapolated from RECOMPUTE_BATCH × 4 teachers recomputed for real (their standings are rewritten
// with the same values).
//
//   node --import tsx bench/credits/policy-timings.ts [--db shixun_bench]
import { GUANGXI_POLICY } from '@shixun/domain';
import { loadConfig } from '../../apps/server/src/config.ts';
import type { Deps } from '../../apps/server/src/context.ts';
import type { ActorCtx } from '../../apps/server/src/http/contract.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { previewDraft } from '../../apps/server/src/modules/credit-policies/preview.ts';
import { RECOMPUTE_BATCH, recomputeBatch } from '../../apps/server/src/modules/credit-policies/recompute.ts';
import { activePolicy } from '../../apps/server/src/modules/credits/policy.store.ts';
import { today } from '../../apps/server/src/modules/credits/standing.ts';

const i = process.argv.indexOf('--db');
const url = new URL(process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = `/${i > 0 ? process.argv[i + 1] : 'shixun_bench'}`;
const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
const deps = {
  db: db.kysely,
  dbKind: 'postgres',
  config: loadConfig({ SHIXUN_CONFIG: '/nonexistent' }, {}),
  notifier: null,
} as unknown as Deps;
const actor = {
  userId: 0,
  name: 'bench',
  role: 'province_admin',
  roles: ['province_admin'],
  scope: { regionCode: '45' },
  sessionId: 0,
  mustChangePassword: false,
  idNumber: null,
};
const ctx = { actor, ip: '127.0.0.1', requestId: 'bench' } as unknown as ActorCtx;
const Y = Number(today().slice(0, 4));

let t0 = performance.now();
const draft = { ...GUANGXI_POLICY, cycles: [{ id: 'bench_cycle', name: '测试', startYear: Y - 2, endYear: Y + 2 }] };
const p = await previewDraft(deps, ctx, draft);
if (!p.valid) throw new Error(p.errors.join('；'));
console.log(
  `预览影响: ${Math.round(performance.now() - t0)} ms — ${p.evaluated} of ${p.population} teachers${p.sampled ? ' (sample)' : ''}; ` +
    `达标 ${p.current.compliant} → ${p.draft.compliant}`,
);

const { policy, version } = await activePolicy(db.kysely);
const teachers = Number(
  (
    await db.kysely
      .selectFrom('teachers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const ids = (
  await db.kysely
    .selectFrom('teachers')
    .select('user_id')
    .orderBy('user_id')
    .offset(Math.floor(teachers / 2))
    .limit(RECOMPUTE_BATCH * 4)
    .execute()
).map((r) => Number(r.user_id));
t0 = performance.now();
for (let k = 0; k < ids.length; k += RECOMPUTE_BATCH) await recomputeBatch(db.kysely, ids.slice(k, k + RECOMPUTE_BATCH), version, policy);
const perTeacher = (performance.now() - t0) / ids.length;
console.log(
  `重新计算: ${perTeacher.toFixed(2)} ms a teacher (${ids.length} recomputed in batches of ${RECOMPUTE_BATCH}) → about ${Math.round((perTeacher * teachers) / 1000)} s for all ${teachers}`,
);
await db.close();
