// Shared by the benches: the bench server as a child process, a keep-alive HTTP load generator on
// loopback, and the small statistics the reports print.
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const databaseUrl = process.env.DATABASE_URL || undefined;

// ---------- server child process ----------

/** `url`: the database the server uses (default: DATABASE_URL, or a fresh PGlite directory when unset). */
export function startServer({ url = databaseUrl } = {}) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (url) env.DATABASE_URL = url;
    else delete env.DATABASE_URL;
    const child = fork(path.join(here, 'server.ts'), [], {
      cwd: root,
      env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('bench server did not start within 180 s'));
    }, 180_000);
    const pending = new Map();
    child.on('message', (m) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve(server(m));
        return;
      }
      pending.get(m?.type)?.(m);
      pending.delete(m?.type);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited (code ${code}) before it was ready`));
    });
    const ask = (type) =>
      new Promise((res) => {
        pending.set(type, res);
        child.send({ type });
      });
    const server = (info) => ({
      info,
      child,
      cpuMark: () => ask('cpu-mark'),
      cpuRead: async () => {
        const m = await ask('cpu-read');
        return m.userMs + m.systemMs;
      },
      stop: () =>
        new Promise((res) => {
          if (child.exitCode !== null) return res();
          const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(kill);
            res();
          });
          child.send({ type: 'stop' });
        }),
    });
  });
}

// ---------- HTTP client ----------

export function makeClient(port, concurrency, { timeoutMs = 30_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  /** resolves { status, body? } — body only when wantBody; never rejects (network errors become status 0) */
  const request = ({ method = 'GET', path: p, headers = {}, body, wantBody = false }) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: p,
          agent,
          headers: payload ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length } : headers,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => {
            if (wantBody) chunks.push(c);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode, headers: res.headers, body: wantBody ? Buffer.concat(chunks).toString('utf8') : undefined }),
          );
          res.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }));
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
      req.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }));
      req.end(payload);
    });
  return { request, close: () => agent.destroy() };
}

/** Closed loop: `concurrency` workers, each issuing its next request when the last one answered. */
export async function closedLoop({ concurrency, maxSeconds, maxCount, op }) {
  const lat = [];
  const statuses = {};
  let started = 0,
    done = 0;
  const t0 = performance.now();
  const deadline = t0 + maxSeconds * 1000;
  const worker = async (w) => {
    while (started < maxCount && performance.now() < deadline) {
      const i = started++;
      const s = performance.now();
      const status = await op(i, w);
      lat.push(performance.now() - s);
      statuses[status] = (statuses[status] ?? 0) + 1;
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - t0) / 1000;
  return { count: done, seconds, perSecond: done / seconds, lat, statuses };
}

export function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export function latencySummary(lat) {
  const s = Float64Array.from(lat).sort();
  const r = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return { p50Ms: r(pct(s, 50)), p90Ms: r(pct(s, 90)), p99Ms: r(pct(s, 99)), maxMs: r(s.length ? s[s.length - 1] : null) };
}
export const errorsOf = (statuses, okStatus = 200) =>
  Object.entries(statuses)
    .filter(([k]) => Number(k) !== okStatus)
    .reduce((n, [, v]) => n + v, 0);
export const round = (v, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
export const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
