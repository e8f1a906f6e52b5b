#!/usr/bin/env node
// The production build against tsx: the request rate of an authenticated GET /api/auth/me served by the
// compiled bundle (apps/server/dist/main.mjs, what `npm start` runs) over the same server run through tsx,
// measured in one run on the same machine, alternating, on fresh PGlite directories. Prints the ratio.
//   node bench/build/run.mjs      (knobs: BENCH_SECONDS=5, BENCH_ROUNDS=2, BENCH_CONCURRENCY=16)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

spawnSync('npm', ['run', 'build', '-w', '@shixun/server'], { cwd: root, stdio: 'inherit' });

const VARIANTS = {
  tsx: ['--import', 'tsx', 'apps/server/src/main.ts'],
  dist: ['apps/server/dist/main.mjs'],
};

async function start(name, port) {
  const dir = mkdtempSync(path.join(tmpdir(), `shixun-bench-${name}-`));
  const child = spawn(process.execPath, VARIANTS[name], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      TWO_FACTOR_ROLES: '',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 300));
    if (await get(port, '/api/health').catch(() => null)) return { child, dir };
  }
  throw new Error(`${name} server did not start`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function request(port, method, url, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}
const get = (port, url) => request(port, 'GET', url).then((r) => (r.status === 200 ? r : null));

async function rate(port) {
  const login = await request(port, 'POST', '/api/auth/login', {
    body: JSON.stringify({ account: 'demo-teacher', password: 'Shixun@2026' }),
    headers: { 'content-type': 'application/json' },
  });
  const cookie = login.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
  const until = Date.now() + SECONDS * 1000;
  let n = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const r = await request(port, 'GET', '/api/auth/me', { headers: { cookie } });
        if (r.status === 200) n++;
        else errors++;
      }
    }),
  );
  return { perSecond: n / SECONDS, errors };
}

const results = { tsx: [], dist: [] };
let port = 3950;
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? ['dist', 'tsx'] : ['tsx', 'dist']) {
    const s = await start(name, ++port);
    await rate(port); // warm-up
    const r = await rate(port);
    results[name].push(r.perSecond);
    console.log(`round ${round + 1} ${name}: ${r.perSecond.toFixed(0)} /api/auth/me per second (${r.errors} errors)`);
    s.child.kill('SIGTERM');
    await new Promise((r) => s.child.once('exit', r));
    rmSync(s.dir, { recursive: true, force: true });
  }
}
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
console.log(
  `\nGET /api/auth/me, compiled bundle over tsx: ${(mean(results.dist) / mean(results.tsx)).toFixed(2)}× ` +
    `(${mean(results.dist).toFixed(0)} vs ${mean(results.tsx).toFixed(0)} requests/s, PGlite, ${CONCURRENCY} connections, ${SECONDS} s × ${ROUNDS})`,
);
process.exit(0);
