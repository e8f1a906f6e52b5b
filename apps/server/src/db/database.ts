// One code path for both databases: Kysely over a node-postgres Pool, which is either a real
// PostgreSQL server (DATABASE_URL) or embedded PGlite wrapped by its node-postgres adapter.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './types.ts';

export { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

// int8 (ids, count(*)) and numeric (scores, numeric(5,2)) as JS numbers and DATE as 'YYYY-MM-DD':
// converted here, once, for every query.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type DatabaseKind = 'pglite' | 'postgres';
export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (how the test template is made). */
  dump?: () => Promise<Blob>;
}

/** `loadDataDir`: a PGlite dump to start an in-memory database from (tests copy one seeded database per run). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; loadDataDir?: Blob }): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: 'postgres', close: () => kysely.destroy() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const inMemory = opts.dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : await lockDataDir(opts.dataDir);
  try {
    const pglite = inMemory
      ? new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {})
      : new PGlite(path.join(opts.dataDir, 'pg'));
    await pglite.waitReady;
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      kind: 'pglite',
      dump: () => pglite.dumpDataDir('none'),
      close: async () => {
        await kysely.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
