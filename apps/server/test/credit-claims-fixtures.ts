// Shared by the 学分申报 test files: one test server per file with every demo account logged in, small
// evidence files, and reads of the database the assertions need.
import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { Client, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';
import { submitClaim, type EvidenceFile } from './matrix/credit-claims.ts';

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201' +
    'a3d1ad4e0000000049454e44ae426082',
  'hex',
);
/** A Windows program: "MZ" header, DOS stub, "PE" signature. */
export const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x40, 0, 0, 0]),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);
export const YEAR = new Date().getUTCFullYear();

const ACCOUNTS = [
  'demo-teacher',
  'demo-teacher2',
  'demo-school',
  'demo-school2',
  'demo-county',
  'demo-county2',
  'demo-city',
  'demo-province',
  'demo-institution',
  'demo-sys',
];

let s: TestServer;
const c: Record<string, Client> = {};

/** The file's test server, with a client per demo account and demo-teacher's id. */
export async function startClaimServer() {
  s = await startTestServer({ rateLimit: { loginPerMinutePerIp: 1000, codesPerHourPerTarget: 100 } });
  for (const acc of ACCOUNTS) c[acc] = await loginAs(s, acc);
  return { s, c, teacherId: await userIdOf(s, { login: 'demo-teacher' }) };
}

export const claimCount = async () =>
  Number(
    (
      await s.deps.db
        .selectFrom('credit_claims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
export const uploads = () => readdirSync(s.config.uploadDir).length;
export const entriesOf = (claimId: number) =>
  s.deps.db.selectFrom('credit_entries').selectAll().where('source_key', '=', `claim:${claimId}`).execute();
export const standing = async (id: number) =>
  (await s.deps.db.selectFrom('credit_standings').select('earned_h').where('teacher_id', '=', id).executeTakeFirst())?.earned_h ?? 0;
/** Files a claim that must succeed (201). */
export const claim = async (acc: string, fields: Record<string, string | number>, files?: EvidenceFile[]) => {
  const r = await submitClaim(c[acc]!, fields, files);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.claim as { id: number; amount: number; status: string; files: Array<{ id: number; url: string }> };
};
