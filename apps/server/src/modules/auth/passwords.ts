import { hash, verify } from '@node-rs/argon2';
import { timingSafeEqual } from 'node:crypto';
import { defaultPasswordFor } from '@shixun/domain';

// OWASP's argon2id minimum: m=19 MiB, t=2, p=1.
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable here) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * A NULL password hash means "the default password", the last six characters of the ID number.
 * That value is public by policy (imports announce it), so hashing it for a million imported
 * teachers would cost CPU-hours and protect nothing; the account must change it at first login.
 * An argon2 verification still runs, so the answer takes as long as for any other account.
 */
export async function checkPassword(pw: string, stored: string | null, idNumber: string | null): Promise<boolean> {
  if (stored) return verify(stored, pw).catch(() => false);
  await burn(pw);
  if (!idNumber) return false;
  const a = Buffer.from(pw),
    b = Buffer.from(defaultPasswordFor(idNumber));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Same cost as a real verification, for unknown accounts. */
export async function burn(pw: string): Promise<void> {
  dummyHash ??= hash('shixun-dummy-password', OPTIONS);
  await verify(await dummyHash, pw).catch(() => false);
}
