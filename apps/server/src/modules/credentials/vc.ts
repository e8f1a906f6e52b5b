// What a credential says, as pure functions: a certificate becomes an Open Badges 3.0 OpenBadgeCredential
// (an AchievementCredential), the whole record a 1EdTech CLR 2.0 ClrCredential holding one embedded
// AchievementCredential per ledger entry that counts. Both are W3C Verifiable Credentials (data model 2.0
// contexts, as OB 3.0 / CLR 2.0 use them).
//
// Encoding: the JWT form of the VC data model (VC-JWT, VCDM 1.1 §6.3.1) as OB 3.0 and CLR 2.0 specify
// their "JSON Web Token Proof Format": the credential sits in the `vc` claim, and the registered claims
// repeat it — iss = issuer.id, jti = id, nbf = validFrom, exp = validUntil (when there is one), sub =
// credentialSubject.id (absent here: the subject is named by identifiers, not an id). Signed RS256 with
// a kid from the platform's JWKS (jwt.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/** A transcript is a snapshot of a record that keeps growing: it is good for a year, then a fresh one is asked for. */
export const TRANSCRIPT_VALID_DAYS = 365;

export interface Issuer {
  /** the platform's public address: the issuer's id */
  origin: string;
  name: string;
}

export interface Holder {
  name: string;
  /** the full ID number, hashed with a fresh salt (OB 3.0 IdentityObject): whoever knows it can check it */
  idNumber: string | null;
}

export interface CertificateFacts {
  /** SX-XXXX-XXXX-XXXX-XXXX */
  code: string;
  kindLabel: string;
  title: string;
  subject: string;
  result: string;
  issuedAt: Date;
}

export interface TranscriptEntry {
  id: number;
  date: string;
  title: string;
  categoryName: string;
  sourceLabel: string;
  formLabel: string;
  amount: number;
  hours: number | null;
  certifier: string;
}

export interface TranscriptFacts {
  entries: TranscriptEntry[];
  total: { amount: number; hours: number; entries: number };
  /** one line per cycle: «十四五（2021–2025）：96 学分» */
  cycles: string[];
}

export type Claims = Record<string, unknown> & { vc: Record<string, unknown>; jti: string; iss: string; nbf: number; exp?: number };

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
export const newCredentialId = () => `urn:uuid:${randomUUID()}`;

function identifiers(h: Holder, salt = randomBytes(8).toString('hex')) {
  const ids: Record<string, unknown>[] = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: h.name }];
  if (h.idNumber) {
    const hash = createHash('sha256').update(`${h.idNumber.trim().toUpperCase()}${salt}`).digest('hex');
    ids.push({ type: 'IdentityObject', identityType: 'nationalIdentityNumber', hashed: true, identityHash: `sha256$${hash}`, salt });
  }
  return ids;
}

const issuerProfile = (i: Issuer) => ({ id: i.origin, type: ['Profile'], name: i.name, url: i.origin });

/** Where the certificate's paper can be checked: the last path segment is its code (jwt.ts reads it back). */
export const certificateUrl = (origin: string, code: string) => `${origin}/verify/${code}`;

export function certificateCredential(o: { issuer: Issuer; holder: Holder; cert: CertificateFacts; id: string; now: Date }): Claims {
  const { issuer, holder, cert } = o;
  const url = certificateUrl(issuer.origin, cert.code);
  const vc = {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: o.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: cert.title,
    issuer: issuerProfile(issuer),
    validFrom: cert.issuedAt.toISOString(),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identifiers(holder),
      achievement: {
        id: url,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: cert.subject,
        description: `${cert.kindLabel}：${cert.title}`,
        criteria: { narrative: `${cert.subject}，结果：${cert.result}` },
      },
      result: [{ type: ['Result'], value: cert.result }],
    },
    evidence: [{ id: url, type: ['Evidence'], name: '证书验证', narrative: `证书验证码 ${cert.code}，可在 ${issuer.origin}/verify 核验` }],
  };
  return { iss: issuer.origin, jti: o.id, nbf: seconds(cert.issuedAt), iat: seconds(o.now), vc };
}

const fmt = (x: number) => String(Math.round(x * 100) / 100);

export function transcriptCredential(o: { issuer: Issuer; holder: Holder; transcript: TranscriptFacts; id: string; now: Date }): Claims {
  const { issuer, holder, transcript: t } = o;
  const until = new Date(o.now.getTime() + TRANSCRIPT_VALID_DAYS * 86_400_000);
  const summary = `合计 ${fmt(t.total.amount)} 学分、${fmt(t.total.hours)} 学时，${t.total.entries} 条记录`;
  const embedded = t.entries.map((e) => ({
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `${o.id}#entry-${e.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: e.title,
    issuer: issuerProfile(issuer),
    validFrom: `${e.date}T00:00:00+08:00`,
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: `${o.id}#achievement-${e.id}`,
        type: ['Achievement'],
        achievementType: 'Course',
        name: e.title,
        description: `${e.sourceLabel} · ${e.formLabel} · ${e.categoryName}，认定：${e.certifier}`,
        criteria: { narrative: `由${e.certifier}认定` },
        fieldOfStudy: e.categoryName,
        creditsAvailable: e.amount,
      },
      creditsEarned: e.amount,
      ...(e.hours === null ? {} : { term: `${fmt(e.hours)} 学时` }),
      activityEndDate: `${e.date}T00:00:00+08:00`,
    },
  }));
  const vc = {
    '@context': [VC_CONTEXT, CLR_CONTEXT, OB_CONTEXT],
    id: o.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: `${holder.name} 的学分银行学习记录`,
    description: `${summary}。${t.cycles.join('；')}`,
    issuer: issuerProfile(issuer),
    validFrom: o.now.toISOString(),
    validUntil: until.toISOString(),
    credentialSubject: { type: ['ClrSubject'], identifier: identifiers(holder), verifiableCredential: embedded },
  };
  return { iss: issuer.origin, jti: o.id, nbf: seconds(o.now), iat: seconds(o.now), exp: seconds(until), vc, summary };
}

/** What a verified payload says, read defensively (it is ours, but an old version may lack a member). */
export function describeClaims(claims: Record<string, unknown>) {
  const vc = (claims.vc ?? {}) as Record<string, unknown>;
  const types = Array.isArray(vc.type) ? (vc.type as unknown[]) : [];
  const kind = types.includes('ClrCredential') ? 'transcript' : types.includes('OpenBadgeCredential') ? 'certificate' : null;
  const subject = (vc.credentialSubject ?? {}) as Record<string, unknown>;
  const ids = Array.isArray(subject.identifier) ? (subject.identifier as Record<string, unknown>[]) : [];
  const name = ids.find((i) => i.identityType === 'name' && i.hashed === false)?.identityHash;
  const achievement = (subject.achievement ?? {}) as Record<string, unknown>;
  const url = typeof achievement.id === 'string' ? achievement.id : '';
  const issuer = (vc.issuer ?? {}) as Record<string, unknown>;
  const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
  return {
    kind: kind as 'certificate' | 'transcript' | null,
    title: typeof vc.name === 'string' ? vc.name : null,
    name: typeof name === 'string' ? name : null,
    issuer: typeof issuer.name === 'string' ? issuer.name : null,
    issuedAt: date(vc.validFrom),
    validUntil: date(vc.validUntil),
    code: kind === 'certificate' ? (url.split('/').pop() ?? null) : null,
    summary: typeof claims.summary === 'string' ? claims.summary : null,
  };
}
