// 学分证书 and 结业证书: issue (and reuse when nothing changed), 我的证书, PDF download by holder
// or admin in scope, and the public verification page's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postCreditEntry, type NewCreditEntry } from '../src/modules/credits/ledger.ts';
import { certificateHolder, issueCertificate } from '../src/modules/certificates/issue.ts';
import {
  CODE_ALPHABET,
  formatCertificateCode,
  maskName,
  newCertificateCode,
  normalizeCertificateCode,
} from '../src/modules/certificates/codes.ts';
import { makeIdNumber } from '@shixun/domain';
import { Client, TEST_DB, loginAs, startTestServer, userIdOf, type TestServer } from './harness.ts';

let s: TestServer;
let teacher: Client, teacherId: number;
/** a teacher registered for these tests: no demo credits, so the figures below are exactly what we post */
let fresh: Client, freshId: number, freshIdNumber: string;
const thisYear = new Date().getUTCFullYear();
const ctx = { ip: '127.0.0.1', requestId: 'certificates-test' };

async function credit(teacherId: number, e: Partial<NewCreditEntry> & { amount: number; category: string; form: NewCreditEntry['form'] }) {
  await s.deps.db.transaction().execute((trx) =>
    postCreditEntry(trx, ctx, {
      teacherId,
      date: `${thisYear}-01-15`,
      year: thisYear,
      title: '测试培训',
      source: 'adjustment',
      level: 'county',
      certifier: { id: null, name: '测试', unit: '兴宁区教育局' },
      ...e,
    }),
  );
}
const count = async (table: 'certificates' | 'audit_log') =>
  Number(
    (
      await s.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const issueAudits = async () =>
  Number(
    (
      await s.deps.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'certificate.issue')
        .executeTakeFirstOrThrow()
    ).n,
  );
const currentCycle = async (c: Client) => (await c.get('/api/certificates/credit/options')).body.currentCycleId as string;

/** Registers a teacher at demo-school's school, has the school admin approve, and logs in. */
async function newTeacher(name: string) {
  const school = await loginAs(s, 'demo-school');
  const schoolId = (await school.get('/api/auth/me')).body.user.scope.schoolId;
  const idNumber = makeIdNumber('450102', '1991-05-06', 777);
  const reg = await new Client(s).post('/api/auth/register', { idNumber, name, phone: '13700007777', schoolId, password: 'Cert#2026x' });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const id = await userIdOf(s, { idNumber });
  expect((await school.post(`/api/registrations/${id}/approve`)).status).toBe(200);
  return { client: await loginAs(s, idNumber, 'Cert#2026x'), id, idNumber };
}

beforeAll(async () => {
  s = await startTestServer();
  teacher = await loginAs(s, 'demo-teacher');
  const t = await newTeacher('欧阳晓梅');
  fresh = t.client;
  freshId = t.id;
  freshIdNumber = t.idNumber;
  teacherId = await userIdOf(s, { login: 'demo-teacher' });
  await credit(freshId, { amount: 6, category: 'public_required', form: 'online' });
  await credit(freshId, { amount: 10, category: 'school_based', form: 'school_based', level: 'school' });
});
afterAll(async () => {
  await s?.close();
});

describe('verification codes', () => {
  it('are 16 characters of an unambiguous alphabet, printed grouped, and read back forgivingly', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCertificateCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${CODE_ALPHABET}]{16}$`));
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const c = [...codes][0]!;
    const shown = formatCertificateCode(c);
    expect(shown).toMatch(/^SX-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normalizeCertificateCode(shown)).toBe(c);
    expect(normalizeCertificateCode(` ${shown.toLowerCase().replaceAll('-', ' ')} `)).toBe(c);
    expect(normalizeCertificateCode(c)).toBe(c);
    expect(normalizeCertificateCode('SX-0000-1111-OOOO-IIII')).toBeNull();
    expect(normalizeCertificateCode('SX-2222')).toBeNull();
  });

  it('mask names so they can be recognised but not read whole', () => {
    expect(maskName('李秀英')).toBe('李*英');
    expect(maskName('王伟')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李')).toBe('*');
  });
});

describe(`学分证书 (${TEST_DB})`, () => {
  it('issues a certificate of the current cycle, lists it, and downloads it as a one-page PDF with the Chinese font', async () => {
    const cycleId = await currentCycle(fresh);
    const audits = await issueAudits();
    const r = await fresh.post('/api/certificates/credit', { cycleId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.reused).toBe(false);
    const cert = r.body.certificate;
    expect(cert).toMatchObject({ kind: 'credit', kindLabel: '学分证书', status: 'valid', statusLabel: '有效' });
    expect(cert.title).toMatch(/周期学分证书$/);
    expect(cert.code).toMatch(/^SX(-[A-Z2-9]{4}){4}$/);
    expect(cert.verifyPath).toBe(`/verify/${cert.code}`);
    expect(await issueAudits()).toBe(audits + 1);
    const audit = await s.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'certificate.issue')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).not.toContain(cert.code.replaceAll('-', '').slice(2));

    // what was frozen: the holder with a masked ID number, the table and the policy version
    const row = await s.deps.db.selectFrom('certificates').selectAll().where('id', '=', cert.id).executeTakeFirstOrThrow();
    const p = row.payload as Record<string, any>;
    expect(p.teacher).toMatchObject({
      name: '欧阳晓梅',
      idNumberMasked: `${freshIdNumber.slice(0, 6)}********${freshIdNumber.slice(-4)}`,
      school: '兴宁区第一小学',
    });
    expect(JSON.stringify(p)).not.toContain(freshIdNumber);
    expect(p.categories.map((c: { name: string }) => c.name)).toEqual(['公共必修', '专业选修', '自主选修', '校本研修课程']);
    // the 办法 sets no amount for any 学分类型 (issue 9, ruling 1): 公共必修 shows what was earned, required 0
    expect(p.categories[0]).toMatchObject({ earned: 6, required: 0 });
    expect(p.total).toMatchObject({ counted: 16, required: 120 });
    expect(p.compliant).toBe(false);
    expect(p.result).toBe('尚未达标（学习中），合计 16/120 学分');
    expect(p.policy).toMatchObject({ id: 'guangxi', version: 1, name: '广西中小学教师培训学分认定和管理办法' });
    expect(row.policy_version).toBe(1);

    const list = await fresh.get('/api/certificates/mine');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { code: string }) => c.code)).toContain(cert.code);

    const pdf = await fresh.get(`/api/certificates/${cert.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.headers['content-disposition']).toContain(encodeURIComponent('学分证书'));
    const bytes = pdf.raw.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000); // the CJK subset, the QR image and the text
    const text = bytes.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toContain('NotoSansCJKsc');
    expect(text).toContain('/Subtype /Image');
  });

  it('hands back the same certificate while the figures are unchanged, and a new one when they change', async () => {
    const cycleId = await currentCycle(fresh);
    const first = await fresh.post('/api/certificates/credit', { cycleId });
    const before = await count('certificates');
    const again = await fresh.post('/api/certificates/credit', { cycleId });
    expect(again.status).toBe(200);
    expect(again.body.reused).toBe(true);
    expect(again.body.certificate.code).toBe(first.body.certificate.code);
    expect(await count('certificates')).toBe(before);

    await credit(freshId, { amount: 2, category: 'self_elective', form: 'online' });
    const changed = await fresh.post('/api/certificates/credit', { cycleId });
    expect(changed.status).toBe(201);
    expect(changed.body.certificate.code).not.toBe(first.body.certificate.code);
    // a year's certificate is another certificate, and is reused in its turn
    const year = await fresh.post('/api/certificates/credit', { year: thisYear });
    expect(year.status).toBe(201);
    expect(year.body.certificate.title).toBe(`${thisYear} 年度学分证书`);
    expect((await fresh.post('/api/certificates/credit', { year: thisYear })).body.certificate.code).toBe(year.body.certificate.code);
    expect(await count('certificates')).toBe(before + 2);
  });

  it('issues one certificate when the same request arrives twice at once', async () => {
    const t2 = await loginAs(s, 'demo-teacher2');
    const [a, b] = await Promise.all([
      t2.post('/api/certificates/credit', { year: thisYear }),
      t2.post('/api/certificates/credit', { year: thisYear }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.certificate.code).toBe(b.body.certificate.code);
  });

  it('refuses cycles and years it cannot certify, in Chinese, and creates nothing', async () => {
    const before = await count('certificates');
    const bad: [unknown, RegExp][] = [
      [{ cycleId: 'nope' }, /没有这个培训周期/],
      [{ year: thisYear + 1 }, /尚未开始|不在当前学分政策/],
      [{ year: 1999 }, /年度不正确/],
      [{}, /培训周期或年度/],
      [{ cycleId: 'fyp14', year: 2024 }, /培训周期或年度/],
    ];
    for (const [body, msg] of bad) {
      const r = await teacher.post('/api/certificates/credit', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message, JSON.stringify(body)).toMatch(msg);
    }
    expect(await count('certificates')).toBe(before);
  });
});

