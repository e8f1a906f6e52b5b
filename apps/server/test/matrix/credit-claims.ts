// 学分申报 routes in the scope matrix. The objects are county-level claims (demo-teacher's reviewed by
// demo-county, demo-teacher2's by demo-county2), so on the single-claim routes the allowed reviewer
// is the county admin: school, city and province admins hold credit.claimReview but are the wrong
// level for these claims and get 403 (the other levels are tested in credit-claims.test.ts).
import { expect } from 'vitest';
import type { Client } from '../harness.ts';
import { ADMINS_OF_TEACHERS, type Entry, type MatrixPart } from './types.ts';

/** The smallest file that file-type recognises as a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export interface EvidenceFile {
  name: string;
  data: Buffer;
  type?: string;
}

/** A multipart 学分申报 form as the browser sends it. */
export function claimForm(fields: Record<string, string | number>, files: EvidenceFile[]) {
  const boundary = '----sxclaim' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/pdf'}\r\n\r\n`,
      ),
    );
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function submitClaim(
  c: Client,
  fields: Record<string, string | number>,
  files: EvidenceFile[] = [{ name: '证明.pdf', data: PDF }],
) {
  const f = claimForm(fields, files);
  return c.request('POST', '/api/credit-claims', f.body, f.headers);
}

const fileEntry: Entry = { allow: ['teacher', 'county_admin'], obj: 'creditClaim', params: { fileId: '0' } };

export const part: MatrixPart = {
  entries: {
    'GET /api/credit-claims/types': { allow: ['teacher', ...ADMINS_OF_TEACHERS] },
    'POST /api/credit-claims': { allow: ['teacher'] },
    'GET /api/credit-claims/mine': { allow: ['teacher'] },
    'GET /api/credit-claims': { allow: ADMINS_OF_TEACHERS },
    'GET /api/credit-claims/:id': { allow: ['county_admin'], obj: 'creditClaim' },
    'GET /api/credit-claims/:id/files/:fileId': fileEntry,
    'POST /api/credit-claims/:id/approve': { allow: ['county_admin'], obj: 'creditClaim' },
    'POST /api/credit-claims/:id/reject': { allow: ['county_admin'], obj: 'creditClaim', body: { reason: '测试' } },
    'POST /api/credit-claims/:id/withdraw': { allow: ['teacher'], obj: 'creditClaim' },
    // a pending claim is not returned: 409 for its teacher, 404 for another
    'POST /api/credit-claims/:id/resubmit': { allow: ['teacher'], obj: 'creditClaim' },
  },
  async setup({ client }) {
    const year = new Date().getUTCFullYear();
    const ids: number[] = [];
    for (const acc of ['demo-teacher', 'demo-teacher2']) {
      const r = await submitClaim(await client(acc), { claimType: 'giving_training', year, title: `矩阵申报 ${acc}`, quantity: 1 });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.claim.id);
      // the side-1 file is the one the matrix asks for; side 2's claim does not hold it (404 either way)
      if (acc === 'demo-teacher') fileEntry.params!.fileId = String(r.body.claim.files[0].id);
    }
    return { creditClaim: [ids[0]!, ids[1]!] };
  },
};
