// ID and phone numbers are stored encrypted: what a copy of the database (or a backup) holds reveals
// neither, while login, search and imports by full number still work through the blind indexes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, Client, loginAs, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

/** Evaluated inside the database, so the decrypting read path is not involved. */
async function stored<T>(query: ReturnType<typeof sql<T>>) {
  return (await query.execute(s.deps.db)).rows[0]!;
}

describe(`personal data encrypted at rest (${TEST_DB})`, () => {
  it('keeps no ID or phone number in clear in the users table', async () => {
    const r = await stored(sql<{ clear: number; total: number; leak: boolean }>`SELECT
      count(*) FILTER (WHERE id_number NOT LIKE 'enc:%' OR phone NOT LIKE 'enc:%')::int AS clear, count(*)::int AS total,
      coalesce(string_agg(coalesce(id_number, '') || coalesce(phone, ''), ',') LIKE ${`%${s.demo.teacherIdNumber}%`}, false)
        OR coalesce(string_agg(coalesce(phone, ''), ',') LIKE '%13800000001%', false) AS leak
      FROM users`);
    expect(r.total).toBeGreaterThan(50);
    expect(r.clear).toBe(0);
    expect(r.leak).toBe(false);
  });

  it('still logs in, searches and reveals by the full number', async () => {
    const byId = await new Client(s).login(s.demo.teacherIdNumber);
    expect(byId.status).toBe(200);
    expect((await new Client(s).login('13800000001')).status).toBe(200);
    const county = await loginAs(s, 'demo-county');
    const found = await county.get(`/api/teachers?q=${s.demo.teacherIdNumber}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0].name).toBe('李秀英');
    const revealed = await county.post(`/api/teachers/${found.body.items[0].id}/reveal`);
    expect(revealed.body).toEqual({ idNumber: s.demo.teacherIdNumber, phone: '13800000001' });
  });

  it('keeps a changed ID number encrypted and unique', async () => {
    const county = await loginAs(s, 'demo-county');
    const li = (await county.get(`/api/teachers?q=${s.demo.teacherIdNumber}`)).body.items[0].id;
    const wang = await s.deps.db.selectFrom('users').select('id').where('login_name', '=', 'demo-teacher2').executeTakeFirstOrThrow();
    // someone else's number: refused as taken even though no two ciphertexts are equal
    const taken = await county.put(`/api/teachers/${li}/key-fields`, { idNumber: s.demo.teacher2IdNumber });
    expect([400, 409]).toContain(taken.status);
    expect(wang.id).toBeGreaterThan(0);
    const leak = await stored(
      sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM users WHERE id_number = ${s.demo.teacher2IdNumber} OR id_number = ${s.demo.teacherIdNumber}`,
    );
    expect(leak.n).toBe(0);
  });
});
