// The generated row types (src/db/generated.ts) are what the migrations give: a migration that lands without
// regenerating them fails here, and src/db/schema-check.ts then holds the hand-written narrowings to them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDbTypes } from '../scripts/codegen.ts';

describe('database row types', () => {
  it('src/db/generated.ts is what kysely-codegen makes of the migrations (npx tsx apps/server/scripts/db-types.ts)', async () => {
    const checkedIn = readFileSync(new URL('../src/db/generated.ts', import.meta.url), 'utf8');
    expect(checkedIn === (await generateDbTypes()), '请运行 npx tsx apps/server/scripts/db-types.ts 重新生成').toBe(true);
  });
});
