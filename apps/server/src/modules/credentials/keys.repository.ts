// SQL of the credential signing keys. The private JWK is written sealed (security/pii.ts) and comes back
// in clear through the decrypting plugin of deps.db; the public JWK is plain JSON.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';
import type { PublicJwk } from '../../db/types.ts';

export interface KeyRow {
  kid: string;
  alg: string;
  public_jwk: PublicJwk;
  private_jwk: string;
  created_at: Date;
  retired_at: Date | null;
}
const COLUMNS = ['kid', 'alg', 'public_jwk', 'private_jwk', 'created_at', 'retired_at'] as const;

/** The key that signs now (at most one: a partial unique index). */
export function signingKeyRow(db: Executor): Promise<KeyRow | undefined> {
  return db.selectFrom('credential_keys').select(COLUMNS).where('retired_at', 'is', null).executeTakeFirst();
}

export function keyRow(db: Executor, kid: string): Promise<KeyRow | undefined> {
  return db.selectFrom('credential_keys').select(COLUMNS).where('kid', '=', kid).executeTakeFirst();
}

/** Every key ever used, newest first: all of them verify (the JWKS). */
export function publishedKeyRows(db: Executor) {
  return db
    .selectFrom('credential_keys')
    .select(['kid', 'alg', 'public_jwk', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .execute();
}

/** A new signing key (under lockKeys, after the previous one was retired or when there was none). */
export async function insertSigningKey(trx: Executor, k: { kid: string; alg: string; publicJwk: PublicJwk; sealedPrivateJwk: string }) {
  await trx
    .insertInto('credential_keys')
    .values({ kid: k.kid, alg: k.alg, public_jwk: JSON.stringify(k.publicJwk), private_jwk: k.sealedPrivateJwk })
    .execute();
}

/** Retires the signing key (inside the rotation's transaction); the key stays published. */
export async function retireSigningKey(trx: Executor): Promise<string | undefined> {
  const r = await trx
    .updateTable('credential_keys')
    .set({ retired_at: new Date() })
    .where('retired_at', 'is', null)
    .returning('kid')
    .executeTakeFirst();
  return r?.kid;
}

/** Serialises rotations and first-key creation across servers sharing one database. */
export async function lockKeys(trx: Executor) {
  await sql`SELECT pg_advisory_xact_lock(4242019)`.execute(trx);
}
