import { describe, expect, it } from 'vitest';
import { generateKeys } from './keys.ts';
import { blindIndex, decrypt, encrypt, isEncrypted, keyIdOf } from './pii.ts';

describe('personal data at rest', () => {
  const keys = generateKeys();

  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = encrypt(keys, '450102198604120117');
    const b = encrypt(keys, '450102198604120117');
    expect(a).not.toBe(b);
    expect(a).not.toContain('450102');
    expect(isEncrypted(a)).toBe(true);
    expect(decrypt(keys, a)).toBe('450102198604120117');
    expect(encrypt(keys, null)).toBeNull();
  });

  it('refuses a ciphertext that was tampered with (GCM tag)', () => {
    const c = encrypt(keys, '13800000001');
    const raw = Buffer.from(c.split(':')[2]!, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => decrypt(keys, `enc:k1:${raw.toString('base64')}`)).toThrow();
  });

  it('finds the same value through the blind index, and nothing else', () => {
    expect(blindIndex(keys, 'id', '45010219860412011x')).toBe(blindIndex(keys, 'id', '45010219860412011X'));
    expect(blindIndex(keys, 'id', '13800000001')).not.toBe(blindIndex(keys, 'phone', '13800000001'));
    expect(blindIndex(generateKeys(), 'phone', '13800000001')).not.toBe(blindIndex(keys, 'phone', '13800000001'));
  });

  it('rotates: values under the old key still decrypt, new values use the new key', () => {
    const old = encrypt(keys, '13800000002');
    const rotated = { ...keys, dataKeys: { ...keys.dataKeys, k2: Buffer.alloc(32, 7) }, currentDataKey: 'k2' };
    expect(decrypt(rotated, old)).toBe('13800000002');
    expect(keyIdOf(encrypt(rotated, '13800000002'))).toBe('k2');
    expect(() => decrypt({ ...rotated, dataKeys: { k2: rotated.dataKeys.k2 } }, old)).toThrow(/k1/);
  });
});
