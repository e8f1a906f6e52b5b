#!/usr/bin/env node
// Application burst (去申报 → 学校审核) on one project whose quota is far smaller than the crowd:
//   phase 1  N teachers apply at once (closed loop, BENCH_CONCURRENCY workers);
//   phase 2  every application is approved at its first level by BOTH admins of the teacher's school
//            at once (2 N requests): the approval takes the place from the county's single quota row.
// Accepted approvals must equal the quota exactly; the others answer 409 (名额已满, or 已被其他管理员
// 处理 for the second click). Reported: counts by status and error code, throughput, p50/p99, and the
// database's own count afterwards.
//   node bench/projects/run.mjs                      a fresh temporary PGlite
//   DATABASE_URL=postgres://…/scratch node bench/projects/run.mjs   an EMPTY PostgreSQL database
// Knobs: BENCH_APPLICANTS (3000), BENCH_QUOTA (50), BENCH_CONCURRENCY (64).
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const C = Number(process.env.BENCH_CONCURRENCY ?? 64);
const dbLabel = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function startServer() {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    if (!process.env.DATABASE_URL) delete env.DATABASE_URL;
    const child = fork(path.join(here, 'server.ts'), [], {
      cwd: root,
      env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('bench server did not start within 300 s'));
    }, 300_000);
    const waiting = new Map();
    child.on('message', (m) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve({
          info: m,
          ask: (type) =>
            new Promise((r) => {
              waiting.set(type, r);
              child.send({ type });
            }),
          child,
        });
        return;
      }
      waiting.get(m?.type)?.(m);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited (code ${code})`));
    });
  });
}

function client(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: C });
  return (method, p, session, body) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
      };
      const req = http.request({ host: '127.0.0.1', port, method, path: p, agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let b = {};
          try {
            b = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, body: b });
        });
      });
      req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve({ status: 0, body: { code: e.code ?? e.message } }));
      req.end(payload);
    });
}

async function burst(jobs) {
  const lat = [],
    out = new Array(jobs.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < jobs.length) {
        const i = next++;
        const s = performance.now();
        out[i] = await jobs[i]();
        lat.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(lat).sort();
  const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
  const byStatus = {};
  for (const r of out) {
    const k = r.status === 200 || r.status === 201 ? String(r.status) : `${r.status} ${r.body.code ?? ''}`.trim();
    byStatus[k] = (byStatus[k] ?? 0) + 1;
  }
  return {
    results: out,
    summary: {
      requests: jobs.length,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round((jobs.length / seconds) * 10) / 10,
      p50Ms: pct(50),
      p99Ms: pct(99),
      maxMs: pct(100),
      byStatus,
    },
  };
}

const server = await startServer();
const { port, projectId, quota, teachers, admins, dbKind } = server.info;
const call = client(port);
console.log(`applicants ${teachers.length}, quota ${quota}, concurrency ${C}, database ${dbKind}`);
try {
  const applied = await burst(teachers.map((t) => () => call('POST', `/api/projects/${projectId}/apply`, t)));
  console.log('phase 1 — apply', applied.summary);
  const approvals = [];
  applied.results.forEach((r, i) => {
    if (r.status !== 201) return;
    for (const a of admins[teachers[i].schoolId])
      approvals.push(() => call('POST', `/api/enrollments/${r.body.enrollmentId}/approve`, a, { version: 1 }));
  });
  // interleave so both clicks on one application land at the same moment
  const approved = await burst(approvals);
  const accepted = approved.results.filter((r) => r.status === 200).length;
  const errors = approved.results.filter((r) => r.status !== 200 && r.status !== 409).length;
  console.log('phase 2 — approve (two reviewers per application)', approved.summary);
  const v = await server.ask('verify');
  // exactly `quota` first-level approvals, each recorded once, and the row's counter agrees
  const ok = accepted === quota && v.quotaRows[0].used === quota && v.schoolApprovalEvents === quota && errors === 0;
  const report = {
    at: new Date().toISOString(),
    database: dbKind,
    applicants: teachers.length,
    quota,
    concurrency: C,
    apply: applied.summary,
    approve: { ...approved.summary, accepted, errorsOtherThan409: errors },
    database_after: v,
    acceptedEqualsQuota: ok,
  };
  console.log(
    `accepted ${accepted} / quota ${quota} → ${ok ? 'OK' : 'MISMATCH'}; database: used ${v.quotaRows[0].used}, by status ${JSON.stringify(v.byStatus)}, school approvals recorded ${v.schoolApprovalEvents}`,
  );
  mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  const name = `projects-burst-${dbLabel}-${report.at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(path.join(root, 'bench/out', name), JSON.stringify(report, null, 2));
  writeFileSync(path.join(root, 'bench/out', `latest-projects-burst-${dbLabel}.json`), JSON.stringify(report, null, 2));
  if (!ok) process.exitCode = 1;
} finally {
  await server.ask('stop').catch(() => {});
  server.child.kill();
}
