// Helpers for the two README commands; Node built-ins only, so they run before `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts, env: { ...process.env, ...opts.env } });
  return r.status ?? 1;
}

export function must(cmd, args, opts) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} 失败 (exit ${code})`);
    process.exit(code);
  }
}

/** Installs the workspace's packages when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('▶ 安装依赖 (npm ci)…');
  must('npm', ['ci', '--no-audit', '--no-fund']);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the web app when its output is missing or older than its sources. */
export function ensureWebBuild() {
  const web = path.join(root, 'apps', 'web');
  const out = path.join(web, 'dist', 'index.html');
  const sources = Math.max(newest(path.join(web, 'src')), ...SHARED.map(newest));
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return;
  console.log('▶ 构建前端…');
  must('npm', ['run', 'build', '-w', '@shixun/web']);
}

const SHARED = [path.join(root, 'packages', 'domain', 'src'), path.join(root, 'packages', 'contracts', 'src')];

/** Compiles the server (apps/server/dist) when it is missing or older than its sources: production runs JavaScript, not tsx. */
export function ensureServerBuild() {
  const server = path.join(root, 'apps', 'server');
  const out = path.join(server, 'dist', 'main.mjs');
  const sources = Math.max(newest(path.join(server, 'src')), statSync(path.join(server, 'build.mjs')).mtimeMs, ...SHARED.map(newest));
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return;
  console.log('▶ 编译服务端…');
  must('npm', ['run', 'build', '-w', '@shixun/server']);
}

export const CJK_FONT = process.env.PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** PDFs (certificates, notices) need a Chinese font: Debian's fonts-noto-cjk, installed when we may. */
export function ensureCjkFont({ required }) {
  if (existsSync(CJK_FONT)) return;
  if (
    process.getuid?.() === 0 &&
    run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk'], {}) === 0 &&
    existsSync(CJK_FONT)
  )
    return;
  const msg = `缺少中文字体 ${CJK_FONT}：请执行 sudo apt-get install -y fonts-noto-cjk，或用 PDF_FONT 指定字体文件`;
  if (required) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`⚠ ${msg}（证书 PDF 将无法生成）`);
}
