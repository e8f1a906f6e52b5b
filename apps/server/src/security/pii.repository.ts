// The start-up sweep: rows whose ID or phone number is still in clear (written before encryption, by the
// demo seed, or by a bulk load) or encrypted under a retired key are (re-)encrypted, blind indexes filled.
// Runs on the raw connection (no decrypting plugin) so that it sees what is stored.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { blindIndex, decrypt, encrypt } from './pii.ts';
import type { Keys } from './keys.ts';

const BATCH = 2000;

export async function sealStoredPersonalData(db: Kysely<Database>, keys: Keys): Promise<number> {
  let sealed = 0;
  const current = `enc:${keys.currentDataKey}:%`;
  for (let afterId = 0; ; ) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'id_number', 'phone'])
      .where('id', '>', afterId)
      .where((eb) =>
        eb.or([
          eb.and([eb('id_number', 'is not', null), eb('id_number', 'not like', current)]),
          eb.and([eb('phone', 'is not', null), eb('phone', 'not like', current)]),
        ]),
      )
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    const clear = rows.map((r) => ({
      id: r.id,
      idNumber: r.id_number && decrypt(keys, r.id_number),
      phone: r.phone && decrypt(keys, r.phone),
    }));
    await sql`UPDATE users u SET id_number = v.idn, id_number_bidx = v.idb, phone = v.ph, phone_bidx = v.phb
      FROM unnest(${clear.map((r) => r.id)}::bigint[], ${clear.map((r) => encrypt(keys, r.idNumber))}::text[],
        ${clear.map((r) => blindIndex(keys, 'id', r.idNumber))}::text[], ${clear.map((r) => encrypt(keys, r.phone))}::text[],
        ${clear.map((r) => blindIndex(keys, 'phone', r.phone))}::text[]) AS v(id, idn, idb, ph, phb)
      WHERE u.id = v.id`.execute(db);
    sealed += rows.length;
    afterId = rows.at(-1)!.id;
  }
  for (let afterId = 0; ; ) {
    const rows = await db
      .selectFrom('outbox')
      .select(['id', 'recipient'])
      .where('id', '>', afterId)
      .where('recipient', 'not like', current)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    await sql`UPDATE outbox o SET recipient = v.r FROM unnest(${rows.map((r) => r.id)}::bigint[],
      ${rows.map((r) => encrypt(keys, decrypt(keys, r.recipient)))}::text[]) AS v(id, r) WHERE o.id = v.id`.execute(db);
    sealed += rows.length;
    afterId = rows.at(-1)!.id;
  }
  return sealed;
}

/** For tests and the security notes: whether any clear personal value is left. */
export async function clearPersonalValues(db: Kysely<Database>): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM users WHERE id_number NOT LIKE 'enc:%' OR phone NOT LIKE 'enc:%'`.execute(db);
  return r.rows[0]!.n;
}
