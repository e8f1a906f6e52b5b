// The rotating check-in code (签到码) behind the QR an institution shows on the big screen. A code
// is `<sessionId>.<step>.<mac>`: the time step (STEP_MS long) and an HMAC of it under the session's
// secret, cut to 12 base64url characters (72 bits). Nothing is stored per code: the server recomputes
// the HMAC. A photo of the screen sent to a friend at home stops working within two steps.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How often the code (and the QR) changes. */
export const STEP_MS = 10_000;
const MAC_CHARS = 12;

export const newCheckinSecret = () => randomBytes(32).toString('base64url');
export const stepAt = (nowMs: number) => Math.floor(nowMs / STEP_MS);

function mac(secret: string, sessionId: number, step: number): string {
  // the session id is part of the message: a secret copied to another session would not carry codes over
  return createHmac('sha256', secret).update(`${sessionId}.${step}`).digest('base64url').slice(0, MAC_CHARS);
}

export function checkinCode(sessionId: number, secret: string, nowMs = Date.now()) {
  const step = stepAt(nowMs);
  return { code: `${sessionId}.${step}.${mac(secret, sessionId, step)}`, expiresInMs: (step + 1) * STEP_MS - nowMs };
}

export interface ParsedCode {
  sessionId: number;
  step: number;
  mac: string;
}

/** The parts of a code, or null when it cannot be one (no database lookup for garbage). */
export function parseCheckinCode(code: string): ParsedCode | null {
  const m = /^(\d{1,9})\.(\d{1,12})\.([A-Za-z0-9_-]{12})$/.exec(code.trim());
  if (!m) return null;
  return { sessionId: Number(m[1]), step: Number(m[2]), mac: m[3]! };
}

export type CodeCheck = 'ok' | 'expired' | 'invalid';

/**
 * The current and the previous step are accepted, so a code scanned just before it rotates still
 * works (10–20 s of validity); an older one is 'expired', a forged or future one 'invalid'.
 */
export function checkCode(p: ParsedCode, secret: string, nowMs = Date.now()): CodeCheck {
  const expected = Buffer.from(mac(secret, p.sessionId, p.step));
  const given = Buffer.from(p.mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const now = stepAt(nowMs);
  if (p.step > now) return 'invalid';
  return now - p.step <= 1 ? 'ok' : 'expired';
}
