// `npm start`: install what is missing, build the web app, start API + web on one port
// (PORT, default 3000) over embedded PGlite in DATA_DIR (default data/) with demo data.
// Flags are passed to the server: `npm start -- --no-demo`.
import { ensureCjkFont, ensureDependencies, ensureWebBuild, run } from './lib.mjs';

ensureDependencies();
ensureCjkFont({ required: false });
ensureWebBuild();
process.exit(run(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', ...process.argv.slice(2)]));
