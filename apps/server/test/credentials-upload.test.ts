// The public check of an uploaded credential against what people actually upload: garbage, a file far
// too large, the wrong JSON — a clear 400 (413 past the body limit), never a 500, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
});
afterAll(async () => {
  await s?.close();
});

async function counts() {
  const n = async (t: 'credential_keys' | 'audit_log') =>
    Number(
      (
        await s.deps.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { keys: await n('credential_keys'), audit: await n('audit_log') };
}

describe(`credential upload hardening (${TEST_DB})`, () => {
  it('answers garbage with a clear 400 and changes nothing', async () => {
    const before = await counts();
    const c = new Client(s);
    for (const credential of ['hello', '{"a":1}', '{not json', 'a.b', '"x.y"', '%PDF-1.4 …', 'eyJhbGciOiJub25lIn0.e30']) {
      const r = await c.post('/api/credentials/verify', { credential });
      expect(r.status, `${credential}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.message).toContain('不是可验证凭证');
    }
    // three parts of base64url that are not a JWT header
    const r = await c.post('/api/credentials/verify', { credential: 'aaaa.bbbb.cccc' });
    expect(r.status).toBe(400);
    for (const body of [{}, { credential: '' }, { credential: 42 }, []]) {
      const x = await c.post('/api/credentials/verify', body);
      expect(x.status, JSON.stringify(body)).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a huge upload with a sentence, and one past the body limit without a 500', async () => {
    const before = await counts();
    const c = new Client(s);
    const big = await c.post('/api/credentials/verify', { credential: 'a'.repeat(600 * 1024) });
    expect(big.status).toBe(400);
    expect(big.body.message).toContain('文件过大');
    const huge = await c.post('/api/credentials/verify', { credential: 'a'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await counts()).toEqual(before);
  });
});
