// Shared by the credits-*.test.ts files: counting what a request changed, and xlsx uploads.
import ExcelJS from 'exceljs';
import type { Client, TestServer } from './harness.ts';

/** Rows in the tables a credit write touches: a refused request must leave all of them as they were. */
export async function ledgerCounts(s: TestServer) {
  const n = async (t: 'credit_entries' | 'credit_summaries') =>
    Number(
      (
        await s.deps.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sum = await s.deps.db
    .selectFrom('credit_summaries')
    .select((eb) => eb.fn.sum<number>('amount_h').as('h'))
    .executeTakeFirstOrThrow();
  // refused requests are themselves audited (access.denied): what must not change is the record of business changes
  const audit = Number(
    (
      await s.deps.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '!=', 'access.denied')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { entries: await n('credit_entries'), summaries: await n('credit_summaries'), summed: Number(sum.h ?? 0), audit };
}

/** An xlsx file with the given header and rows, as a school would fill the template. */
export async function sheet(header: string[], rows: Array<Array<string | number | Date | null>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('校本研修');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const HEADER = ['证件号码', '姓名', '年度', '认定日期', '研修内容', '学分', '学时'];

export function upload(
  c: Client,
  url: string,
  data: Buffer,
  filename = '校本研修.xlsx',
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
) {
  const boundary = '----sxcredits' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

export async function teacherOf(s: TestServer, login: string) {
  return s.deps.db
    .selectFrom('users as u')
    .innerJoin('teachers as t', 't.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.id_number', 't.school_id'])
    .where('u.login_name', '=', login)
    .executeTakeFirstOrThrow();
}