describe(`public verification (${TEST_DB})`, () => {
  it('shows anyone the masked name, what is certified and the result, and nothing personal', async () => {
    const cert = (await fresh.post('/api/certificates/credit', { cycleId: 'fyp14' })).body.certificate;
    const anon = new Client(s, '10.9.0.1');
    const r = await anon.get(`/api/public/certificates/${cert.code}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      valid: true,
      revoked: false,
      kind: 'credit',
      kindLabel: '学分证书',
      name: '欧**梅',
      code: cert.code,
      title: '十四五周期学分证书',
    });
    expect(r.body.subject).toBe('十四五周期（2021–2025 年）学分');
    expect(r.body.result).toBe('未达标，合计 0/120 学分');
    const raw = JSON.stringify(r.body);
    expect(raw).not.toContain('欧阳晓梅');
    expect(raw).not.toContain(freshIdNumber.slice(-4));
    expect(raw).not.toContain('第一小学');
    // typed by hand: lower case, spaces instead of dashes, without the prefix
    const typed = cert.code.slice(3).toLowerCase().replaceAll('-', ' ');
    expect((await anon.get(`/api/public/certificates/${encodeURIComponent(typed)}`)).body.code).toBe(cert.code);
    const demo = (await teacher.post('/api/certificates/credit', { cycleId: 'fyp14' })).body.certificate;
    expect((await anon.get(`/api/public/certificates/${demo.code}`)).body.name).toBe('李*英');
  });

  it('answers an unknown or malformed code with 404 and a clear message', async () => {
    const anon = new Client(s, '10.9.0.2');
    for (const code of ['SX-2222-3333-4444-5555', 'hello', 'SX-0000-0000-0000-0000']) {
      const r = await anon.get(`/api/public/certificates/${code}`);
      expect(r.status).toBe(404);
      expect(r.body.message).toMatch(/未找到该证书，请核对验证码/);
    }
  });

  it('says 已撤销 for a revoked certificate, and issuing again makes a new one', async () => {
    const t2 = await loginAs(s, 'demo-teacher2');
    const cert = (await t2.post('/api/certificates/credit', { cycleId: 'fyp14' })).body.certificate;
    await s.deps.db.updateTable('certificates').set({ revoked_at: new Date() }).where('id', '=', cert.id).execute();
    const r = await new Client(s, '10.9.0.3').get(`/api/public/certificates/${cert.code}`);
    expect(r.body).toMatchObject({ valid: false, revoked: true, name: '王*' });
    const mine = await t2.get('/api/certificates/mine');
    expect(mine.body.items.find((c: { id: number }) => c.id === cert.id)).toMatchObject({ status: 'revoked', statusLabel: '已撤销' });
    const again = await t2.post('/api/certificates/credit', { cycleId: 'fyp14' });
    expect(again.status).toBe(201);
    expect(again.body.certificate.code).not.toBe(cert.code);
    const pdf = await t2.get(`/api/certificates/${cert.id}/pdf`);
    expect(pdf.status).toBe(200); // still downloadable by its holder, marked 已撤销 on the page
  });

  it('is rate-limited per address like the login', async () => {
    const anon = new Client(s, '10.9.0.4');
    const statuses: number[] = [];
    for (let i = 0; i <= s.config.rateLimit.loginPerMinutePerIp; i++)
      statuses.push((await anon.get('/api/public/certificates/SX-2222-3333-4444-5555')).status);
    expect(statuses.at(-2)).toBe(404);
    expect(statuses.at(-1)).toBe(429);
    expect((await new Client(s, '10.9.0.5').get('/api/public/certificates/SX-2222-3333-4444-5555')).status).toBe(404);
  });
});

describe(`who may download a certificate (${TEST_DB})`, () => {
  it('the holder and admins whose scope covers the holder; others get 404; other roles 403', async () => {
    const cert = (await teacher.post('/api/certificates/credit', { cycleId: 'fyp14' })).body.certificate;
    const url = `/api/certificates/${cert.id}/pdf`;
    for (const acc of ['demo-school', 'demo-county', 'demo-city', 'demo-province']) {
      const r = await (await loginAs(s, acc)).get(url);
      expect(r.status, acc).toBe(200);
      expect(r.raw.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    }
    for (const acc of ['demo-teacher2', 'demo-school2', 'demo-county2', 'demo-city2']) {
      expect((await (await loginAs(s, acc)).get(url)).status, acc).toBe(404);
    }
    for (const acc of ['demo-institution', 'demo-sys', 'demo-security', 'demo-audit']) {
      expect((await (await loginAs(s, acc)).get(url)).status, acc).toBe(403);
    }
    expect((await new Client(s).get(url)).status).toBe(401);
    expect((await teacher.get('/api/certificates/999999/pdf')).status).toBe(404);
  });

  it('lets only teachers issue and list their own certificates', async () => {
    const school = await loginAs(s, 'demo-school');
    expect((await school.post('/api/certificates/credit', { cycleId: 'fyp14' })).status).toBe(403);
    expect((await school.get('/api/certificates/mine')).status).toBe(403);
    expect((await school.get('/api/certificates/credit/options')).status).toBe(403);
    const t2 = await loginAs(s, 'demo-teacher2');
    const theirs = (await t2.get('/api/certificates/mine')).body.items.map((c: { id: number }) => c.id);
    const mine = (await teacher.get('/api/certificates/mine')).body.items.map((c: { id: number }) => c.id);
    expect(theirs.filter((id: number) => mine.includes(id))).toEqual([]);
    expect(mine.length).toBeGreaterThan(0);
  });
});

describe(`结业证书 through the same issueCertificate (${TEST_DB})`, () => {
  it('lists, verifies and prints a completion certificate', async () => {
    const row = await s.deps.db.transaction().execute(async (trx) =>
      issueCertificate(trx, ctx, {
        kind: 'completion',
        teacherId,
        title: '2026 年国培计划结业证书',
        policyVersion: null,
        payload: {
          teacher: await certificateHolder(trx, teacherId),
          subject: '国培计划（2026）小学语文骨干教师培训',
          result: '合格',
          facts: [
            { label: '培训时间', value: '2026-07-01 至 2026-07-10' },
            { label: '学时', value: '60' },
          ],
        },
      }),
    );
    const list = (await teacher.get('/api/certificates/mine')).body.items;
    expect(list.find((c: { id: number }) => c.id === row.id)).toMatchObject({ kind: 'completion', kindLabel: '结业证书', result: '合格' });
    const v = await new Client(s, '10.9.0.6').get(`/api/public/certificates/${formatCertificateCode(row.code)}`);
    expect(v.body).toMatchObject({
      valid: true,
      kindLabel: '结业证书',
      subject: '国培计划（2026）小学语文骨干教师培训',
      result: '合格',
      name: '李*英',
    });
    const pdf = await teacher.get(`/api/certificates/${row.id}/pdf`);
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(
      s.deps.db.transaction().execute((trx) =>
        issueCertificate(trx, ctx, {
          kind: 'completion',
          teacherId,
          title: ' ',
          policyVersion: null,
          payload: { teacher: { name: 'x', idNumberMasked: null, school: '', region: '' }, subject: 'x', result: '合格' },
        }),
      ),
    ).rejects.toThrow('证书名称不能为空');
  });
});
