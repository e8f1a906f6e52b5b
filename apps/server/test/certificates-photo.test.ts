// 证书打印证件照: a project that requires it (e.g. 骨干教师) prints the holder's 证件照 from the profile on
// the 结业证书; without a photo the holder is told to upload one (an admin, whom to ask) instead of
// getting a certificate with a blank. Other projects' certificates carry no photo.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, institutionId, makeClass, makeProject } from './classes-fixtures.ts';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
let inst: Client, teacher: Client, county: Client, county2: Client;

/** A w × h RGB PNG: a blue background with a light oval (a head), like a 证件照. */
function portrait(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const t = Buffer.concat([Buffer.from(type), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(t));
    return Buffer.concat([len, t, sum]);
  };
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const head = ((x - w / 2) / (w * 0.28)) ** 2 + ((y - h * 0.4) / (h * 0.25)) ** 2 <= 1;
      const body = y > h * 0.68 && Math.abs(x - w / 2) < w * 0.42;
      const [r, g, b] = head ? [240, 200, 170] : body ? [40, 40, 40] : [60, 120, 220];
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function multipart(filename: string, data: Buffer, type: string) {
  const boundary = `----sx${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Images a PDF embeds (pdfkit writes each as an XObject of subtype Image). */
const imagesIn = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;

async function passedTrainee(opts: { photo: boolean; name: string }) {
  const db = s.deps.db;
  const projectId = await makeProject(db, { name: opts.name });
  await db.updateTable('projects').set({ certificate_photo: opts.photo }).where('id', '=', projectId).execute();
  const classId = await makeClass(db, projectId, await institutionId(db, 'INST-01'), '一班');
  const enrollmentId = await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher' }), classId);
  const r = await inst.put(`/api/classes/${classId}/scores`, { items: [{ enrollmentId, onsiteScore: 90, onlineScore: 88 }] });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const cert = await db.selectFrom('enrollments').select('certificate_id').where('id', '=', enrollmentId).executeTakeFirstOrThrow();
  return { enrollmentId, certificateId: cert.certificate_id! };
}

beforeAll(async () => {
  s = await startTestServer();
  inst = await loginAs(s, 'demo-institution');
  teacher = await loginAs(s, 'demo-teacher');
  county = await loginAs(s, 'demo-county');
  county2 = await loginAs(s, 'demo-county2');
  // this file's teacher starts without a 证件照
  await s.deps.db
    .updateTable('teachers')
    .set({ cert_photo: null })
    .where('user_id', '=', await userIdOf(s, { login: 'demo-teacher' }))
    .execute();
});
afterAll(async () => {
  await s?.close();
});

describe(`证书打印证件照 (${TEST_DB})`, () => {
  let photoCert = { enrollmentId: 0, certificateId: 0 };

  it('without a 证件照, tells the teacher to upload one and the admin whom to ask, instead of a blank', async () => {
    photoCert = await passedTrainee({ photo: true, name: '小学语文骨干教师培训' });
    const mine = await teacher.get(`/api/my/enrollments/${photoCert.enrollmentId}/certificate.pdf`);
    expect(mine.status).toBe(409);
    expect(mine.body.code).toBe('PHOTO_REQUIRED');
    expect(mine.body.message).toBe('该证书需要印证件照，您还没有上传证件照：请先在“个人信息 → 证件照”上传近期免冠证件照，再打印证书');
    const admin = await county.get(`/api/certificates/${photoCert.certificateId}/pdf`);
    expect(admin.status).toBe(409);
    expect(admin.body.message).toBe('该证书需要印证件照，李秀英尚未上传证件照，暂不能打印；请通知教师在个人信息中上传证件照');
    // out of scope, the certificate does not exist, photo or not
    expect((await county2.get(`/api/certificates/${photoCert.certificateId}/pdf`)).status).toBe(404);
  });

  it('prints the photo from the profile once there is one; other projects print none', async () => {
    const up = multipart('证件照.png', portrait(250, 350), 'image/png');
    const stored = await teacher.request('POST', '/api/profile/photos/cert', up.body, up.headers);
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    const r = await teacher.get(`/api/my/enrollments/${photoCert.enrollmentId}/certificate.pdf`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toMatch(/application\/pdf/);
    const pdf = r.raw.rawPayload as Buffer;
    if (process.env.CERT_PDF_OUT) writeFileSync(process.env.CERT_PDF_OUT, pdf);
    const plain = await passedTrainee({ photo: false, name: '全员培训' });
    const other = await teacher.get(`/api/my/enrollments/${plain.enrollmentId}/certificate.pdf`);
    expect(other.status).toBe(200);
    const withoutPhoto = imagesIn(other.raw.rawPayload as Buffer);
    expect(withoutPhoto).toBeGreaterThan(0); // the QR code
    // the photo is one image more than the QR code alone
    expect(imagesIn(pdf)).toBe(withoutPhoto + 1);
    const admin = await county.get(`/api/certificates/${photoCert.certificateId}/pdf`);
    expect(admin.status).toBe(200);
    expect(imagesIn(admin.raw.rawPayload as Buffer)).toBe(withoutPhoto + 1);
  });
});
