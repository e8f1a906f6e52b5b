// Application-level encryption of personal data (ID numbers, phone numbers, outbox recipients).
// A value at rest is `enc:<keyId>:<base64(iv | tag | ciphertext)>` (AES-256-GCM); exact lookups go
// through a blind index, HMAC-SHA-256 of the normalised value under a separate key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { keysInUse, type Keys } from './keys.ts';

const PREFIX = 'enc:';

export function isEncrypted(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith(PREFIX);
}

export function encrypt(keys: Keys, plain: string): string;
export function encrypt(keys: Keys, plain: string | null): string | null;
export function encrypt(keys: Keys, plain: string | null): string | null {
  if (plain === null) return null;
  const key = keys.dataKeys[keys.currentDataKey]!;
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `${PREFIX}${keys.currentDataKey}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

export function decrypt(keys: Keys, stored: string): string {
  if (!isEncrypted(stored)) return stored;
  const [, keyId, data] = stored.split(':');
  const key = keyId ? keys.dataKeys[keyId] : undefined;
  if (!key || !data) throw new Error(`无法解密：密钥 ${keyId} 不在密钥文件中`);
  const raw = Buffer.from(data, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

/** The key id a stored value was encrypted with (null for a clear value). */
export function keyIdOf(stored: string): string | null {
  return isEncrypted(stored) ? stored.split(':')[1]! : null;
}

/** Blind index of an exact value: the same input gives the same index, the index gives nothing back. */
export function blindIndex(keys: Keys, kind: 'id' | 'phone', value: string): string;
export function blindIndex(keys: Keys, kind: 'id' | 'phone', value: string | null): string | null;
export function blindIndex(keys: Keys, kind: 'id' | 'phone', value: string | null): string | null {
  if (value === null) return null;
  return createHmac('sha256', keys.blindIndexKey).update(`${kind}:${value.trim().toUpperCase()}`).digest('base64url');
}

/** Blind index of a full ID number, with this process's keys: what repositories compare with `id_number_bidx`. */
export const idNumberIndex = (v: string) => blindIndex(keysInUse(), 'id', v);
/** Blind index of a phone number: compared with `phone_bidx`. */
export const phoneIndex = (v: string) => blindIndex(keysInUse(), 'phone', v);

/** The columns to write for an ID number: ciphertext and blind index (null stays null). */
export function sealIdNumber(v: string | null) {
  const k = keysInUse();
  return { id_number: encrypt(k, v), id_number_bidx: blindIndex(k, 'id', v) };
}

/** The columns to write for a phone number. */
export function sealPhone(v: string | null) {
  const k = keysInUse();
  return { phone: encrypt(k, v), phone_bidx: blindIndex(k, 'phone', v) };
}

/** Encrypts any personal value kept for delivery (an outbox recipient). */
export const sealValue = (v: string) => encrypt(keysInUse(), v);
