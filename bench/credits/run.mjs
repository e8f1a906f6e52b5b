#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop, makeClient, pct, round, startServer } from '../lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const num = (name, dflt) => (process.env[name] ? Number(process.env[name]) : dflt);
const K = {
  concurrency: num('BENCH_CREDITS_CONCURRENCY', 8),
  segmentSeconds: num('BENCH_CREDITS_SEGMENT_SECONDS', 5),
  rounds: num('BENCH_CREDITS_ROUNDS', 3),
  segmentMax: 500_000,
};
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/shixun_bench';
const PASSWORD = 'Shixun@2026'; // the demo accounts' and the bench-tNNN teachers' (generate.ts)
const TEACHER_LOGINS = Array.from({ length: 50 }, (_, i) => `bench-t${String(i + 1).padStart(3, '0')}`);

async function login(client, account) {
  const r = await client.request({ method: 'POST', path: '/api/auth/login', body: { account, password: PASSWORD }, wantBody: true });
  if (r.status !== 200)
    throw new Error(`login of ${account} answered ${r.status} ${r.body} — generate the data set first (bench/credits/generate.ts)`);
  return (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

async function probe(client, p, cookie) {
  const r = await client.request({ path: p, headers: cookie ? { cookie } : {}, wantBody: true });
  if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status} ${r.body?.slice(0, 300)}`);
  return JSON.parse(r.body);
}

const t0 = performance.now();
console.log(`Shixun credits bench — ${databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}, node ${process.version}, ${os.cpus().length} cores`);
const server = await startServer({ url: databaseUrl });
// province-wide reports on a large data set can take long: a generous client timeout
const client = makeClient(server.info.port, K.concurrency, { timeoutMs: 120_000 });
let failed = false;
const result = {
  at: new Date().toISOString(),
  database: databaseUrl.replace(/.*\//, ''),
  node: process.version,
  cpus: os.cpus().length,
  knobs: K,
};
try {
  const province = await login(client, 'demo-province');
  const county = await login(client, 'demo-county');
  const teachers = [];
  for (const a of TEACHER_LOGINS) teachers.push(await login(client, a));
  const report = await probe(client, '/api/credit-reports/compliance', province);
  const me = await probe(client, '/api/credits/me', teachers[0]);
  result.dataSet = {
    teachers: report.totals.teachers,
    assessed: report.totals.assessed,
    compliant: report.totals.compliant,
    rows: report.rows.length,
    policyVersion: report.policy.version,
  };
  console.log(
    `   server pid ${server.child.pid}; province report: ${report.totals.teachers} teachers in ${report.rows.length} cities; 我的学分 of bench-t001: ${me.evaluation.cycles.length} cycles`,
  );

  const targets = {
    bare: { path: '/bench/bare', op: async () => (await client.request({ path: '/bench/bare' })).status },
    province: {
      path: '/api/credit-reports/compliance (demo-province, by city)',
      op: async () => (await client.request({ path: '/api/credit-reports/compliance', headers: { cookie: province } })).status,
    },
    county: {
      path: '/api/credit-reports/compliance (demo-county, by school)',
      op: async () => (await client.request({ path: '/api/credit-reports/compliance', headers: { cookie: county } })).status,
    },
    me: {
      path: '/api/credits/me (50 teachers × 20 entries)',
      op: async (_i, w) =>
        (
          await client.request({
            path: '/api/credits/me',
            headers: { cookie: teachers[(w * 7 + Math.floor(Math.random() * 50)) % teachers.length] },
          })
        ).status,
    },
  };
  const names = Object.keys(targets);
  for (const n of names) await closedLoop({ concurrency: K.concurrency, maxSeconds: 1.5, maxCount: K.segmentMax, op: targets[n].op }); // warm-up
  const acc = Object.fromEntries(names.map((n) => [n, { count: 0, seconds: 0, lat: [], statuses: {}, serverCpuMs: 0, rounds: [] }]));
  for (let r = 0; r < K.rounds; r++) {
    for (const n of names.map((_, i) => names[(i + r) % names.length])) {
      await server.cpuMark();
      const x = await closedLoop({ concurrency: K.concurrency, maxSeconds: K.segmentSeconds, maxCount: K.segmentMax, op: targets[n].op });
      const a = acc[n];
      a.serverCpuMs += await server.cpuRead();
      a.count += x.count;
      a.seconds += x.seconds;
      a.rounds.push(x.perSecond);
      for (const v of x.lat) a.lat.push(v);
      for (const [k, v] of Object.entries(x.statuses)) a.statuses[k] = (a.statuses[k] ?? 0) + v;
    }
  }
  result.endpoints = {};
  for (const n of names) {
    const a = acc[n];
    const s = Float64Array.from(a.lat).sort();
    result.endpoints[n] = {
      path: targets[n].path,
      requests: a.count,
      errors: a.count - (a.statuses[200] ?? 0),
      statuses: a.statuses,
      perSecond: round(a.count / a.seconds, 1),
      perRound: a.rounds.map((v) => round(v, 1)),
      p50Ms: round(pct(s, 50), 1),
      p99Ms: round(pct(s, 99), 1),
      serverCpuMsPerRequest: round(a.serverCpuMs / Math.max(1, a.count), 2),
    };
  }
  const E = result.endpoints;
  const perRound = (x) => acc[x].rounds.map((v, i) => round(v / acc.bare.rounds[i], 4));
  result.ratios = {
    provinceOverBare: round(E.province.perSecond / E.bare.perSecond, 4),
    provinceOverBarePerRound: perRound('province'),
    countyOverBare: round(E.county.perSecond / E.bare.perSecond, 4),
    countyOverBarePerRound: perRound('county'),
    meOverBare: round(E.me.perSecond / E.bare.perSecond, 4),
    meOverBarePerRound: perRound('me'),
  };
  console.log(`\n── ${K.concurrency} concurrent, ${K.rounds} rounds × ${K.segmentSeconds} s per endpoint, order rotated`);
  for (const [n, e] of Object.entries(E)) {
    console.log(
      `   ${n.padEnd(9)} ${String(e.perSecond).padStart(8)} req/s  p50 ${e.p50Ms} ms  p99 ${e.p99Ms} ms  errors ${e.errors}  server CPU ${e.serverCpuMsPerRequest} ms/req  rounds ${e.perRound.join(' / ')}   ${e.path}`,
    );
  }
  console.log(
    `   RATIO province ÷ bare = ${result.ratios.provinceOverBare}  (per round ${result.ratios.provinceOverBarePerRound.join(', ')})`,
  );
  console.log(`   RATIO county ÷ bare   = ${result.ratios.countyOverBare}  (per round ${result.ratios.countyOverBarePerRound.join(', ')})`);
  console.log(`   RATIO me ÷ bare       = ${result.ratios.meOverBare}  (per round ${result.ratios.meOverBarePerRound.join(', ')})`);
} catch (e) {
  failed = true;
  console.error(`\n✗ ${e.message}`);
} finally {
  client.close();
  await server.stop();
}
result.totalSeconds = round((performance.now() - t0) / 1000, 1);
if (!failed) {
  const outDir = path.join(root, 'bench/out');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `credits-${result.database}-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`\n   total ${result.totalSeconds} s; results → ${path.relative(root, file)}`);
}
process.exit(failed ? 1 : 0);
