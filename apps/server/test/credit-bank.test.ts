// 学分银行: a teacher's whole ledger with totals that add up to it (per year, cycle, source), filters,
// pages, reversed entries shown as such, the xlsx and PDF exports, and who may read whose bank.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestCtx } from '../src/context.ts';
import { postCreditEntry, reverseCreditEntry, type NewCreditEntry } from '../src/modules/credits/ledger.ts';
import { newTeacher, type NewTeacher } from './factories.ts';
import { TEST_DB, loginAs, startTestServer, type Client, type TestServer } from './harness.ts';

let s: TestServer;
let t: NewTeacher;
let teacher: Client;
let reversedId = 0;
const ctx: RequestCtx = { ip: '127.0.0.1', requestId: 'credit-bank-test' };

interface Sum {
  amount: number;
  hours: number;
  entries: number;
}

function entry(e: Partial<NewCreditEntry> & Pick<NewCreditEntry, 'year' | 'amount' | 'source'>): NewCreditEntry {
  return {
    teacherId: t.id,
    date: `${e.year}-06-15`,
    category: 'public_required',
    form: 'online',
    title: `测试学习 ${e.year} ${e.source}`,
    level: 'county',
    certifier: { id: null, name: '测试区教育局', unit: '测试区教育局' },
    hours: e.amount * 10,
    ...e,
  } as NewCreditEntry;
}

beforeAll(async () => {
  s = await startTestServer();
  t = await newTeacher(s, { name: '郑学分' });
  await s.deps.db.transaction().execute(async (trx) => {
    await postCreditEntry(trx, ctx, entry({ year: 2019, amount: 3, source: 'import', title: '外省转入：信息技术培训' }));
    await postCreditEntry(trx, ctx, entry({ year: 2022, amount: 6, source: 'project' }));
    await postCreditEntry(
      trx,
      ctx,
      entry({ year: 2022, amount: 2.5, source: 'school_based', category: 'school_based', form: 'school_based' }),
    );
    await postCreditEntry(trx, ctx, entry({ year: 2024, amount: 4, source: 'elective', category: 'self_elective' }));
    await postCreditEntry(trx, ctx, entry({ year: 2024, amount: 1.25, source: 'claim', category: 'professional_elective' }));
    const dup = await postCreditEntry(trx, ctx, entry({ year: 2024, amount: 6, source: 'project', title: '重复录入的项目' }));
    reversedId = dup.id;
    await reverseCreditEntry(trx, ctx, dup.id, '重复录入', { id: null, name: '测试区教育局', unit: '测试区教育局' });
    await postCreditEntry(trx, ctx, entry({ year: 2026, amount: 2, source: 'adjustment', reason: '补录' }));
  });
  teacher = await t.client();
});
afterAll(async () => {
  await s?.close();
});

const sumOf = (xs: Sum[]) => Math.round(xs.reduce((a, x) => a + x.amount * 100, 0)) / 100;

