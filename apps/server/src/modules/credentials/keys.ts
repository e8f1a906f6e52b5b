// The platform's credential signing keys: RS256 (RSA 2048), the algorithm Open Badges 3.0 requires every
// verifier to support. The first key is made when the first credential is signed; a rotation retires it
// and makes a new one in one transaction. Every key ever used stays published (JWKS), so a credential
// signed years ago still verifies; the kid is the key's RFC 7638 thumbprint, so it names the key itself.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { sealValue } from '../../security/pii.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertSigningKey, keyRow, lockKeys, publishedKeyRows, retireSigningKey, signingKeyRow, type KeyRow } from './keys.repository.ts';
import type { Executor } from '../../context.ts';

export const CREDENTIAL_ALG = 'RS256';

/** Imported keys by kid (a kid is a thumbprint: the same kid is the same key, whatever the database). */
const imported = new Map<string, CryptoKey>();

async function importOnce(kid: string, jwk: JWK): Promise<CryptoKey> {
  const known = imported.get(kid);
  if (known) return known;
  const key = await importJWK(jwk, CREDENTIAL_ALG);
  if (!(key instanceof Uint8Array)) {
    if (imported.size > 100) imported.clear();
    imported.set(kid, key);
    return key;
  }
  throw new Error('凭证密钥不是非对称密钥');
}

async function addNewKey(trx: Executor): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(CREDENTIAL_ALG, { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  await insertSigningKey(trx, {
    kid,
    alg: CREDENTIAL_ALG,
    publicJwk: { ...publicJwk, kty: publicJwk.kty ?? 'RSA' },
    sealedPrivateJwk: sealValue(JSON.stringify(privateJwk)),
  });
  return kid;
}

/** The key that signs now, made on first use (one per platform even when two servers race: the lock). */
export async function signingKey(deps: Deps): Promise<{ kid: string; key: CryptoKey }> {
  let row = await signingKeyRow(deps.db);
  if (!row) {
    row = await deps.db.transaction().execute(async (trx) => {
      await lockKeys(trx);
      const existing = await signingKeyRow(trx);
      if (existing) return existing;
      await addNewKey(trx);
      return signingKeyRow(trx);
    });
  }
  if (!row) throw new Error('无法创建凭证签名密钥');
  return { kid: row.kid, key: await importOnce(`private:${row.kid}`, JSON.parse(row.private_jwk) as JWK) };
}

/** The public key of a kid, or undefined when the platform never had it. */
export async function verificationKey(deps: Deps, kid: string): Promise<{ key: CryptoKey; row: KeyRow } | undefined> {
  const row = await keyRow(deps.db, kid);
  if (!row) return undefined;
  return { row, key: await importOnce(`public:${row.kid}`, row.public_jwk as JWK) };
}

/** The JWKS: every key, signing or retired, as RFC 7517 asks (public members only). */
export async function publishedKeys(deps: Deps) {
  const rows = await publishedKeyRows(deps.db);
  return {
    keys: rows.map((r) => ({ ...publicMembers(r.public_jwk), kid: r.kid, alg: r.alg, use: 'sig' })),
  };
}

/** n and e of an RSA key (kty too): nothing else of what is stored goes out. */
function publicMembers(jwk: KeyRow['public_jwk']) {
  return { kty: jwk.kty, n: jwk.n, e: jwk.e };
}

/** A new key signs from now on; the old one is retired (still published). Audited. */
export async function rotateSigningKey(deps: Deps, ctx: ActorCtx) {
  return deps.db.transaction().execute(async (trx) => {
    await lockKeys(trx);
    const retired = await retireSigningKey(trx);
    const kid = await addNewKey(trx);
    await recordAudit(trx, ctx, { action: 'credential.key.rotate', detail: { kid, retired: retired ?? null } });
    const row = await keyRow(trx, kid);
    const published = (await publishedKeyRows(trx)).length;
    if (!row) throw new Error('新密钥未写入');
    return { kid, createdAt: row.created_at, published };
  });
}
