// 我的证书, certificate downloads and the public verification. Who may see a certificate: its
// holder, and admins whose scope covers the holder; to everyone else it does not exist (404).
import { can, teacherScope, type Actor } from '../../access/policy.ts';
import type { Deps, RequestCtx } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { readFile } from 'node:fs/promises';
import { teacherPhoto } from '../teachers/teachers.service.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import {
  certificateByCode,
  certificateById,
  certificatesOf,
  regionName,
  teacherInScope,
  type CertificateRow,
} from './certificates.repository.ts';
import { formatCertificateCode, maskName, normalizeCertificateCode } from './codes.ts';
import { CERTIFICATE_KIND_LABELS } from './issue.ts';

/** A certificate as the holder's list shows it. */
export function describeCertificate(r: CertificateRow) {
  const code = formatCertificateCode(r.code);
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: CERTIFICATE_KIND_LABELS[r.kind],
    source: r.kind === 'credit' ? null : r.payload.source === 'elective' ? ('elective' as const) : ('project' as const),
    title: r.title,
    code,
    subject: r.payload.subject,
    result: r.payload.result,
    issuedAt: r.issued_at,
    status: r.revoked_at ? ('revoked' as const) : ('valid' as const),
    statusLabel: r.revoked_at ? '已撤销' : '有效',
    verifyPath: `/verify/${code}`,
  };
}

export async function myCertificates(deps: Deps, ctx: ActorCtx) {
  return { items: (await certificatesOf(deps.db, ctx.actor.userId)).map(describeCertificate) };
}

/** The holder (teacher role) or an admin in scope (credit.read); anyone else gets 404, never a hint. */
async function visibleCertificate(deps: Deps, actor: Actor, id: number): Promise<CertificateRow> {
  const self = can(actor, 'credit.self'),
    admin = can(actor, 'credit.read');
  if (!self && !admin) throw forbidden();
  const row = await certificateById(deps.db, id);
  if (!row) throw notFound('证书');
  if (self && row.teacher_id === actor.userId) return row;
  if (admin) {
    if (await teacherInScope(deps.db, teacherScope(actor), row.teacher_id)) return row;
  }
  throw notFound('证书');
}

/** Also the download of 我的班级's completion certificate, whose route hands its own (logged-in) context. */
export async function certificatePdf(deps: Deps, ctx: RequestCtx, id: number, origin: string) {
  if (!ctx.actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const row = await visibleCertificate(deps, ctx.actor, id);
  const code = formatCertificateCode(row.code);
  const photo = row.payload.photo === true ? await holderPhoto(deps, row, ctx.actor) : undefined;
  const pdf = await renderCertificatePdf(row, {
    fontPath: deps.config.pdfFont,
    verifyUrl: `${origin}/verify/${code}`,
    verifyPage: `${origin}/verify`,
    issuer: await platformTitle(deps),
    photo,
  });
  return { pdf, fileName: `${row.title}-${code}.pdf`, asciiName: `certificate-${code}.pdf` };
}

/**
 * 证书打印证件照: the holder's 证件照 as their profile has it now. Without one, no certificate with a
 * blank where the photo belongs: the holder is told what to do, an admin whom to ask.
 */
async function holderPhoto(deps: Deps, row: CertificateRow, actor: Actor): Promise<Buffer> {
  const file = await teacherPhoto(deps, {}, row.teacher_id, 'cert').catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  });
  if (file) return readFile(file.path);
  const mine = actor.userId === row.teacher_id;
  throw new AppError(
    409,
    'PHOTO_REQUIRED',
    mine
      ? '该证书需要印证件照，您还没有上传证件照：请先在“个人信息 → 证件照”上传近期免冠证件照，再打印证书'
      : `该证书需要印证件照，${row.payload.teacher.name}尚未上传证件照，暂不能打印；请通知教师在个人信息中上传证件照`,
  );
}

/** The same title the login page shows (configured, or «<province>中小学教师培训管理信息系统»). */
async function platformTitle(deps: Deps): Promise<string> {
  if (deps.config.platformTitle) return deps.config.platformTitle;
  const name = await regionName(deps.db, deps.config.provinceCode);
  return `${(name ?? '').replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '')}中小学教师培训管理信息系统`;
}

const UNKNOWN = '未找到该证书，请核对验证码是否完整、正确（形如 SX-XXXX-XXXX-XXXX-XXXX）';

/** What anyone may learn from a code: enough to trust the paper in front of them, no more (no ID number, no school). */
export async function verifyCertificate(deps: Deps, input: string) {
  const code = normalizeCertificateCode(input);
  const row = code ? await certificateByCode(deps.db, code) : undefined;
  if (!row) throw new AppError(404, 'NOT_FOUND', UNKNOWN);
  return {
    valid: !row.revoked_at,
    revoked: !!row.revoked_at,
    revokedAt: row.revoked_at,
    kind: row.kind,
    kindLabel: CERTIFICATE_KIND_LABELS[row.kind],
    title: row.title,
    code: formatCertificateCode(row.code),
    name: maskName(row.payload.teacher.name),
    subject: row.payload.subject,
    result: row.payload.result,
    issuedAt: row.issued_at,
  };
}
