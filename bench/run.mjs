#!/usr/bin/env node
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer, makeClient, closedLoop, latencySummary, errorsOf, round, cpuNow } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const requireFromServer = createRequire(path.join(root, 'apps/server/package.json'));
const { hash: argon2Hash } = requireFromServer('@node-rs/argon2');

// must match apps/server/src/modules/auth/passwords.ts
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const DEMO_PASSWORD = 'Shixun@2026'; // apps/server/src/demo/seed.ts
const DEMO_ACCOUNTS = [
  'demo-teacher',
  'demo-teacher2',
  'demo-school',
  'demo-school2',
  'demo-county',
  'demo-county2',
  'demo-city',
  'demo-city2',
  'demo-province',
  'demo-institution',
  'demo-sys',
  'demo-security',
  'demo-audit',
];

const num = (name, dflt) => (process.env[name] ? Number(process.env[name]) : dflt);
const K = {
  loginConcurrency: num('BENCH_LOGIN_CONCURRENCY', 8),
  loginSeconds: num('BENCH_LOGIN_SECONDS', 12),
  loginMax: num('BENCH_LOGIN_MAX', 3000),
  argon2Seconds: num('BENCH_ARGON2_SECONDS', 4),
  meConcurrency: num('BENCH_ME_CONCURRENCY', 16),
  meSegmentSeconds: num('BENCH_ME_SEGMENT_SECONDS', 3),
  meRounds: num('BENCH_ME_ROUNDS', 3),
  meSegmentMax: 500_000,
};

const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const runLogin = which.length === 0 || which.includes('login');
const runMe = which.length === 0 || which.includes('me');
const databaseUrl = process.env.DATABASE_URL || undefined;
const dbLabel = databaseUrl ? 'postgres' : 'pglite';

// ---------- argon2 baseline ----------

async function argon2Rate(concurrency, seconds) {
  let n = 0;
  const cpu0 = cpuNow();
  const r = await closedLoop({
    concurrency,
    maxSeconds: seconds,
    maxCount: 1e9,
    op: async () => {
      await argon2Hash(`bench-password-${n++}`, ARGON2_OPTIONS);
      return 200;
    },
  });
  const cpuMsPerHash = (cpuNow() - cpu0) / Math.max(1, r.count); // this process, all threads: the argon2 work itself
  return {
    hashes: r.count,
    seconds: round(r.seconds),
    hashesPerSecond: round(r.perSecond, 2),
    cpuMsPerHash: round(cpuMsPerHash, 2),
    ...latencySummary(r.lat),
  };
}

// ---------- login helpers ----------

async function login(client, account) {
  const r = await client.request({ method: 'POST', path: '/api/auth/login', body: { account, password: DEMO_PASSWORD }, wantBody: true });
  if (r.status !== 200) return { status: r.status, body: r.body };
  const cookies = (r.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { status: 200, cookies };
}

/** One sequential login per account first: a non-demo database fails here, once per account at most, before any storm. */
async function checkAccounts(client, accounts) {
  for (const a of accounts) {
    const r = await login(client, a);
    if (r.status !== 200) {
      throw new Error(
        `login of ${a} answered ${r.status} ${r.body ?? ''} — the bench needs the demo accounts (an empty database, DEMO_DATA on). Stopping before any storm so no account gets locked.`,
      );
    }
  }
}

// ---------- bench 1: login storm ----------

async function benchLogin(server) {
  const { port } = server.info;
  const c = K.loginConcurrency;
  const client = makeClient(port, c);
  try {
    await checkAccounts(client, DEMO_ACCOUNTS);
    // warm-up: JIT, connection pool, the argon2 thread pool in both processes
    await closedLoop({
      concurrency: c,
      maxSeconds: 1,
      maxCount: 2 * c,
      op: async (i) => (await login(client, DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.length])).status,
    });
    await argon2Rate(c, 0.5);

    const before = await argon2Rate(c, K.argon2Seconds);
    await server.cpuMark();
    const clientCpu0 = cpuNow();
    const storm = await closedLoop({
      concurrency: c,
      maxSeconds: K.loginSeconds,
      maxCount: K.loginMax,
      op: async (i) => (await login(client, DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.length])).status,
    });
    const clientCpuMs = cpuNow() - clientCpu0;
    const serverCpuMs = await server.cpuRead();
    const after = await argon2Rate(c, K.argon2Seconds);

    const argon2PerSecond = (before.hashesPerSecond + after.hashesPerSecond) / 2;
    const okCount = storm.statuses[200] ?? 0;
    const loginsPerSecond = okCount / storm.seconds;
    return {
      concurrency: c,
      accounts: DEMO_ACCOUNTS.length,
      loginPerMinutePerIpRaisedTo: server.info.loginPerMinutePerIp,
      logins: {
        attempted: storm.count,
        ok: okCount,
        errors: errorsOf(storm.statuses),
        statuses: storm.statuses,
        seconds: round(storm.seconds),
        perSecond: round(loginsPerSecond, 2),
        ...latencySummary(storm.lat),
      },
      argon2: { before, after, meanHashesPerSecond: round(argon2PerSecond, 2) },
      ratio: round(loginsPerSecond / argon2PerSecond),
      ratioVsBefore: round(loginsPerSecond / before.hashesPerSecond),
      ratioVsAfter: round(loginsPerSecond / after.hashesPerSecond),
      serverCpuMsPerLogin: round(serverCpuMs / Math.max(1, storm.count), 2),
      argon2CpuMsPerHash: round((before.cpuMsPerHash + after.cpuMsPerHash) / 2, 2),
      serverCpuMsPerLoginBesidesArgon2: round(serverCpuMs / Math.max(1, storm.count) - (before.cpuMsPerHash + after.cpuMsPerHash) / 2, 2),
      clientCpuMsPerLogin: round(clientCpuMs / Math.max(1, storm.count), 2),
      dbNote:
        server.info.dbKind === 'pglite'
          ? ', PGlite runs inside the server process'
          : '; PostgreSQL backends are separate processes, not counted',
    };
  } finally {
    client.close();
  }
}

