// Signing and checking credentials as JWTs with `jose`. Only RS256 is accepted on the way back (no
// algorithm chosen by the token: no `none`, no HMAC with the public key). What a check can say:
//   unknown_key — the kid is not one the platform ever published (or there is none): not ours;
//   tampered    — the signature does not match the bytes (any character of header or payload changed);
//   expired     — ours and intact, but past its validUntil (a transcript after a year);
//   ok          — ours and intact; revocation is the service's question (the certificate's state now).
import { SignJWT, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Deps } from '../../context.ts';
import { invalid } from '../../http/errors.ts';
import { CREDENTIAL_ALG, signingKey, verificationKey } from './keys.ts';
import type { Claims } from './vc.ts';
import { NOT_A_CREDENTIAL } from './envelope.ts';

export async function signCredential(deps: Deps, claims: Claims): Promise<{ jwt: string; kid: string }> {
  const { kid, key } = await signingKey(deps);
  const jwt = await new SignJWT(claims as JWTPayload).setProtectedHeader({ alg: CREDENTIAL_ALG, typ: 'JWT', kid }).sign(key);
  return { jwt, kid };
}

export type JwtCheck =
  | { outcome: 'unknown_key'; kid: string | null }
  | { outcome: 'tampered'; kid: string }
  | { outcome: 'expired' | 'ok'; kid: string; claims: Record<string, unknown> };

/** Checks a compact JWT; a text that is not a JWT at all is the caller's error (400). */
export async function checkCredential(deps: Deps, jwt: string): Promise<JwtCheck> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    throw invalid(NOT_A_CREDENTIAL);
  }
  const kid = typeof header.kid === 'string' && header.kid.length <= 200 ? header.kid : null;
  const known = kid ? await verificationKey(deps, kid) : undefined;
  if (!kid || !known) return { outcome: 'unknown_key', kid };
  try {
    // clock tolerance: a credential signed by one server checked on another a few seconds behind
    const { payload } = await jwtVerify(jwt, known.key, { algorithms: [CREDENTIAL_ALG], clockTolerance: 300 });
    return { outcome: 'ok', kid, claims: payload };
  } catch (e) {
    // jose checks the signature before any claim: an expired token has a valid signature
    if (e instanceof errors.JWTExpired) return { outcome: 'expired', kid, claims: e.payload };
    return { outcome: 'tampered', kid };
  }
}
