// Verification codes (证书验证码) of certificates: anyone holding one can check the certificate on the
// public page, so they must not be guessable from another (no sequence, no date) and must survive
// being read aloud or typed from paper — hence an alphabet without 0/O, 1/I/L, and a fixed grouping.
import { randomInt } from 'node:crypto';

/** 31 characters that cannot be mistaken for each other in print. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 16; // 31^16 ≈ 2^79: unguessable, and still short enough to type
const PREFIX = 'SX';

/** A fresh canonical code (16 characters, no prefix, no dashes): what the database stores. */
export function newCertificateCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** SX-ABCD-EFGH-JKMN-PQRS: how the code is printed and shown. */
export function formatCertificateCode(canonical: string): string {
  return [PREFIX, ...canonical.match(/.{1,4}/g)!].join('-');
}

/**
 * What a person typed → the canonical code, or null when it cannot be one. Lower case, spaces,
 * dashes and the SX prefix are forgiven; 0, O, 1, I and L are refused rather than guessed at,
 * since they never occur in a code.
 */
export function normalizeCertificateCode(input: string): string | null {
  let s = input.toUpperCase().replace(/[\s\-_—–]/g, '');
  if (s.length === CODE_LENGTH + PREFIX.length && s.startsWith(PREFIX)) s = s.slice(PREFIX.length);
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** 李秀英 → 李*英, 王伟 → 王*, 欧阳娜娜 → 欧**娜: enough to recognise, not enough to identify. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars.at(-1);
}
