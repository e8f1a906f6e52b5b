// Links in certificates and check-in codes come from the configured public address (PUBLIC_URL),
// never from the request: a forged Host (or X-Forwarded-Host) header must not end up in a QR code
// that a teacher scans or a certificate that a stranger verifies.
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { at, enrol, institutionId, makeClass, makeProject } from './classes-fixtures.ts';
import { TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

const PUBLIC_URL = 'https://px.example.gov.cn/shixun';
const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
/** The QR settings of certificate-pdf.ts: a change there shows up here as "the QR is not the expected one". */
const CERT_QR = { type: 'png', margin: 1, width: 360, errorCorrectionLevel: 'M' } as const;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ publicUrl: `${PUBLIC_URL}/` });
});
afterAll(async () => {
  await s?.close();
});

/** The decoded pixel data of every image in a PDF (pdfkit writes them Flate-compressed). */
function pdfImages(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  const out: Buffer[] = [];
  for (const m of text.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    if (!/\/Subtype\s*\/Image/.test(m[1]!)) continue;
    const length = Number(/\/Length\s+(\d+)/.exec(m[1]!)![1]);
    const start = m.index! + m[0].length;
    const raw = pdf.subarray(start, start + length);
    out.push(/\/FlateDecode/.test(m[1]!) ? inflateSync(raw) : raw);
  }
  return out;
}

/** The images pdfkit embeds for the certificate's QR of a URL: rendered the same way, read back the same way. */
async function qrImages(url: string): Promise<Buffer[]> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.image(await QRCode.toBuffer(url, CERT_QR), 0, 0, { width: 112, height: 112 });
  doc.end();
  await done;
  return pdfImages(Buffer.concat(chunks));
}

/** True when the PDF carries exactly the QR images of this URL (colour and mask both). */
async function pdfHasQrOf(pdf: Buffer, url: string) {
  const have = pdfImages(pdf);
  const want = await qrImages(url);
  return want.length > 0 && want.every((w) => have.some((h) => h.equals(w)));
}

describe(`links use PUBLIC_URL, not the request's Host (${TEST_DB})`, () => {
  it('normalises the configured address', () => {
    expect(s.deps.config.publicUrl).toBe(PUBLIC_URL);
  });

  it('puts the public verification address in a credit certificate downloaded with a forged Host', async () => {
    const teacher = await loginAs(s, 'demo-teacher');
    const cycleId = (await teacher.get('/api/certificates/credit/options')).body.currentCycleId as string;
    const issued = await teacher.post('/api/certificates/credit', { cycleId });
    expect([200, 201]).toContain(issued.status);
    const { id, code } = issued.body.certificate as { id: number; code: string };
    const r = await teacher.request('GET', `/api/certificates/${id}/pdf`, undefined, FORGED);
    expect(r.status).toBe(200);
    const pdf = r.raw.rawPayload;
    expect(await pdfHasQrOf(pdf, `${PUBLIC_URL}/verify/${code}`)).toBe(true);
    for (const forged of [
      `http://evil.example/verify/${code}`,
      `https://evil.example/verify/${code}`,
      `http://localhost:80/verify/${code}`,
    ])
      expect(await pdfHasQrOf(pdf, forged), forged).toBe(false);
    expect(pdf.toString('latin1')).not.toContain('evil.example');
  });

  it('does the same for a 结业证书 and for the check-in QR code', async () => {
    const db = s.deps.db;
    const inst = await loginAs(s, 'demo-institution');
    const projectId = await makeProject(db, { name: '公开地址测试培训', startDay: -1, endDay: 2 });
    const classId = await makeClass(db, projectId, await institutionId(db, 'INST-01'), '一班');
    const enrollmentId = await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher' }), classId);

    const session = await inst.post(`/api/classes/${classId}/sessions`, {
      startsAt: at(0, '08:30'),
      endsAt: at(0, '11:30'),
      place: '报告厅',
      topic: '开班',
      lecturer: '王教授',
    });
    expect(session.status).toBe(201);
    const code = await inst.request('GET', `/api/classes/${classId}/sessions/${session.body.session.id}/checkin-code`, undefined, FORGED);
    expect(code.status).toBe(200);
    expect(code.body.url).toBe(`${PUBLIC_URL}/space/checkin?c=${encodeURIComponent(code.body.code)}`);
    expect(code.body.qr).toBe(await QRCode.toDataURL(code.body.url, { errorCorrectionLevel: 'M', margin: 1, width: 480 }));
    expect(JSON.stringify(code.body)).not.toContain('evil.example');

    expect((await inst.put(`/api/classes/${classId}/scores`, { items: [{ enrollmentId, onsiteScore: 80, onlineScore: 90 }] })).status).toBe(
      200,
    );
    const teacher = await loginAs(s, 'demo-teacher');
    const cert = (await teacher.get(`/api/my/enrollments/${enrollmentId}/class`)).body.certificate as { code: string; verifyPath: string };
    expect(cert.verifyPath).toBe(`/verify/${cert.code}`);
    const pdf = await teacher.request('GET', `/api/my/enrollments/${enrollmentId}/certificate.pdf`, undefined, FORGED);
    expect(pdf.status).toBe(200);
    expect(await pdfHasQrOf(pdf.raw.rawPayload, `${PUBLIC_URL}/verify/${cert.code}`)).toBe(true);
    expect(await pdfHasQrOf(pdf.raw.rawPayload, `http://evil.example/verify/${cert.code}`)).toBe(false);
  });
});

describe('PUBLIC_URL in production', () => {
  it('is required, and only an http(s) address without query or credentials is taken', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://px.example.gov.cn/' }).publicUrl).toBe('https://px.example.gov.cn');
    for (const bad of ['javascript:alert(1)', 'https://u:p@px.example.gov.cn', 'https://px.example.gov.cn/?x=1', 'not a url'])
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
  });
});
