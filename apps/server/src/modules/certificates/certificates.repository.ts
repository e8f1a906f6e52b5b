// SQL of certificates. Rows are written once; only revoked_at ever changes.
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';
import type { CertificateKind, CertificatePayload } from './issue.ts';

export interface CertificateRow {
  id: number;
  code: string;
  kind: CertificateKind;
  teacher_id: number;
  title: string;
  payload: CertificatePayload;
  policy_version: number | null;
  issued_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = ['id', 'code', 'kind', 'teacher_id', 'title', 'payload', 'policy_version', 'issued_at', 'revoked_at'] as const;
const asRow = (r: unknown) => r as CertificateRow;

/** undefined when the code is taken (the caller draws another): no error, so the transaction survives. */
export async function insertCertificate(
  trx: Executor,
  v: { code: string; kind: CertificateKind; teacherId: number; title: string; payload: CertificatePayload; policyVersion: number | null },
) {
  const r = await trx
    .insertInto('certificates')
    .values({
      code: v.code,
      kind: v.kind,
      teacher_id: v.teacherId,
      title: v.title,
      payload: JSON.stringify(v.payload),
      policy_version: v.policyVersion,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
  return r && asRow(r);
}

export async function certificatesOf(db: Executor, teacherId: number, kind?: CertificateKind): Promise<CertificateRow[]> {
  let q = db.selectFrom('certificates').select(COLUMNS).where('teacher_id', '=', teacherId);
  if (kind) q = q.where('kind', '=', kind);
  return (await q.orderBy('issued_at', 'desc').orderBy('id', 'desc').execute()).map(asRow);
}

export async function certificateById(db: Executor, id: number): Promise<CertificateRow | undefined> {
  const r = await db.selectFrom('certificates').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && asRow(r);
}

export async function certificateByCode(db: Executor, code: string): Promise<CertificateRow | undefined> {
  const r = await db.selectFrom('certificates').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return r && asRow(r);
}

/** Whether a teacher is inside an admin's scope (the scope check of an admin reading a certificate). */
export async function teacherInScope(db: Executor, scope: ScopeFilter, teacherId: number): Promise<boolean> {
  return !!(await teachersInScope(db, scope).select('t.user_id').where('t.user_id', '=', teacherId).executeTakeFirst());
}

/** The region's name (the province's, for the platform title). */
export async function regionName(db: Executor, code: string): Promise<string | undefined> {
  return (await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst())?.name;
}

/** The holder as printed on a certificate: name, ID number, school and county. */
export function holderRow(trx: Executor, teacherId: number) {
  return trx
    .selectFrom('teachers as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('schools as s', 's.id', 't.school_id')
    .innerJoin('regions as county', 'county.code', 't.region_code')
    .select(['u.name', 'u.id_number', 's.name as school', 'county.name as region'])
    .where('t.user_id', '=', teacherId)
    .executeTakeFirst();
}

/** Locks the teacher's row for the issuing transaction: one issue at a time per teacher. false when no such teacher. */
export async function lockTeacher(trx: Executor, teacherId: number): Promise<boolean> {
  return !!(await trx.selectFrom('teachers').select('user_id').where('user_id', '=', teacherId).forUpdate().executeTakeFirst());
}

/** Marks a certificate revoked; false when it already was. */
export async function revokeCertificateRow(trx: Executor, certificateId: number): Promise<boolean> {
  const r = await trx
    .updateTable('certificates')
    .set({ revoked_at: new Date() })
    .where('id', '=', certificateId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}
