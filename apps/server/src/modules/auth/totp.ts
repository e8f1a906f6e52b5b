// TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1: what authenticator apps expect) and recovery codes.
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Config } from '../../config.ts';
import type { Executor } from '../../context.ts';
import { replaceRecoveryHashes, useRecoveryHash } from './totp.repository.ts';

export { claimTotpStep, recoveryCodesLeft } from './totp.repository.ts';

export const RECOVERY_CODE_COUNT = 10;
/** One step either side: a phone clock a little off still works. */
const TOLERANCE_SECONDS = 30;
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

export const isTotpCode = (code: string) => /^\d{6}$/.test(code.trim());

export function requiresTwoFactor(config: Config, roles: readonly string[]): boolean {
  return roles.some((r) => config.twoFactor.requiredRoles.includes(r));
}

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(config: Config, label: string, secret: string) {
  const otpauthUri = generateURI({ issuer: config.twoFactor.issuer, label, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { secret, otpauthUri, qrDataUrl };
}

/** The time step of a valid code newer than `afterStep`, else null (wrong, too old, or already used). */
export async function checkTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!isTotpCode(code)) return null;
  const r = await verify({
    secret,
    token: code.trim(),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return r.valid && 'timeStep' in r ? r.timeStep : null;
}

const normaliseRecovery = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashRecovery = (userId: number, code: string) =>
  createHash('sha256')
    .update(`recovery:${userId}:${normaliseRecovery(code)}`)
    .digest('hex');

/** Ten fresh codes (XXXXX-XXXXX, 50 bits each); only their hashes are stored, the old ones are gone. */
export async function replaceRecoveryCodes(db: Executor, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const s = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
  await replaceRecoveryHashes(
    db,
    userId,
    codes.map((c) => hashRecovery(userId, c)),
  );
  return codes;
}

/** Uses up a recovery code; false when it is wrong or was used before (one UPDATE: two racing uses cannot both win). */
export async function useRecoveryCode(db: Executor, userId: number, code: string): Promise<boolean> {
  if (normaliseRecovery(code).length !== 10) return false;
  return useRecoveryHash(db, userId, hashRecovery(userId, code));
}
