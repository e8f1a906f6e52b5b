// `npm start`: install what is missing, build the web app, start API + web on one port
// (PORT, default 3000) over embedded PGlite in DATA_DIR (default data/) with demo data.
// Flags are passed to the server: `npm start -- --no-demo`.
// With demo data (and NODE_ENV not production) the outbox is the development one (DEV_OUTBOX=true):
// the README's demo reads verification codes there. Set DEV_OUTBOX=false to see the real outbox.
import { existsSync, readFileSync } from 'node:fs';
import { ensureCjkFont, ensureDependencies, ensureServerBuild, ensureWebBuild, run } from './lib.mjs';

const args = process.argv.slice(2);

function configFile() {
  const file = process.env.SHIXUN_CONFIG ?? 'shixun.config.json';
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  } catch {
    return {}; // the server reports a broken config file itself
  }
}

function demoDataOn(fromFile) {
  if (args.includes('--no-demo')) return false;
  if (process.env.DEMO_DATA !== undefined) return !['0', 'false', 'no'].includes(process.env.DEMO_DATA.toLowerCase());
  return fromFile.demoData !== false;
}

ensureDependencies();
ensureCjkFont({ required: false });
ensureWebBuild();
ensureServerBuild();
const env = {};
const fromFile = configFile();
// an explicit DEV_OUTBOX (environment or config file) always wins
if (
  demoDataOn(fromFile) &&
  process.env.NODE_ENV !== 'production' &&
  process.env.DEV_OUTBOX === undefined &&
  fromFile.devOutbox === undefined
) {
  env.DEV_OUTBOX = 'true';
  console.log('演示模式：开发用发件箱已开启（显示验证码，仅供演示；生产环境必须关闭）');
}
process.exit(run(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.mjs', ...args], { env }));
