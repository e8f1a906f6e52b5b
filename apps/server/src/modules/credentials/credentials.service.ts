// 可验证学习记录: a teacher downloads a certificate or the whole record as a signed credential; anyone
// checks an uploaded one. Downloads are the holder's own (credit.self) and audited; the check is public
// and read-only — it says valid / revoked / tampered / unknown key / expired and names the holder masked.
import type { credentials } from '@shixun/contracts';
import type { z } from 'zod';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { recordAuditNow } from '../audit/audit.service.ts';
import { myCertificates, verifyCertificate } from '../certificates/certificates.service.ts';
import { maskName } from '../certificates/codes.ts';
import { selfHolder } from '../credit-bank/credit-bank.service.ts';
import { platformTitle } from '../credit-bank/issuer.ts';
import { bankTranscript } from '../credit-bank/transcript.ts';
import { credentialJwt } from './envelope.ts';
import { checkCredential, signCredential } from './jwt.ts';
import { certificateCredential, describeClaims, newCredentialId, transcriptCredential, type Issuer } from './vc.ts';

type VerifyResult = z.output<typeof credentials.verifyResult>;

async function issuer(deps: Deps): Promise<Issuer> {
  return { origin: deps.config.publicUrl, name: await platformTitle(deps) };
}

/** One of the holder's own certificates as an OpenBadgeCredential; a revoked one is not handed out. */
export async function certificateCredentialFile(deps: Deps, ctx: ActorCtx, certificateId: number) {
  const holder = await selfHolder(deps, ctx);
  const cert = (await myCertificates(deps, ctx)).items.find((c) => c.id === certificateId);
  if (!cert) throw notFound('证书');
  if (cert.status === 'revoked') throw conflict('该证书已撤销，不能下载可验证凭证', 'CERTIFICATE_REVOKED');
  const id = newCredentialId();
  const claims = certificateCredential({
    issuer: await issuer(deps),
    holder: { name: holder.name, idNumber: holder.idNumber },
    cert: {
      code: cert.code,
      kindLabel: cert.kindLabel,
      title: cert.title,
      subject: cert.subject,
      result: cert.result,
      issuedAt: cert.issuedAt,
    },
    id,
    now: new Date(),
  });
  const { jwt, kid } = await signCredential(deps, claims);
  await recordAuditNow(deps.db, ctx, {
    action: 'credential.download',
    objectType: 'certificate',
    objectId: cert.id,
    detail: { kind: 'certificate', credentialId: id, kid },
  });
  return { jwt, fileName: `${cert.title}-可验证凭证.jwt`, asciiName: `credential-${cert.code}.jwt` };
}

/** The whole record as a ClrCredential (good for a year: TRANSCRIPT_VALID_DAYS). */
export async function transcriptCredentialFile(deps: Deps, ctx: ActorCtx) {
  const holder = await selfHolder(deps, ctx);
  const transcript = await bankTranscript(deps, holder);
  const id = newCredentialId();
  const now = new Date();
  const claims = transcriptCredential({ issuer: await issuer(deps), holder, transcript, id, now });
  const { jwt, kid } = await signCredential(deps, claims);
  await recordAuditNow(deps.db, ctx, {
    action: 'credential.download',
    objectType: 'teacher',
    objectId: holder.id,
    detail: { kind: 'transcript', credentialId: id, kid, entries: transcript.total.entries, amount: transcript.total.amount },
  });
  const day = now.toISOString().slice(0, 10);
  return { jwt, fileName: `学分银行学习记录-${holder.name}-${day}.jwt`, asciiName: `transcript-${day}.jwt` };
}

const LABELS: Record<VerifyResult['status'], string> = {
  valid: '有效',
  revoked: '已撤销',
  tampered: '已被篡改',
  unknown_key: '签名密钥未知',
  expired: '已过期',
};
const KIND_LABELS = { certificate: '证书凭证（Open Badges 3.0）', transcript: '学习记录凭证（CLR 2.0）' } as const;
const day = (d: Date | null | undefined) =>
  d ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(d) : '—';

const nothing = {
  kind: null,
  kindLabel: null,
  title: null,
  name: null,
  issuer: null,
  issuedAt: null,
  validUntil: null,
  revokedAt: null,
  code: null,
  summary: null,
};

/** Checks an uploaded credential. Read-only: nothing is written, whatever the upload. */
export async function verifyUploadedCredential(deps: Deps, text: string): Promise<VerifyResult> {
  const check = await checkCredential(deps, credentialJwt(text));
  if (check.outcome === 'unknown_key')
    return {
      status: 'unknown_key',
      statusLabel: LABELS.unknown_key,
      message: '该凭证不是用本平台公布的密钥签发的，无法确认其来源，不能作为本平台的证明。',
      ...nothing,
      kid: check.kid,
    };
  if (check.outcome === 'tampered')
    return {
      status: 'tampered',
      statusLabel: LABELS.tampered,
      message: '凭证内容与平台签名不符：文件在签发后被改动过，不能作为证明使用。',
      ...nothing,
      kid: check.kid,
    };
  const d = describeClaims(check.claims);
  const base = {
    kind: d.kind,
    kindLabel: d.kind ? KIND_LABELS[d.kind] : null,
    title: d.title,
    name: d.name ? maskName(d.name) : null,
    issuer: d.issuer,
    issuedAt: d.issuedAt,
    validUntil: d.validUntil,
    revokedAt: null as Date | null,
    code: d.code,
    summary: d.summary,
    kid: check.kid,
  };
  if (check.outcome === 'expired')
    return {
      status: 'expired',
      statusLabel: LABELS.expired,
      message: `凭证由本平台签发、内容完整，但已于 ${day(d.validUntil)} 过期：请向持有人索取新的学习记录凭证。`,
      ...base,
    };
  if (d.kind === 'certificate' && d.code) {
    const now = await certificateState(deps, d.code);
    if (now.revoked)
      return {
        status: 'revoked',
        statusLabel: LABELS.revoked,
        message: `凭证由本平台签发、内容完整，但对应的证书${now.revokedAt ? `已于 ${day(now.revokedAt)} ` : '已'}撤销，不能作为证明使用。`,
        ...base,
        name: now.name ?? base.name,
        revokedAt: now.revokedAt,
      };
  }
  return { status: 'valid', statusLabel: LABELS.valid, message: '凭证由本平台签发，内容未被改动。', ...base };
}

/** The certificate's state today; one the platform no longer knows counts as revoked. */
async function certificateState(deps: Deps, code: string): Promise<{ revoked: boolean; revokedAt: Date | null; name: string | null }> {
  try {
    const c = await verifyCertificate(deps, code);
    return { revoked: c.revoked, revokedAt: c.revokedAt, name: c.name };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return { revoked: true, revokedAt: null, name: null };
    throw e;
  }
}
