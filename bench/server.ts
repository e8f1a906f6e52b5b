// The server under test, in its own process (forked by bench/run.mjs with `--import tsx`), so the
// load generator does not share its event loop. Same createServer() as main.ts, with three changes:
//  - a fresh temporary PGlite DATA_DIR (or DATABASE_URL when given), demo data on;
//  - rateLimit.loginPerMinutePerIp raised so the per-IP login limiter does not cut the storm
//    (all bench traffic comes from 127.0.0.1);
//  - one extra route, GET /bench/bare, registered here only, as the "does nothing" baseline.
// shixun.config.json is deliberately NOT read: a deployment's file could point at a real database.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../apps/server/src/config.ts';
import { createServer } from '../apps/server/src/server.ts';

export const LOGIN_LIMIT_FOR_BENCH = 1_000_000;

const send = (m: unknown) => process.send?.(m);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? path.join(os.tmpdir(), 'shixun-bench-unused') : mkdtempSync(path.join(os.tmpdir(), 'shixun-bench-'));

const config = loadConfig(
  { SHIXUN_CONFIG: path.join(dataDir, 'no-such-config.json'), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_DATA: 'true' },
  { rateLimit: { loginPerMinutePerIp: LOGIN_LIMIT_FOR_BENCH, codesPerHourPerTarget: 5 }, uploadDir: path.join(dataDir, 'uploads') },
);

const t0 = performance.now();
const server = await createServer(config, { logger: false });
const startupMs = performance.now() - t0;
// createServer returns the app before ready()/listen(), so routes can still be added here
server.app.get('/bench/bare', { config: { access: 'public' } }, async () => ({ ok: true }));
await server.app.listen({ port: 0, host: '127.0.0.1' });
const addr = server.app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;

let cpuMark = process.cpuUsage();
process.on('message', async (m: { type: string }) => {
  if (m?.type === 'cpu-mark') {
    cpuMark = process.cpuUsage();
    send({ type: 'cpu-mark' });
  } else if (m?.type === 'cpu-read') {
    const d = process.cpuUsage(cpuMark);
    send({ type: 'cpu-read', userMs: d.user / 1000, systemMs: d.system / 1000 });
  } else if (m?.type === 'stop') await stop();
});
process.on('disconnect', () => void stop());

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
}

send({
  type: 'ready',
  port,
  startupMs,
  dbKind: server.deps.dbKind,
  dataDir: databaseUrl ? null : dataDir,
  loginPerMinutePerIp: config.rateLimit.loginPerMinutePerIp,
  seeded: server.demo !== null,
  threadpool: process.env.UV_THREADPOOL_SIZE ?? '4 (libuv default)',
});
