// Findings of the outside security test, replayed: a 1 MB xlsx holding 25 million shared strings
// stalled every request for ~30 s and took 3 GB at both spreadsheet imports; an evidence file named
// `evil\u202efdp.exe` was shown as «evilexe.pdf» and downloaded as .exe. Uploads go over a real
// socket while /api/health is timed over another, so a blocked event loop would show.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, institutionId, makeClass, makeProject, multipartFile, TINY_PDF } from './classes-fixtures.ts';
import { HEADER, sheet, teacherOf } from './credits-helpers.ts';
import { TEST_DB, loginAs, userIdOf, startTestServer, type Client, type TestServer } from './harness.ts';
import { PDF, submitClaim } from './matrix/credit-claims.ts';
import { sharedStringsBomb, xlsxWithStrings } from './xlsx-bombs.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SCORE_HEADER = ['学员编号', '姓名', '证件号码', '单位', '集中学习', '网络学习'];
const TOO_LARGE = '文件解压后过大，请检查文件或拆分后再导入';
/** Lower than the default (2 million) so that a too-big sheet is quick to build; the same check either way. */
const MAX_CELLS = 20_000;

let s: TestServer;
let base = '';
let school: Client, inst: Client, teacher: Client;
let classId = 0,
  enrollmentId = 0;
let li: Awaited<ReturnType<typeof teacherOf>>;
let bomb: Buffer, lyingBomb: Buffer;

beforeAll(async () => {
  s = await startTestServer({ spreadsheet: { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 200, maxCells: MAX_CELLS } });
  base = await s.app.listen({ port: 0, host: '127.0.0.1' });
  school = await loginAs(s, 'demo-school');
  inst = await loginAs(s, 'demo-institution');
  teacher = await loginAs(s, 'demo-teacher');
  li = await teacherOf(s, 'demo-teacher');
  const db = s.deps.db;
  const projectId = await makeProject(db, { name: '上传加固测试项目' });
  classId = await makeClass(db, projectId, await institutionId(db, 'INST-01'), '加固班');
  enrollmentId = await enrol(db, projectId, await userIdOf(s, { login: 'demo-teacher' }), classId);
  // 25 million strings: 425 MB of XML, about 1 MB compressed; once honest, once declaring 1 MB
  const sst = await sharedStringsBomb(HEADER, 25_000_000);
  bomb = xlsxWithStrings(HEADER, sst);
  lyingBomb = xlsxWithStrings(HEADER, sst, 1024 * 1024);
}, 180_000);
afterAll(async () => {
  await s?.close();
});

const importUrl = { schoolBased: '/api/credits/school-based/import', scores: () => `/api/classes/${classId}/scores/import` };

