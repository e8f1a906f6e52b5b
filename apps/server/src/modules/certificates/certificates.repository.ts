// SQL of certificates. Rows are written once; only revoked_at ever changes.
import type { Executor } from '../../context.ts';
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
