// The few reads the platform routes make: a database ping and the province's name.
import { sql } from 'kysely';
import type { Executor } from '../context.ts';

export async function pingDatabase(db: Executor) {
  await sql`SELECT 1`.execute(db);
}

export async function regionName(db: Executor, code: string): Promise<string | undefined> {
  const r = await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name;
}