/** A multipart upload over the listening socket, with the client's session and CSRF token. */
async function httpUpload(c: Client, url: string, data: Buffer, name = '导入.xlsx', type = XLSX) {
  const f = multipartFile(name, data, type);
  const res = await fetch(base + url, {
    method: 'POST',
    body: f.body,
    headers: { ...f.headers, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': c.csrf! },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}

/** Runs the upload while timing /api/health every 50 ms and sampling the process's RSS (worker threads included). */
async function measured<T>(upload: () => Promise<T>) {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const health: number[] = [];
  let done = false;
  const pinger = (async () => {
    while (!done) {
      const t = performance.now();
      const r = await fetch(`${base}/api/health`);
      await r.arrayBuffer();
      health.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`health ${r.status}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  })();
  const t0 = performance.now();
  const result = await upload();
  const ms = performance.now() - t0;
  done = true;
  await pinger;
  clearInterval(sampler);
  loop.disable();
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    result,
    ms,
    rssGrowthMb: (peak - rss0) / 1024 / 1024,
    slowestHealthMs: Math.max(...health),
    healthChecks: health.length,
    loopDelayMaxMs: loop.max / 1e6,
  };
}

describe(`upload hardening: zip bombs at the spreadsheet imports (${TEST_DB})`, () => {
  it('refuses the 25-million-string bomb at both imports, quickly, in bounded memory, while the server keeps answering', async () => {
    expect(bomb.length).toBeLessThan(1.5 * 1024 * 1024);
    for (const [c, url] of [
      [school, importUrl.schoolBased],
      [inst, importUrl.scores()],
    ] as const) {
      const m = await measured(() => httpUpload(c, url, bomb));
      console.log(
        `[bomb ${url}] refused in ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(0)} MB, slowest of ${m.healthChecks} health checks ${m.slowestHealthMs.toFixed(0)} ms, event loop delay max ${m.loopDelayMaxMs.toFixed(0)} ms`,
      );
      expect(m.result.status, JSON.stringify(m.result.body)).toBe(400);
      expect(m.result.body).toMatchObject({ code: 'SPREADSHEET_TOO_LARGE', message: TOO_LARGE });
      expect(m.rssGrowthMb).toBeLessThan(300);
      expect(m.healthChecks).toBeGreaterThan(0);
      expect(m.slowestHealthMs).toBeLessThan(1000);
    }
  });

  it('refuses the same bomb when its header declares 1 MB: inflating stops at the limit', async () => {
    for (const [c, url] of [
      [school, importUrl.schoolBased],
      [inst, importUrl.scores()],
    ] as const) {
      const m = await measured(() => httpUpload(c, url, lyingBomb));
      console.log(
        `[lying header ${url}] refused in ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(0)} MB, slowest health ${m.slowestHealthMs.toFixed(0)} ms, event loop delay max ${m.loopDelayMaxMs.toFixed(0)} ms`,
      );
      expect(m.result.status).toBe(400);
      expect(m.result.body.message).toBe(TOO_LARGE);
      expect(m.rssGrowthMb).toBeLessThan(300);
      expect(m.slowestHealthMs).toBeLessThan(1000);
    }
  });

  it('refuses a sheet with more cells than the limit, and one with more rows than an import takes', async () => {
    const wide = Array.from({ length: 2100 }, (_, i) => [String(i), '姓名', 2025, '2025-12-10', '研修', 1, 1, 'x', 'y', 'z']);
    for (const [c, url, head] of [
      [school, importUrl.schoolBased, HEADER],
      [inst, importUrl.scores(), SCORE_HEADER],
    ] as const) {
      const r = await httpUpload(c, url, await sheet([...head], wide));
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({
        code: 'SPREADSHEET_TOO_MANY_CELLS',
        message: '表格的单元格过多（超过 20,000 个），请删除多余的行、列或工作表，或拆分后再导入',
      });
    }
    const long = Array.from({ length: 5001 }, (_, i) => [String(i + 1), '某']);
    for (const [c, url, head] of [
      [school, importUrl.schoolBased, HEADER],
      [inst, importUrl.scores(), SCORE_HEADER],
    ] as const) {
      const r = await httpUpload(c, url, await sheet([...head], long));
      expect(r.status).toBe(400);
      expect(r.body.message).toBe('一次最多导入 5000 行，请分成几个文件上传');
    }
  });

  it('still imports a valid file at both imports', async () => {
    const title = '上传加固：校本研修';
    const sb = await httpUpload(
      school,
      importUrl.schoolBased,
      await sheet(HEADER, [[li.id_number, li.name, 2025, '2025-12-10', title, 1, null]]),
    );
    expect(sb.status, JSON.stringify(sb.body)).toBe(200);
    expect(sb.body).toMatchObject({ total: 1, posted: 1, errors: 0 });
    const sc = await httpUpload(inst, importUrl.scores(), await sheet(SCORE_HEADER, [[enrollmentId, '李秀英', '', '', 88, 90]]));
    expect(sc.status, JSON.stringify(sc.body)).toBe(200);
    expect(sc.body).toMatchObject({ total: 1, updated: 1, errors: 0 });
  });
});

describe(`upload hardening: file names (${TEST_DB})`, () => {
  it('stores, shows and serves `evil\\u202efdp.exe` (a PDF) as evilfdp.pdf', async () => {
    const r = await submitClaim(
      teacher,
      { claimType: 'research', year: new Date().getUTCFullYear() - 3, title: '加固：文件名', quantity: 1 },
      [{ name: 'evil\u202efdp.exe', data: PDF, type: 'application/x-msdownload' }],
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const file = r.body.claim.files[0] as { id: number; name: string; mime: string; url: string };
    expect(file).toMatchObject({ name: 'evilfdp.pdf', mime: 'application/pdf' });
    const row = await s.deps.db
      .selectFrom('credit_claim_files')
      .select(['file_name', 'stored_name'])
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row.file_name).toBe('evilfdp.pdf');
    expect(row.stored_name).toMatch(/\.pdf$/);
    const mine = (await teacher.get('/api/credit-claims/mine')).body;
    expect(JSON.stringify(mine)).not.toContain('\u202e');
    const dl = await teacher.get(`${file.url}?download=1`);
    expect(dl.status).toBe(200);
    expect(dl.raw.headers['content-type']).toBe('application/pdf');
    expect(dl.raw.headers['content-disposition']).toBe(`attachment; filename="evidence.pdf"; filename*=UTF-8''evilfdp.pdf`);
  });

  it('cleans the name of a notice attachment the same way', async () => {
    const f = multipartFile('报到须知\u2066\u202e.exe\u2069.pdf', TINY_PDF);
    const r = await inst.request('POST', `/api/classes/${classId}/notice/files`, f.body, f.headers);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    expect(r.body.file.fileName).toBe('报到须知.exe.pdf');
    const g = multipartFile('a\u202efdp.exe', TINY_PDF);
    const r2 = await inst.request('POST', `/api/classes/${classId}/notice/files`, g.body, g.headers);
    expect(r2.body.file.fileName).toBe('afdp.pdf');
  });
});