// ---------- bench 2: GET /api/auth/me vs bare ----------

async function benchMe(server) {
  const { port } = server.info;
  const c = K.meConcurrency;
  const client = makeClient(port, c);
  try {
    // a few sessions (teacher and admins), workers spread over them; GET needs no CSRF header
    const sessionAccounts = ['demo-teacher', 'demo-teacher2', 'demo-school', 'demo-county'];
    const sessions = [];
    for (const a of sessionAccounts) {
      const r = await login(client, a);
      if (r.status !== 200) throw new Error(`login of ${a} answered ${r.status} ${r.body ?? ''}`);
      sessions.push(r.cookies);
    }
    const probe = await client.request({ path: '/api/auth/me', headers: { cookie: sessions[0] }, wantBody: true });
    if (probe.status !== 200 || !JSON.parse(probe.body).user) throw new Error(`GET /api/auth/me answered ${probe.status} ${probe.body}`);
    const bareProbe = await client.request({ path: '/bench/bare', wantBody: true });
    if (bareProbe.status !== 200) throw new Error(`GET /bench/bare answered ${bareProbe.status} ${bareProbe.body}`);

    const targets = {
      bare: { path: '/bench/bare', op: async () => (await client.request({ path: '/bench/bare' })).status },
      health: { path: '/api/health', op: async () => (await client.request({ path: '/api/health' })).status },
      me: {
        path: '/api/auth/me',
        op: async (_i, w) => (await client.request({ path: '/api/auth/me', headers: { cookie: sessions[w % sessions.length] } })).status,
      },
    };
    const names = Object.keys(targets);
    for (const n of names) await closedLoop({ concurrency: c, maxSeconds: 1, maxCount: K.meSegmentMax, op: targets[n].op }); // warm-up

    const acc = Object.fromEntries(
      names.map((n) => [n, { count: 0, seconds: 0, lat: [], statuses: {}, serverCpuMs: 0, clientCpuMs: 0, rounds: [] }]),
    );
    for (let round_ = 0; round_ < K.meRounds; round_++) {
      // rotate the order each round so drift (thermal, other load) does not favour one endpoint
      const order = names.map((_, i) => names[(i + round_) % names.length]);
      for (const n of order) {
        await server.cpuMark();
        const cc0 = cpuNow();
        const r = await closedLoop({ concurrency: c, maxSeconds: K.meSegmentSeconds, maxCount: K.meSegmentMax, op: targets[n].op });
        const a = acc[n];
        a.clientCpuMs += cpuNow() - cc0;
        a.serverCpuMs += await server.cpuRead();
        a.count += r.count;
        a.seconds += r.seconds;
        for (const v of r.lat) a.lat.push(v);
        for (const [k, v] of Object.entries(r.statuses)) a.statuses[k] = (a.statuses[k] ?? 0) + v;
        a.rounds.push(r.perSecond);
      }
    }
    const out = {};
    for (const n of names) {
      const a = acc[n];
      out[n] = {
        path: targets[n].path,
        requests: a.count,
        errors: errorsOf(a.statuses),
        statuses: a.statuses,
        seconds: round(a.seconds),
        perSecond: round(a.count / a.seconds, 1),
        perRound: a.rounds.map((v) => round(v, 1)),
        ...latencySummary(a.lat),
        serverCpuMsPerRequest: round(a.serverCpuMs / Math.max(1, a.count)),
        clientCpuMsPerRequest: round(a.clientCpuMs / Math.max(1, a.count)),
      };
    }
    const perRoundRatio = (x, y) => acc[x].rounds.map((v, i) => round(v / acc[y].rounds[i]));
    return {
      concurrency: c,
      sessions: sessionAccounts,
      segmentSeconds: K.meSegmentSeconds,
      rounds: K.meRounds,
      endpoints: out,
      ratios: {
        meOverBare: round(out.me.perSecond / out.bare.perSecond),
        meOverHealth: round(out.me.perSecond / out.health.perSecond),
        healthOverBare: round(out.health.perSecond / out.bare.perSecond),
        meOverBarePerRound: perRoundRatio('me', 'bare'),
        meOverHealthPerRound: perRoundRatio('me', 'health'),
        serverCpuMeOverBare: round(out.me.serverCpuMsPerRequest / out.bare.serverCpuMsPerRequest, 2),
      },
    };
  } finally {
    client.close();
  }
}

