// An uploaded credential file → the compact JWT inside it. Accepted: the .jwt the platform hands out
// (the compact JWS itself), or JSON holding one: a JSON string, an object with `credential` / `jwt` /
// `proof.jwt`, or a VC data model 2.0 EnvelopedVerifiableCredential (`id: data:application/vc+jwt,<jwt>`).
// Anything else is not a credential of ours, said in a sentence the person uploading it can act on.
import { invalid } from '../../http/errors.ts';

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const ENVELOPE = /^data:application\/(?:vc\+jwt|vc-ld\+jwt|jwt),/;
export const NOT_A_CREDENTIAL = '文件内容不是可验证凭证：请上传从平台“学分银行”下载的 .jwt 文件（或包含它的 .json 文件）';

function fromJson(v: unknown, depth: number): string | null {
  if (depth > 3) return null;
  if (typeof v === 'string') {
    const s = v.trim().replace(ENVELOPE, '');
    return COMPACT.test(s) ? s : null;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.id === 'string' && ENVELOPE.test(o.id)) return fromJson(o.id, depth + 1);
  for (const k of ['credential', 'jwt', 'verifiableCredential']) {
    const found = o[k] === undefined ? null : fromJson(o[k], depth + 1);
    if (found) return found;
  }
  const proof = o.proof as Record<string, unknown> | undefined;
  return proof && typeof proof === 'object' ? fromJson(proof.jwt, depth + 1) : null;
}

/** The compact JWT in a file's text; a 400 with a Chinese sentence when there is none. */
export function credentialJwt(text: string): string {
  const s = text.replace(/^\uFEFF/, '').trim();
  if (COMPACT.test(s)) return s;
  if (s.startsWith('{') || s.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      throw invalid(NOT_A_CREDENTIAL);
    }
    const jwt = fromJson(parsed, 0);
    if (jwt) return jwt;
  }
  throw invalid(NOT_A_CREDENTIAL);
}
