// 可验证学习记录: certificate and transcript credentials signed with the platform's key, checked by the
// public endpoint — valid, tampered, revoked, unknown key, expired — key rotation, and the JWKS.
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestCtx } from '../src/context.ts';
import { revokeCertificateRow } from '../src/modules/certificates/certificates.repository.ts';
import { signCredential } from '../src/modules/credentials/jwt.ts';
import { postCreditEntry } from '../src/modules/credits/ledger.ts';
import { newTeacher, type NewTeacher } from './factories.ts';
import { Client, TEST_DB, loginAs, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
let t: NewTeacher;
let teacher: Client;
let certId = 0;
let certCode = '';
let jwt = '';
const anon = () => new Client(s);
const ctx: RequestCtx = { ip: '127.0.0.1', requestId: 'credentials-test' };

/** One character of the payload part changed to another base64url character. */
export function tamper(token: string): string {
  const [h, p, sig] = token.split('.') as [string, string, string];
  const i = Math.floor(p.length / 2);
  const c = p[i] === 'A' ? 'B' : 'A';
  return `${h}.${p.slice(0, i)}${c}${p.slice(i + 1)}.${sig}`;
}

const verify = (credential: string) => anon().post('/api/credentials/verify', { credential });

beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  t = await newTeacher(s, { name: '欧阳凭证' });
  await s.deps.db.transaction().execute(async (trx) => {
    for (const [year, amount] of [
      [2022, 6],
      [2023, 4.5],
    ] as const)
      await postCreditEntry(trx, ctx, {
        teacherId: t.id,
        date: `${year}-05-10`,
        year,
        category: 'public_required',
        form: 'online',
        amount,
        hours: amount * 10,
        title: `凭证测试课程 ${year}`,
        source: 'project',
        level: 'province',
        certifier: { id: null, name: '省教育厅', unit: '省教育厅' },
      });
  });
  teacher = await t.client();
  const r = await teacher.post('/api/certificates/credit', { cycleId: 'fyp14' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  certId = r.body.certificate.id;
  certCode = r.body.certificate.code;
});
afterAll(async () => {
  await s?.close();
});

describe(`verifiable credentials (${TEST_DB})`, () => {
  it('hands the holder a signed OpenBadgeCredential of a certificate, audited', async () => {
    const r = await teacher.request('GET', `/api/credentials/certificates/${certId}`);
    expect(r.status, r.raw.body).toBe(200);
    expect(r.raw.headers['content-type']).toContain('application/jwt');
    jwt = r.raw.body;
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const claims = decodeJwt(jwt) as { vc: Record<string, unknown>; iss: string; jti: string };
    expect(claims.vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(claims.jti).toBe(claims.vc.id);
    const subject = claims.vc.credentialSubject as {
      achievement: { id: string };
      identifier: { identityType: string; hashed: boolean; identityHash: string }[];
    };
    expect(subject.achievement.id.endsWith(certCode)).toBe(true);
    // the ID number is there only as a salted hash
    const idObj = subject.identifier.find((i) => i.identityType === 'nationalIdentityNumber');
    expect(idObj?.hashed).toBe(true);
    expect(JSON.stringify(claims)).not.toContain(t.idNumber);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select(['object_type', 'object_id', 'actor_id'])
      .where('action', '=', 'credential.download')
      .execute();
    expect(audit).toContainEqual({ object_type: 'certificate', object_id: String(certId), actor_id: t.id });
  });

  it('verifies the file as valid, the holder masked', async () => {
    const r = await verify(jwt);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'valid', statusLabel: '有效', kind: 'certificate', code: certCode, name: '欧**证' });
    // a .json holding it, or a VC 2.0 envelope, is the same credential
    expect((await verify(JSON.stringify({ credential: jwt }))).body.status).toBe('valid');
    expect(
      (await verify(JSON.stringify({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jwt}` }))).body.status,
    ).toBe('valid');
  });

  it('refuses a copy with one character changed as tampered', async () => {
    const r = await verify(tamper(jwt));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'tampered', statusLabel: '已被篡改', name: null, title: null });
    const sig = jwt.slice(0, -3) + (jwt.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await verify(sig)).body.status).toBe('tampered');
    // the header's algorithm swapped for none: not accepted either
    const [, p] = jwt.split('.');
    const kid = decodeProtectedHeader(jwt).kid;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid })).toString('base64url')}.${p}.`;
    expect((await verify(`${none}x`)).body.status).toBe('tampered');
  });

  it('refuses a credential signed with a key the platform never published', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT(decodeJwt(jwt)).setProtectedHeader({ alg: 'RS256', kid: 'not-ours' }).sign(privateKey);
    expect((await verify(foreign)).body).toMatchObject({ status: 'unknown_key', kid: 'not-ours', name: null });
    // our kid on someone else's signature: the signature does not match our key
    const forged = await new SignJWT(decodeJwt(jwt))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(jwt).kid })
      .sign(privateKey);
    expect((await verify(forged)).body.status).toBe('tampered');
  });

  it('says expired for a credential past its validity', async () => {
    const claims = decodeJwt(jwt) as Parameters<typeof signCredential>[1];
    const { jwt: old } = await signCredential(s.deps, { ...claims, exp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await verify(old)).body).toMatchObject({ status: 'expired', statusLabel: '已过期', kind: 'certificate' });
  });

  it('publishes the public keys only, at both addresses', async () => {
    const r = await anon().get('/api/credentials/jwks');
    expect(r.status).toBe(200);
    expect(r.body.keys.length).toBeGreaterThanOrEqual(1);
    expect(r.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: decodeProtectedHeader(jwt).kid });
    for (const k of r.body.keys) expect(Object.keys(k).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const wk = await anon().get('/.well-known/jwks.json');
    expect(wk.body).toEqual(r.body);
    // at rest the private key is sealed, never clear (checked in SQL: the app's reads decrypt)
    const raw = await sql<{
      sealed: boolean;
      clear: boolean;
    }>`SELECT private_jwk LIKE 'enc:%' AS sealed, private_jwk LIKE '%"d"%' AS clear FROM credential_keys`.execute(s.deps.db);
    expect(raw.rows.every((x) => x.sealed && !x.clear)).toBe(true);
  });

  it('after a rotation, signs with the new key and still verifies the old credential', async () => {
    const oldKid = decodeProtectedHeader(jwt).kid;
    expect((await teacher.post('/api/credentials/keys/rotate')).status).toBe(403);
    const security = await loginAs(s, 'demo-security');
    const r = await security.post('/api/credentials/keys/rotate');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.kid).not.toBe(oldKid);
    const jwks = (await anon().get('/api/credentials/jwks')).body.keys.map((k: { kid: string }) => k.kid);
    expect(jwks).toEqual(expect.arrayContaining([oldKid, r.body.kid]));
    expect((await verify(jwt)).body).toMatchObject({ status: 'valid', kid: oldKid });
    const fresh = (await teacher.request('GET', `/api/credentials/certificates/${certId}`)).raw.body;
    expect(decodeProtectedHeader(fresh).kid).toBe(r.body.kid);
    expect((await verify(fresh)).body.status).toBe('valid');
    const signing = await s.deps.db.selectFrom('credential_keys').select('kid').where('retired_at', 'is', null).execute();
    expect(signing).toEqual([{ kid: r.body.kid }]);
  });

  it('hands out a ClrCredential of the whole record that adds up to the ledger and verifies', async () => {
    const r = await teacher.request('GET', '/api/credentials/transcript');
    expect(r.status, r.raw.body).toBe(200);
    const claims = decodeJwt(r.raw.body) as {
      vc: { type: string[]; credentialSubject: { verifiableCredential: { credentialSubject: { creditsEarned: number } }[] } };
      exp: number;
    };
    expect(claims.vc.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    const earned = claims.vc.credentialSubject.verifiableCredential.map((c) => c.credentialSubject.creditsEarned);
    expect(earned.reduce((a, b) => a + b, 0)).toBe(10.5);
    expect(claims.exp * 1000 - Date.now()).toBeGreaterThan(360 * 86_400_000);
    const v = await verify(r.raw.body);
    expect(v.body).toMatchObject({ status: 'valid', kind: 'transcript', name: '欧**证' });
    expect(v.body.summary).toContain('合计 10.5 学分');
  });

  it('says revoked once the certificate is revoked, and hands out no new credential for it', async () => {
    await s.deps.db.transaction().execute((trx) => revokeCertificateRow(trx, certId));
    const r = await verify(jwt);
    expect(r.body).toMatchObject({ status: 'revoked', statusLabel: '已撤销', code: certCode });
    expect(r.body.revokedAt).toBeTruthy();
    expect((await teacher.get(`/api/credentials/certificates/${certId}`)).status).toBe(409);
  });

  it('keeps certificates their holder’s: another teacher gets 404, an admin 403', async () => {
    const other = await (await newTeacher(s)).client();
    expect((await other.get(`/api/credentials/certificates/${certId}`)).status).toBe(404);
    expect((await (await loginAs(s, 'demo-school')).get(`/api/credentials/certificates/${certId}`)).status).toBe(403);
    expect((await anon().get('/api/credentials/transcript')).status).toBe(401);
  });
});
