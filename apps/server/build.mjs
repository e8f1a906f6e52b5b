// Compiles the server for production: one ESM bundle of our own code (apps/server/src and the
// workspace packages it imports), with every npm dependency left as an import, plus the files the
// bundle reads beside itself (SQL migrations, the spreadsheet worker). `npm start` runs the result.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'dist');
const pkg = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {}).flatMap((d) => [d, `${d}/*`]);

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [path.join(here, 'src/main.ts')],
  outfile: path.join(out, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
mkdirSync(path.join(out, 'migrations'), { recursive: true });
cpSync(path.join(here, 'src/db/migrations'), path.join(out, 'migrations'), { recursive: true });
for (const f of readdirSync(path.join(here, 'src/files')).filter((f) => f.endsWith('.mjs')))
  cpSync(path.join(here, 'src/files', f), path.join(out, f));
console.log(`✓ 服务端已编译: ${path.relative(process.cwd(), path.join(out, 'main.mjs'))}`);