// ---------- main ----------

function printLogin(r) {
  const L = r.logins;
  console.log(`\n── 1. Login storm (POST /api/auth/login, ${r.concurrency} concurrent, ${r.accounts} demo accounts, correct passwords)`);
  console.log(
    `   rateLimit.loginPerMinutePerIp RAISED to ${r.loginPerMinutePerIp ?? r.loginPerMinutePerIpRaisedTo} for the bench (default 60) so the per-IP limiter does not cut the storm`,
  );
  console.log(
    `   logins/s            ${L.perSecond}   (${L.ok} ok of ${L.attempted} in ${L.seconds} s; errors ${L.errors} ${JSON.stringify(L.statuses)})`,
  );
  console.log(`   latency             p50 ${L.p50Ms} ms   p90 ${L.p90Ms} ms   p99 ${L.p99Ms} ms   max ${L.maxMs} ms`);
  console.log(
    `   argon2id hash/s     before ${r.argon2.before.hashesPerSecond}   after ${r.argon2.after.hashesPerSecond}   mean ${r.argon2.meanHashesPerSecond}  (same ${r.concurrency} concurrent, m=19456 t=2 p=1, p50 ${r.argon2.before.p50Ms} ms)`,
  );
  console.log(
    `   RATIO logins/s ÷ argon2 hashes/s = ${r.ratio}   (vs before ${r.ratioVsBefore}, vs after ${r.ratioVsAfter}; ≈1 means login costs one argon2 verify)`,
  );
  console.log(
    `   CPU per login: server ${r.serverCpuMsPerLogin} ms (all its threads) = argon2 ${r.argon2CpuMsPerHash} ms (CPU of one hash alone) + ${r.serverCpuMsPerLoginBesidesArgon2} ms else (HTTP, Kysely${r.dbNote}); load generator ${r.clientCpuMsPerLogin} ms`,
  );
}

function printMe(r) {
  console.log(
    `\n── 2. GET /api/auth/me (session cookie) vs bare endpoints, ${r.concurrency} concurrent, ${r.rounds} rounds × ${r.segmentSeconds} s each, order rotated`,
  );
  for (const [n, e] of Object.entries(r.endpoints)) {
    console.log(
      `   ${n.padEnd(7)} ${e.path.padEnd(14)} ${String(e.perSecond).padStart(8)} req/s  p50 ${e.p50Ms} ms  p99 ${e.p99Ms} ms  errors ${e.errors}  server CPU ${e.serverCpuMsPerRequest} ms/req  rounds ${e.perRound.join(' / ')}`,
    );
  }
  console.log(`   RATIO me ÷ bare   = ${r.ratios.meOverBare}   (per round ${r.ratios.meOverBarePerRound.join(', ')})`);
  console.log(`   RATIO me ÷ health = ${r.ratios.meOverHealth}   (per round ${r.ratios.meOverHealthPerRound.join(', ')})`);
  console.log(`   RATIO health ÷ bare = ${r.ratios.healthOverBare};  server CPU per request me ÷ bare = ${r.ratios.serverCpuMeOverBare}`);
}

const t0 = performance.now();
console.log(
  `Shixun bench — database ${dbLabel}${databaseUrl ? ` (${databaseUrl.replace(/\/\/[^@/]*@/, '//…@')})` : ' (fresh temporary PGlite directory)'}, node ${process.version}, ${os.cpus().length} cores`,
);
const server = await startServer();
console.log(
  `   server child pid ${server.child.pid} on 127.0.0.1:${server.info.port}, ${server.info.dbKind}, started in ${Math.round(server.info.startupMs)} ms (${server.info.seeded ? 'demo data seeded' : 'existing data'})`,
);
const result = {
  at: new Date().toISOString(),
  database: server.info.dbKind,
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  platform: `${os.platform()} ${os.release()}`,
  threadpool: server.info.threadpool,
  knobs: K,
  note: 'ratios are within one run; absolute figures depend on the machine and must not be asserted on',
};
let failed = false;
try {
  if (runLogin) {
    result.login = await benchLogin(server);
    printLogin(result.login);
  }
  if (runMe) {
    result.me = await benchMe(server);
    printMe(result.me);
  }
} catch (e) {
  failed = true;
  console.error(`\n✗ ${e.message}`);
} finally {
  await server.stop();
  if (server.info.dataDir) rmSync(server.info.dataDir, { recursive: true, force: true });
}
result.totalSeconds = round((performance.now() - t0) / 1000, 1);
if (!failed) {
  const outDir = path.join(here, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${dbLabel}-${result.at.replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(result, null, 2);
  writeFileSync(file, json);
  writeFileSync(path.join(outDir, `latest-${dbLabel}.json`), json);
  console.log(`\n   total ${result.totalSeconds} s; results → ${path.relative(root, file)}`);
}
process.exit(failed ? 1 : 0);
