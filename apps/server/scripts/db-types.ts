// Database row types, generated from the migrations (kysely-codegen over a freshly migrated embedded database)
// into src/db/generated.ts. `--check` fails when the checked-in file differs from what the migrations give, so a
// migration without its types (or types edited by hand) cannot land: db-types.test.ts runs the check in CI.
//   npx tsx apps/server/scripts/db-types.ts          regenerate
//   npx tsx apps/server/scripts/db-types.ts --check  compare only
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDbTypes } from './codegen.ts';

const out = fileURLToPath(new URL('../src/db/generated.ts', import.meta.url));
const text = await generateDbTypes();
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('src/db/generated.ts 与迁移不一致：请运行 npx tsx apps/server/scripts/db-types.ts');
    process.exit(1);
  }
  console.log('✓ src/db/generated.ts 与迁移一致');
} else {
  writeFileSync(out, text);
  console.log(`✓ wrote ${out}`);
}
