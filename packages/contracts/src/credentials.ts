// 可验证学习记录: a teacher's certificates and whole record as signed, machine-verifiable credentials
// (Open Badges 3.0 AchievementCredential / CLR 2.0 ClrCredential, W3C Verifiable Credentials as JWT), the
// platform's public keys (JWKS), and the public check of an uploaded credential file.
import { z } from 'zod';
import { idParams, timestamp, file } from './common.ts';
import { route } from './route.ts';

const tags = ['credentials'] as const;

/** What an uploaded credential may weigh, as text: a lifetime transcript is tens of KB; anything far past it is not ours. */
export const MAX_CREDENTIAL_CHARS = 512 * 1024;

export const CREDENTIAL_STATUSES = ['valid', 'revoked', 'tampered', 'unknown_key', 'expired'] as const;
export const credentialStatus = z.enum(CREDENTIAL_STATUSES);
export type CredentialStatus = z.infer<typeof credentialStatus>;

export const downloadCertificateCredential = route({
  method: 'GET',
  path: '/api/credentials/certificates/:id',
  summary: '下载证书的可验证凭证（Open Badges 3.0，JWT）',
  tags,
  params: idParams,
  response: file,
});

export const downloadTranscriptCredential = route({
  method: 'GET',
  path: '/api/credentials/transcript',
  summary: '下载完整学习记录的可验证凭证（CLR 2.0，JWT）',
  tags,
  response: file,
});

export const jwk = z.looseObject({ kty: z.string(), kid: z.string(), alg: z.string(), use: z.string() });
export const jwks = route({
  method: 'GET',
  path: '/api/credentials/jwks',
  summary: '平台签发凭证所用的公钥（JWKS，含已轮换的旧密钥）',
  tags,
  response: z.object({ keys: z.array(jwk) }),
});

/** The file's text as uploaded: a compact JWT (.jwt), or JSON holding one (.json). */
export const verifyBody = z.object({
  credential: z
    .string({ error: '请上传凭证文件' })
    .trim()
    .min(1, '凭证文件是空的，请选择平台下载的 .jwt 或 .json 文件')
    .max(MAX_CREDENTIAL_CHARS, '文件过大：平台签发的凭证不超过 512 KB，请确认选择的是下载的 .jwt 或 .json 文件'),
});

export const verifyResult = z.object({
  status: credentialStatus,
  /** 有效 / 已撤销 / 已被篡改 / 签名密钥未知 / 已过期 */
  statusLabel: z.string(),
  /** one sentence saying what the status means for the reader */
  message: z.string(),
  /** what the credential is; null when nothing in it can be trusted (tampered, unknown key) */
  kind: z.enum(['certificate', 'transcript']).nullable(),
  kindLabel: z.string().nullable(),
  title: z.string().nullable(),
  /** the holder, masked: 李*英 */
  name: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedAt: timestamp.nullable(),
  validUntil: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  /** the certificate's code, for a certificate credential (its paper can be checked with it) */
  code: z.string().nullable(),
  /** the transcript's totals, for a transcript credential */
  summary: z.string().nullable(),
  kid: z.string().nullable(),
});

export const verify = route({
  method: 'POST',
  path: '/api/credentials/verify',
  summary: '验证可验证凭证文件（无需登录）：有效 / 已撤销 / 已被篡改 / 密钥未知 / 已过期',
  tags,
  body: verifyBody,
  response: verifyResult,
});

export const rotateKey = route({
  method: 'POST',
  path: '/api/credentials/keys/rotate',
  summary: '轮换凭证签名密钥（新密钥签发，旧密钥继续公布以便验证）',
  tags,
  status: 201,
  response: z.object({ kid: z.string(), createdAt: timestamp, published: z.number().int() }),
});
