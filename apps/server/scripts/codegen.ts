// Generates the row types of every table from a freshly migrated in-memory database (kysely-codegen), with the
// overrides below where a column holds less than its SQL type says (a status among a few values, a JSON shape).
import { generate, PostgresDialect } from 'kysely-codegen';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

export async function generateDbTypes(): Promise<string> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(db.kysely);
    return await generate({
      db: db.kysely,
      dialect: new PostgresDialect(),
      excludePattern: 'schema_migrations',
      // as database.ts parses them: int8 and numeric as numbers, DATE as 'YYYY-MM-DD'
      typeMapping: { int8: 'number', numeric: 'number', date: 'string' },
      outFile: null,
      print: false,
      logger: { debug() {}, info() {}, warn() {}, error() {}, success() {}, log() {} } as never,
    });
  } finally {
    await db.close();
  }
}
