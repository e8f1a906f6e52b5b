// Issuing a certificate (学分证书, 结业证书): one function for every kind, so a completion certificate
// from a training project gets the same code, audit and public verification as a credit one.
import { maskIdNumber } from '@shixun/domain';
import type { Executor, RequestCtx } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { newCertificateCode } from './codes.ts';
import { holderRow, insertCertificate, type CertificateRow } from './certificates.repository.ts';

export type CertificateKind = 'credit' | 'completion';
export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = { credit: '学分证书', completion: '结业证书' };

/** The certificate holder as printed, frozen at issue time: a later change of name or school does not alter it. */
export interface CertificateHolder {
  name: string;
  idNumberMasked: string | null;
  school: string;
  region: string;
}

/**
 * What every certificate's payload says, whatever its kind: the public verification page shows
 * exactly these (with the name masked). A kind adds its own details (the credit table, the scores …).
 */
export interface CertificatePayload {
  teacher: CertificateHolder;
  /** What is certified: «十四五周期（2021–2025 年）学分» or a project's name. */
  subject: string;
  /** The outcome as printed: «已达标», «合格» … */
  result: string;
  [detail: string]: unknown;
}

export interface NewCertificate {
  kind: CertificateKind;
  teacherId: number;
  title: string;
  payload: CertificatePayload;
  /** The credit policy version the figures come from, when they come from one. */
  policyVersion: number | null;
}

/** The holder part of a payload, read inside the issuing transaction. */
export async function certificateHolder(trx: Executor, teacherId: number): Promise<CertificateHolder> {
  const t = await holderRow(trx, teacherId);
  if (!t) throw notFound('教师');
  return { name: t.name, idNumberMasked: maskIdNumber(t.id_number), school: t.school, region: t.region };
}

/** Creates the certificate with a fresh verification code and audits it (inside the caller's transaction). */
export async function issueCertificate(trx: Executor, ctx: RequestCtx, c: NewCertificate): Promise<CertificateRow> {
  const title = c.title.trim();
  if (!title) throw invalid('证书名称不能为空');
  if (!c.payload.subject?.trim() || !c.payload.result?.trim()) throw invalid('证书内容不完整：缺少证明事项或结果');
  let row: CertificateRow | undefined;
  // a collision among 2^79 codes is next to impossible; drawing again costs nothing and keeps the code unique
  for (let attempt = 0; !row && attempt < 5; attempt++) {
    row = await insertCertificate(trx, {
      code: newCertificateCode(),
      kind: c.kind,
      teacherId: c.teacherId,
      title,
      payload: c.payload,
      policyVersion: c.policyVersion,
    });
  }
  if (!row) throw new Error('无法生成唯一的证书验证码');
  // the code itself stays out of the audit log: it is what lets a stranger look the certificate up
  await recordAudit(trx, ctx, {
    action: 'certificate.issue',
    objectType: 'certificate',
    objectId: row.id,
    detail: { kind: c.kind, teacherId: c.teacherId, title, policyVersion: c.policyVersion },
  });
  return row;
}
