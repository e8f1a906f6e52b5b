// `npm test`: every test, on both databases, plus the browser flows.
//   0. Biome (format + lint), the architecture check (SQL only in repositories, no module cycles, files ≤ 400 lines),
//      the web and server builds
//   1. type checks           2. unit + service/HTTP tests on embedded PGlite
//   3. service/HTTP tests on PostgreSQL (TEST_DATABASE_URL, default the machine's local server)
//   4. browser flows in Debian's Chromium against the compiled server
// Nothing is skipped: a missing PostgreSQL or Chromium is an error, not a pass.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { ensureCjkFont, ensureDependencies, must, root, run } from './lib.mjs';

const children = new Set();

const PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

ensureDependencies();
ensureChromium();
ensureCjkFont({ required: true });
ensurePostgres();

// Two cores: the type checks run two at a time (their output kept and printed whole when each ends), then the
// database suites and the browser flows one after another.
const tsc = (p) => [`类型检查 ${p.split('/').pop()}`, 'npx', ['tsc', '-p', p], {}];
const first = [
  ['格式与代码检查 (Biome)', 'npx', ['biome', 'check', '.'], {}],
  ['架构检查', process.execPath, ['scripts/check-architecture.mjs'], {}],
  ['构建前端', 'npm', ['run', 'build', '-w', '@shixun/web'], {}],
  ['编译服务端', 'npm', ['run', 'build', '-w', '@shixun/server'], {}],
];
const typeChecks = ['packages/domain', 'packages/contracts', 'apps/server', 'apps/web', 'e2e'].map(tsc);
const suites = [
  ['单元 + 服务测试 (PGlite)', 'npx', ['vitest', 'run', ...report('pglite')], { TEST_DB: 'pglite' }],
  ['服务测试 (PostgreSQL)', 'npx', ['vitest', 'run', 'apps/server', ...report('postgres')], { TEST_DB: 'postgres', TEST_DATABASE_URL: PG }],
];
const browser = [
  '浏览器测试 (Chromium)',
  'npx',
  ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...report('e2e')],
  { CHROMIUM_PATH: CHROMIUM },
];

rmSync('.tmp/reports', { recursive: true, force: true });
const timings = [];
const started = Date.now();
for (const step of first) await step1(step, false);
// type checks two at a time (one per core), then the database suites
await Promise.all(
  [0, 1].map(async (lane) => {
    for (let i = lane; i < typeChecks.length; i += 2) await step1(typeChecks[i], true);
  }),
);
for (const step of suites) await step1(step, false);
// the browser flows last, on a quiet machine: beside the suites they saved little time (CPU-bound on two cores)
// and their toasts and clicks timed out under the load
await step1(browser, false);

let passed = 0,
  failed = 0;
for (const f of readdirSync('.tmp/reports')) {
  const r = JSON.parse(readFileSync(`.tmp/reports/${f}`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`\n✓ 全部测试通过 (PGlite + PostgreSQL + Chromium)`);
console.log(`tests: ${passed} passed, ${failed} failed`);
console.log('\n各步骤用时：');
for (const [label, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${label}`);
console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  合计（不含安装）`);
process.exit(failed ? 1 : 0);

/** Runs one step; `quiet` keeps its output until it ends. The first failure ends the whole run. */
function step1([label, cmd, args, env], quiet) {
  if (!quiet) console.log(`\n▶ ${label}`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    children.add(child);
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      children.delete(child);
      if (quiet) console.log(`\n▶ ${label}\n${out}`);
      timings.push([label, Date.now() - t0]);
      if (code !== 0) {
        console.error(`\n✗ ${label} 失败 (exit ${code})`);
        for (const c of children) c.kill('SIGTERM');
        process.exit(code ?? 1);
      }
      resolve();
    });
  });
}

function report(name) {
  return ['--reporter=default', '--reporter=json', `--outputFile.json=.tmp/reports/${name}.json`];
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`缺少 Chromium (${CHROMIUM})：请执行 sudo apt-get install -y chromium fonts-noto-cjk，或设置 CHROMIUM_PATH`);
    process.exit(1);
  }
  console.log('▶ 安装 Chromium 与中文字体 (apt-get)…');
  must('apt-get', ['update', '-qq']);
  must('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensurePostgres() {
  const probe = `const c=new (require('pg').Client)({connectionString:${JSON.stringify(PG)}});c.connect().then(()=>c.query('select 1')).then(()=>process.exit(0),()=>process.exit(1))`;
  const opts = { cwd: 'apps/server', stdio: 'ignore' };
  if (run(process.execPath, ['-e', probe], opts) === 0) return;
  // the machines start PostgreSQL before a session; if it stopped, try to start it once
  if (
    process.getuid?.() === 0 &&
    run('sh', ['-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | tail -1) main start'], { stdio: 'ignore' }) === 0 &&
    run(process.execPath, ['-e', probe], opts) === 0
  )
    return;
  console.error(`PostgreSQL 不可用 (${PG})：测试必须在两种数据库上运行。请启动 PostgreSQL 或设置 TEST_DATABASE_URL。`);
  process.exit(1);
}
