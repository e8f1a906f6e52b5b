// The checks `npm test` runs before the type checks must fail on what they are there to catch:
// a formatting error (Biome), SQL outside a repository, an import cycle between modules, a long file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });

function tree(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shixun-arch-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

describe('lint and architecture checks', () => {
  it('fails on a formatting error', () => {
    const probe = path.join(root, 'apps/server/src', `lint-probe-${process.pid}.ts`);
    writeFileSync(probe, 'export const  a = {b:1}\n');
    try {
      const r = run(path.join(root, 'node_modules/.bin/biome'), ['check', probe]);
      expect(r.status).not.toBe(0);
      writeFileSync(probe, 'export const a = { b: 1 };\n');
      expect(run(path.join(root, 'node_modules/.bin/biome'), ['check', probe]).status).toBe(0);
    } finally {
      rmSync(probe, { force: true });
    }
  });

  it('fails on SQL outside a repository, an import cycle between modules and a file over 400 lines', () => {
    const dir = tree({
      'apps/server/src/modules/a/a.service.ts': "import { b } from '../b/b.service.ts';\nexport const a = () => db.selectFrom('users');\n",
      'apps/server/src/modules/b/b.service.ts': "import { a } from '../a/a.service.ts';\nexport const b = 1;\n",
      'apps/server/src/modules/c/c.repository.ts': `export const c = () => db.selectFrom('users');\n${'//\n'.repeat(420)}`,
    });
    try {
      const r = run(process.execPath, ['scripts/check-architecture.mjs', dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('SQL outside a repository: apps/server/src/modules/a/a.service.ts:2');
      expect(r.stderr).toMatch(/import cycle between modules:\s+a → b[\s\S]*b → a/);
      expect(r.stderr).toContain('file over 400 lines');
      expect(r.stderr).not.toContain('c.repository.ts:1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes a tree that keeps the rules', () => {
    const dir = tree({
      'apps/server/src/modules/a/a.repository.ts': "export const a = () => db.selectFrom('users');\n",
      'apps/server/src/modules/b/b.service.ts': "import { a } from '../a/a.repository.ts';\nexport const b = a;\n",
    });
    try {
      expect(run(process.execPath, ['scripts/check-architecture.mjs', dir]).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
