// Findings 8–10 of the outside security test: account enumeration and lockout abuse, weak and
// reused passwords, two-factor authentication for admins.
import { makeIdNumber } from '@shixun/domain';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET } from '../src/demo/two-factor.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { sealIdNumber, sealPhone } from '../src/security/pii.ts';
import { Client, DEMO_PASSWORD, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
// province and city admins must use 2FA here; demo-province is enrolled at seed time, demo-city is not
beforeAll(async () => {
  s = await startTestServer({ twoFactor: { requiredRoles: ['province_admin', 'city_admin'], issuer: '师训' } });
});
afterAll(async () => {
  await s?.close();
});

const outboxCount = async () =>
  Number(
    (
      await s.deps.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** A code for the step `offset` steps from now (the server refuses a step it has seen, so later logins use later steps). */
const totp = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
const otherCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

let seq = 0;
/** A fresh teacher account straight in the database (status and phone as asked). */
async function newTeacherUser(o: { status?: 'active' | 'disabled'; phone?: string | null; password?: string } = {}) {
  seq += 1;
  const u = await s.deps.db
    .insertInto('users')
    .values({
      login_name: `hardening-${seq}`,
      name: `测试${seq}`,
      ...sealIdNumber(makeIdNumber('450102', '1988-05-06', 600 + seq)),
      ...sealPhone(o.phone === undefined ? `1660123${String(seq).padStart(4, '0')}` : o.phone),
      email: null,
      reject_reason: null,
      password_hash: await hashPassword(o.password ?? DEMO_PASSWORD),
      status: o.status ?? 'active',
      source: 'admin',
    })
    .returning(['id', 'login_name', 'phone'])
    .executeTakeFirstOrThrow();
  await s.deps.db
    .insertInto('user_roles')
    .values({ user_id: u.id, role: 'teacher', region_code: null, school_id: null, institution_id: null })
    .execute();
  return u as { id: number; login_name: string; phone: string | null };
}

async function secondStep(c: Client, ticket: string, code: string) {
  const r = await c.post('/api/auth/login/totp', { ticket, code });
  if (r.status === 200) c.csrf = r.body.csrfToken;
  return r;
}

describe(`finding 8: no account enumeration, no lockout of the owner (${TEST_DB})`, () => {
  it('answers forgot-password codes the same for real, unknown, inactive and phone-less accounts', async () => {
    const active = await newTeacherUser();
    const disabled = await newTeacherUser({ status: 'disabled' });
    const noPhone = await newTeacherUser({ phone: null });
    const answers = [];
    const before = await outboxCount();
    for (const account of [active.login_name, '13899990000', 'no-such-user', disabled.login_name, noPhone.login_name]) {
      const r = await new Client(s, '10.8.0.1').post('/api/auth/forgot/code', { account });
      answers.push({ status: r.status, body: r.body });
    }
    expect(answers[0]).toEqual({ status: 200, body: { message: expect.stringMatching(/如果该账号存在且绑定了手机号，验证码已发送/) } });
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
    expect(await outboxCount()).toBe(before + 1); // only the real, active account with a phone got a code
    // a second request within the minute waits, for an unknown account as for a real one
    const again = await new Client(s, '10.8.0.1').post('/api/auth/forgot/code', { account: active.login_name });
    const againUnknown = await new Client(s, '10.8.0.1').post('/api/auth/forgot/code', { account: '13899990000' });
    expect(again.status).toBe(429);
    expect(againUnknown).toMatchObject({ status: again.status, body: again.body });
  });

  it('answers a login the same for an unknown and a real account, also once they lock', async () => {
    const real = await newTeacherUser();
    const attacker = new Client(s, '10.8.1.1');
    for (let i = 1; i <= 6; i++) {
      const a = await attacker.login('nobody-at-all', 'Wrong#pass1');
      const b = await attacker.login(real.login_name, 'Wrong#pass1');
      expect({ status: b.status, body: b.body }, `try ${i}`).toEqual({ status: a.status, body: a.body });
      expect(a.status).toBe(i < 5 ? 401 : 423);
    }
    // the lock message says what to do, and the locked IP waits even with the right password
    const locked = await attacker.login(real.login_name, DEMO_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.message).toMatch(/锁定.*30 分钟后再试.*忘记密码/);
  });

  it("locks the attacker's IP on an account, while the owner logs in from their own", async () => {
    const owner = await newTeacherUser();
    const attacker = new Client(s, '10.8.2.1');
    for (let i = 0; i < 5; i++) await attacker.login(owner.login_name, 'Guess#1234x');
    expect((await attacker.login(owner.login_name, DEMO_PASSWORD)).status).toBe(423);
    expect((await new Client(s, '10.8.2.2').login(owner.login_name)).status).toBe(200);
    // the security admin sees the account + IP pair, and unlocking clears it
    const sec = await loginAs(s, 'demo-security');
    const rows = (await sec.get('/api/security/locked')).body.items.filter((r: { id: number }) => r.id === owner.id);
    expect(rows).toEqual([expect.objectContaining({ loginName: owner.login_name, ip: '10.8.2.1', failures: 5 })]);
    expect((await sec.post(`/api/security/users/${owner.id}/unlock`)).status).toBe(200);
    expect((await sec.get('/api/security/locked')).body.items.some((r: { id: number }) => r.id === owner.id)).toBe(false);
    expect((await attacker.login(owner.login_name, DEMO_PASSWORD)).status).toBe(200);
  });

  it('doubles the lock for each further failure from the same IP after a lock ends', async () => {
    const u = await newTeacherUser();
    const c = new Client(s, '10.8.3.1');
    for (let i = 0; i < 4; i++) expect((await c.login(u.login_name, 'Guess#1234x')).status).toBe(401);
    expect((await c.login(u.login_name, 'Guess#1234x')).body.message).toMatch(/30 分钟/);
    const expire = () =>
      s.deps.db
        .updateTable('login_failures')
        .set({ locked_until: sql`now() - interval '1 minute'` })
        .where('user_id', '=', u.id)
        .where('ip', '=', '10.8.3.1')
        .execute();
    await expire();
    const second = await c.login(u.login_name, 'Guess#1234x'); // one more failure, not five
    expect(second.status).toBe(423);
    expect(second.body.message).toMatch(/60 分钟/);
    await expire();
    expect((await c.login(u.login_name, 'Guess#1234x')).body.message).toMatch(/120 分钟/);
    await expire();
    expect((await c.login(u.login_name, DEMO_PASSWORD)).status).toBe(200); // the right password after the lock ends
    expect((await c.login(u.login_name, 'Guess#1234x')).status).toBe(401); // and the streak starts over
  });

  it('asks for a single-use challenge after 3 registrations from one IP', async () => {
    const anon = new Client(s, '10.8.4.1');
    const schoolId = (await anon.get('/api/public/schools?countyCode=450102')).body.items[0].id;
    const body = (n: number) => ({
      idNumber: makeIdNumber('450102', '1991-02-03', 700 + n),
      name: `注册${n}`,
      phone: `1370001${String(n).padStart(4, '0')}`,
      schoolId,
      password: 'Lantern#2026q',
    });
    expect((await anon.post('/api/auth/register', body(1))).status).toBe(201);
    const dup = await anon.post('/api/auth/register', { ...body(2), phone: body(1).phone });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('手机号/证件号已存在');
    expect((await anon.post('/api/auth/register', body(3))).status).toBe(201);
    const fourth = await anon.post('/api/auth/register', { ...body(4), phone: body(1).phone });
    expect(fourth.status).toBe(428);
    expect(fourth.body.code).toBe('CHALLENGE_REQUIRED');
    expect(fourth.body.message).toMatch(/验证题/);

    const solve = (q: string) => {
      const m = /(\d+) (加|减) (\d+)/.exec(q)!;
      return String(m[2] === '加' ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]));
    };
    const ch = (await anon.get('/api/auth/challenge')).body as { id: string; question: string };
    expect(ch.question).toMatch(/^请计算：\d+ (加|减) \d+ 等于多少？$/);
    const wrong = await anon.post('/api/auth/register', {
      ...body(4),
      challengeId: ch.id,
      challengeAnswer: String(Number(solve(ch.question)) + 1),
    });
    expect(wrong.body.code).toBe('CHALLENGE_FAILED');
    // single use: the right answer to a challenge already tried is refused too
    expect((await anon.post('/api/auth/register', { ...body(4), challengeId: ch.id, challengeAnswer: solve(ch.question) })).body.code).toBe(
      'CHALLENGE_FAILED',
    );
    const ch2 = (await anon.get('/api/auth/challenge')).body;
    expect((await anon.post('/api/auth/register', { ...body(4), challengeId: ch2.id, challengeAnswer: solve(ch2.question) })).status).toBe(
      201,
    );
    expect((await anon.post('/api/auth/register', { ...body(5), challengeId: ch2.id, challengeAnswer: solve(ch2.question) })).status).toBe(
      428,
    );
    // another IP has its own count
    expect((await new Client(s, '10.8.4.2').post('/api/auth/register', body(5))).status).toBe(201);
  });
});

describe(`finding 9: common, personal and reused passwords (${TEST_DB})`, () => {
  it('refuses common and breached passwords and ones containing the login name, when a password is set', async () => {
    const current = 'Ym5#Kd8wQz';
    const u = await newTeacherUser({ password: current });
    const c = await loginAs(s, u.login_name, current);
    for (const pw of [
      'Password1',
      'P@ssw0rd',
      'Passw0rd!2026',
      DEMO_PASSWORD,
      'Qwerty#2026',
      `Zz#9${u.login_name}`,
      `${u.login_name.toUpperCase()}!9`,
    ]) {
      const r = await c.post('/api/auth/password', { oldPassword: current, newPassword: pw });
      expect(r.status, pw).toBe(400);
      expect(r.body.message, pw).toMatch(/常见|泄露|用户名/);
    }
    // registration and the forgot-password reset use the same rules
    const schoolId = (await c.get('/api/public/schools?countyCode=450102')).body.items[0].id;
    const reg = await new Client(s, '10.9.0.1').post('/api/auth/register', {
      idNumber: makeIdNumber('450102', '1993-04-05', 801),
      name: '常见',
      phone: '13700020001',
      schoolId,
      password: 'P@ssw0rd1',
    });
    expect(reg.status).toBe(400);
    expect(reg.body.message).toMatch(/常见/);
    const reset = await new Client(s).post('/api/auth/forgot/reset', { account: u.login_name, code: '123456', newPassword: 'Password1' });
    expect(reset.body.message).toMatch(/常见/);
    expect((await c.post('/api/auth/password', { oldPassword: current, newPassword: 'Vk3#Rt8qLm' })).status).toBe(200);
    // logins never check: the demo password still logs in
    expect((await new Client(s).login('demo-teacher', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses the name on the account', async () => {
    const u = await newTeacherUser();
    const c = await loginAs(s, u.login_name);
    const name = (await c.get('/api/auth/me')).body.user.name as string;
    const r = await c.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: `Ab#9x${name}` });
    expect(r.body.message).toMatch(/姓名/);
  });

  it('refuses the last 5 passwords', async () => {
    const u = await newTeacherUser();
    const c = await loginAs(s, u.login_name);
    const pws = ['Vk3#Rt8qLm', 'Pw9!Xe2zKd', 'Hn4$Yb7cQs', 'Jm6%Ua1wEf', 'Tr2&Gi5pNo', 'Bq8*Lz3xCv'];
    let current = DEMO_PASSWORD;
    const change = async (pw: string) => {
      const r = await c.post('/api/auth/password', { oldPassword: current, newPassword: pw });
      if (r.status === 200) current = pw;
      return r;
    };
    for (const pw of pws.slice(0, 5)) expect((await change(pw)).status).toBe(200);
    // the last five are pws[0..4] (pws[4] is the current one)
    const reuse = await change(pws[0]!);
    expect(reuse.status).toBe(400);
    expect(reuse.body.message).toMatch(/最近 5 次/);
    expect((await change(pws[2]!)).status).toBe(400);
    expect((await change(pws[5]!)).status).toBe(200);
    // now pws[0] is the sixth from last: allowed again
    expect((await change(pws[0]!)).status).toBe(200);
    const rows = await s.deps.db.selectFrom('password_history').select('password_hash').where('user_id', '=', u.id).execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });
});

describe(`finding 10: two-factor authentication for admins (${TEST_DB})`, () => {
  it('asks demo-province for a code after the password; a wrong code is refused, the right one gives a session', async () => {
    const c = new Client(s, '10.10.0.1');
    const first = await c.login('demo-province');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactorRequired: true, ticket: expect.any(String) });
    expect(c.cookies.has('sx_session')).toBe(false);
    expect((await c.get('/api/auth/me')).status).toBe(401);

    const code = await totp(DEMO_TOTP_SECRET);
    const wrong = await secondStep(c, first.body.ticket, otherCode(code));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_TOTP', message: expect.stringMatching(/验证码不正确.*还可尝试 2 次/) });
    // the ticket is bound to the IP it was issued to
    expect((await secondStep(new Client(s, '10.10.0.2'), first.body.ticket, code)).body.code).toBe('TICKET_INVALID');
    const ok = await secondStep(c, first.body.ticket, code);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ role: 'province_admin', mustEnrollTotp: false, totpEnabled: true });
    expect((await c.get('/api/auth/me')).status).toBe(200);
    // single use: the ticket and the code are spent
    expect((await secondStep(c, first.body.ticket, code)).body.code).toBe('TICKET_INVALID');
    const again = await new Client(s, '10.10.0.1').login('demo-province');
    expect((await secondStep(new Client(s, '10.10.0.1'), again.body.ticket, code)).body.code).toBe('INVALID_TOTP');
  });

  it('burns the ticket after 3 wrong codes, and wrong codes count toward the lockout', async () => {
    const c = new Client(s, '10.10.1.1');
    const { ticket } = (await c.login('demo-province')).body;
    const bad = otherCode(await totp(DEMO_TOTP_SECRET));
    expect((await secondStep(c, ticket, bad)).body.code).toBe('INVALID_TOTP');
    expect((await secondStep(c, ticket, bad)).body.code).toBe('INVALID_TOTP');
    expect((await secondStep(c, ticket, bad)).body.code).toBe('TICKET_INVALID');
    expect((await secondStep(c, ticket, await totp(DEMO_TOTP_SECRET, 1))).body.code).toBe('TICKET_INVALID');
    // 3 wrong codes + 2 wrong passwords = 5 failures from this IP
    expect((await c.login('demo-province', 'Wrong#pass1')).status).toBe(401);
    expect((await c.login('demo-province', 'Wrong#pass1')).status).toBe(423);
    await s.deps.db.deleteFrom('login_failures').where('ip', '=', '10.10.1.1').execute();
  });

  it('leads an admin whose role requires 2FA to enrolment, then asks for the code; recovery codes work once', async () => {
    const c = new Client(s, '10.10.2.1');
    const r = await c.login('demo-city');
    expect(r.status).toBe(200);
    expect(r.body.user.mustEnrollTotp).toBe(true);
    const blocked = await c.get('/api/regions');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect((await c.get('/api/account/totp')).body).toMatchObject({ enabled: false, required: true });

    const setup = await c.post('/api/account/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*demo-city\?secret=[A-Z2-7]+.*issuer=/);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = setup.body.secret as string;
    // as stored (the server's reads decrypt: look at the table without its plugins)
    const stored = await s.deps.db
      .withoutPlugins()
      .selectFrom('users')
      .select(['totp_pending_secret', 'totp_secret'])
      .where('login_name', '=', 'demo-city')
      .executeTakeFirstOrThrow();
    expect(stored.totp_pending_secret).toMatch(/^enc:/); // encrypted at rest
    expect(stored.totp_pending_secret).not.toContain(secret);

    expect((await c.post('/api/account/totp/enable', { code: otherCode(await totp(secret)) })).status).toBe(400);
    const enabled = await c.post('/api/account/totp/enable', { code: await totp(secret) });
    expect(enabled.status).toBe(200);
    const codes = enabled.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const hashes = await s.deps.db
      .selectFrom('totp_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', await userIdOf(s, { login: 'demo-city' }))
      .execute();
    expect(hashes.map((h) => h.code_hash)).not.toContain(codes[0]);
    expect((await c.get('/api/regions')).status).toBe(200);
    expect((await c.post('/api/account/totp/setup')).status).toBe(409);

    // the next login asks for the code; a recovery code does instead, once
    const login = async () => {
      const x = new Client(s, '10.10.2.1');
      return { x, ticket: (await x.login('demo-city')).body.ticket as string };
    };
    const a = await login();
    expect((await secondStep(a.x, a.ticket, codes[0]!.toLowerCase())).status).toBe(200);
    const b = await login();
    expect((await secondStep(b.x, b.ticket, codes[0]!)).body.code).toBe('INVALID_TOTP');
    expect((await secondStep(b.x, b.ticket, codes[1]!)).status).toBe(200);
    expect((await b.x.get('/api/account/totp')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 8 });

    // switching it off takes the password and a code; then enrolment is due again
    expect((await b.x.post('/api/account/totp/disable', { password: 'Wrong#pass1', code: await totp(secret, 1) })).body.message).toBe(
      '密码不正确',
    );
    expect((await b.x.post('/api/account/totp/disable', { password: DEMO_PASSWORD, code: await totp(secret, 1) })).status).toBe(200);
    expect((await b.x.get('/api/auth/me')).body.user).toMatchObject({ totpEnabled: false, mustEnrollTotp: true });
    expect((await b.x.get('/api/regions')).body.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const actions = (await s.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'auth.totp.%').execute()).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['auth.totp.enable', 'auth.totp.recovery_used', 'auth.totp.disable']));
  });

  it('does not ask admins whose role does not require 2FA', async () => {
    const r = await new Client(s).login('demo-county');
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ mustEnrollTotp: false, totpEnabled: false });
  });
});