describe(`学分银行 (${TEST_DB})`, () => {
  it('totals per year, cycle and source add up to the ledger', async () => {
    const r = await teacher.get('/api/credit-bank/me');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ledger = await s.deps.db
      .selectFrom('credit_entries')
      .select((eb) => [eb.fn.sum<string>('amount_h').as('h'), eb.fn.countAll<string>().as('n')])
      .where('teacher_id', '=', t.id)
      .executeTakeFirstOrThrow();
    const b = r.body;
    expect(b.total.amount).toBe(Number(ledger.h) / 100);
    expect(b.total.amount).toBe(18.75); // 3 + 6 + 2.5 + 4 + 1.25 + 6 − 6 + 2
    expect(b.total.entries).toBe(Number(ledger.n));
    expect(sumOf(b.years)).toBe(b.total.amount);
    expect(sumOf(b.cycles)).toBe(b.total.amount);
    expect(sumOf(b.sources)).toBe(b.total.amount);
    expect(sumOf(b.categories)).toBe(b.total.amount);
    expect(b.years.map((y: { year: number }) => y.year)).toEqual([2026, 2024, 2022, 2019]);
    const cycles = Object.fromEntries(b.cycles.map((c: Sum & { id: string }) => [c.id, c.amount]));
    expect(cycles).toEqual({ fyp15: 2, fyp14: 13.75, outside: 3 });
    const y2024 = b.years.find((y: { year: number }) => y.year === 2024);
    expect(y2024).toMatchObject({ amount: 5.25, entries: 4 });
    expect(b.sources.find((x: { source: string }) => x.source === 'reversal')).toMatchObject({ label: '冲销', amount: -6 });
    expect(b.entries.total).toBe(Number(ledger.n));
  });

  it('shows a reversed entry and its reversal as such', async () => {
    const r = await teacher.get('/api/credit-bank/me?year=2024&pageSize=100');
    const items = r.body.entries.items as {
      id: number;
      reversalOf: number | null;
      reversedBy: { reason: string } | null;
      sourceLabel: string;
    }[];
    const original = items.find((e) => e.id === reversedId);
    expect(original?.reversedBy?.reason).toBe('重复录入');
    const reversal = items.find((e) => e.reversalOf === reversedId);
    expect(reversal?.sourceLabel).toBe('冲销');
  });

  it('filters by year, source and 学分类型, and pages', async () => {
    const bySource = await teacher.get('/api/credit-bank/me?source=project');
    expect(bySource.body.entries.items.every((e: { source: string }) => e.source === 'project')).toBe(true);
    expect(bySource.body.entries.sum).toEqual({ amount: 12, hours: 120, entries: 2 });
    const byCat = await teacher.get('/api/credit-bank/me?category=self_elective');
    expect(byCat.body.entries.items.map((e: { title: string }) => e.title)).toEqual(['测试学习 2024 elective']);
    // the unfiltered totals stay what they were
    expect(byCat.body.total.amount).toBe(18.75);
    const p1 = await teacher.get('/api/credit-bank/me?pageSize=3&page=1');
    const p3 = await teacher.get('/api/credit-bank/me?pageSize=3&page=3');
    expect(p1.body.entries.items).toHaveLength(3);
    expect(p3.body.entries.items).toHaveLength(2);
    expect(p1.body.entries.items[0].date >= p3.body.entries.items[0].date).toBe(true);
    expect((await teacher.get('/api/credit-bank/me?category=nope')).status).toBe(400);
    expect((await teacher.get('/api/credit-bank/me?source=nope')).status).toBe(400);
    expect(bySource.body.options.years).toEqual([2026, 2024, 2022, 2019]);
  });

  it('exports the filtered record as a real xlsx and a PDF, audited', async () => {
    const x = await teacher.request('GET', '/api/credit-bank/me/export.xlsx?year=2024');
    expect(x.status).toBe(200);
    const buf = x.raw.rawPayload;
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('学分明细');
    expect(ws?.rowCount).toBe(2 + 4); // title, header, the four 2024 rows
    const states = (ws?.getColumn(11).values ?? []).slice(3).map(String);
    expect(states.filter((v) => v.startsWith('已冲销'))).toHaveLength(1);
    expect(states).toContain(`冲销第 ${reversedId} 号记录`);
    const sums = wb.getWorksheet('合计');
    expect((sums?.getRow(2).values as unknown[]).slice(1)).toEqual(['合计', 18.75, 187.5, 8]);

    const p = await teacher.request('GET', '/api/credit-bank/me/export.pdf');
    expect(p.status).toBe(200);
    expect(p.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, p.raw.rawPayload);
    const audited = await s.deps.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'creditBank.export')
      .where('object_id', '=', String(t.id))
      .execute();
    expect(audited.map((a) => (a.detail as { format: string }).format).sort()).toEqual(['pdf', 'xlsx']);
  });

  it('lets an admin in scope read the bank; out of scope it does not exist', async () => {
    const school = await loginAs(s, 'demo-school');
    const r = await school.get(`/api/teachers/${t.id}/credit-bank`);
    expect(r.status).toBe(200);
    expect(r.body.teacher.name).toBe('郑学分');
    expect(r.body.total.amount).toBe(18.75);
    const x = await school.request('GET', `/api/teachers/${t.id}/credit-bank/export.xlsx`);
    expect(x.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await loginAs(s, 'demo-school2')).get(`/api/teachers/${t.id}/credit-bank`)).status).toBe(404);
    expect((await (await loginAs(s, 'demo-county2')).get(`/api/teachers/${t.id}/credit-bank`)).status).toBe(404);
    expect((await teacher.get(`/api/teachers/${t.id}/credit-bank`)).status).toBe(403);
    // a teacher's own bank is theirs alone: an admin has none
    expect((await school.get('/api/credit-bank/me')).status).toBe(403);
  });
});
