// 审计日志 as the audit admin reads it: Chinese actions and objects, the filters, the export (itself
// recorded), who may read it; every action the server writes has a Chinese label. Also the platform's
// public 客服 / time zone settings, the 学历 rule on the server, and the offline API reference.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_ACTION_LABELS } from '@shixun/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { dayStartMs } from '../src/modules/audit/audit-view.ts';
import { Client, loginAs, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
let audit: Client;
let teacher: Client;
let teacherName: string;
let changeId: number;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  s = await startTestServer();
  audit = await loginAs(s, 'demo-audit');
  teacher = await loginAs(s, 'demo-teacher');
  teacherName = (await teacher.get('/api/auth/me')).body.user.name;
  const filed = await teacher.post('/api/profile/changes', { changes: { gender: '男' }, reason: '登记有误' });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  changeId = filed.body.change.id;
});
afterAll(() => s?.close());

const list = (q: string) => audit.get(`/api/audit?pageSize=100&${q}`);

describe('审计日志 in Chinese', () => {
  it('names the action and the object: «<teacher> 的信息变更申请 #id — 提交信息变更申请»', async () => {
    const r = await list(`action=profileChange.create&objectId=${changeId}`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    const e = r.body.items[0];
    expect(e).toMatchObject({
      action: 'profileChange.create',
      actionLabel: '提交信息变更申请',
      objectLabel: `${teacherName} 的信息变更申请 #${changeId}`,
      summary: `${teacherName} 的信息变更申请 #${changeId} — 提交信息变更申请`,
      actorName: teacherName,
      // the scope as a clerk reads it, not as it is stored (school:<id>)
      actorScope: '兴宁区第一小学',
    });
    expect(e.requestId).toMatch(/\S{8,}/);
  });

  it('names people by their name and actions without an object by the action alone', async () => {
    const logins = await list('action=auth.login&result=success');
    const own = logins.body.items.find((e: { actorName: string }) => e.actorName === teacherName);
    expect(own.summary).toMatch(new RegExp(`^${teacherName}（账号 #\\d+） — 登录$`));
  });
});

describe('filters', () => {
  it('by a family of actions, a person, an object and a result', async () => {
    const auth = await list('action=auth');
    expect(auth.body.total).toBeGreaterThan(0);
    for (const e of auth.body.items) expect(e.action.startsWith('auth.')).toBe(true);
    // 'auth' does not reach actions that merely start with the same letters
    const partial = await list('action=aut');
    expect(partial.body.total).toBe(0);

    const mine = await list(`actor=${encodeURIComponent(teacherName)}`);
    expect(mine.body.total).toBeGreaterThan(0);
    for (const e of mine.body.items) expect(e.actorName).toContain(teacherName);
    // LIKE wildcards are text, not patterns
    expect((await list('actor=%25')).body.total).toBe(0);

    const obj = await list(`objectType=profileChange&objectId=${changeId}`);
    expect(obj.body.items.map((e: { action: string }) => e.action)).toEqual(['profileChange.create']);

    const failed = await list('result=failure');
    for (const e of failed.body.items) expect(e.result).toBe('failure');
  });

  it('by a date range in the deployment zone: today has the rows, a past range none, a reversed one is refused', async () => {
    expect((await list(`from=${today}&to=${today}&action=profileChange.create`)).body.total).toBe(1);
    expect((await list('from=2001-01-01&to=2001-12-31')).body.total).toBe(0);
    const reversed = await list('from=2025-02-01&to=2025-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.message).toBe('开始日期不能晚于结束日期');
    expect((await list('from=2025-13-01')).status).toBe(400);
    expect((await list('action=x%27%3Bdrop')).status).toBe(400);
  });

  it('a day starts at midnight in the zone (Shanghai is UTC+8, all year)', () => {
    expect(new Date(dayStartMs('2025-11-28', 'Asia/Shanghai')).toISOString()).toBe('2025-11-27T16:00:00.000Z');
    expect(new Date(dayStartMs('2025-07-01', 'Europe/Berlin')).toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(new Date(dayStartMs('2025-01-15', 'UTC')).toISOString()).toBe('2025-01-15T00:00:00.000Z');
  });
});

describe('export', () => {
  it('streams the filtered log as xlsx in Chinese, and records the export', async () => {
    const r = await audit.get(`/api/audit/export.xlsx?action=profileChange.create&objectId=${changeId}`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.raw.headers['content-disposition'])).toContain(encodeURIComponent('审计日志'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[1]).toEqual(expect.arrayContaining(['时间', '操作人', '操作', '对象', '摘要', '请求 ID']));
    expect(rows.length).toBe(3); // title, header, the one row
    expect(rows[2]).toEqual(expect.arrayContaining(['提交信息变更申请', `${teacherName} 的信息变更申请 #${changeId}`]));

    const recorded = await list('action=audit.export');
    expect(recorded.body.items[0]).toMatchObject({ actionLabel: '导出审计日志', result: 'success' });
    expect(recorded.body.items[0].detail).toMatchObject({ action: 'profileChange.create', objectId: String(changeId) });
  });

  it('refuses bad filters before writing anything', async () => {
    const r = await audit.get('/api/audit/export.xlsx?from=2025-03-01&to=2025-01-01');
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('开始日期不能晚于结束日期');
  });
});

describe('who may read the log', () => {
  it('only the audit admin: every other role, however high, is refused (the log has no region scope)', async () => {
    for (const acc of ['demo-teacher', 'demo-county', 'demo-province', 'demo-sys', 'demo-security']) {
      const c = acc === 'demo-teacher' ? teacher : await loginAs(s, acc);
      expect((await c.get('/api/audit')).status, acc).toBe(403);
      expect((await c.get('/api/audit/export.xlsx')).status, acc).toBe(403);
    }
    expect((await new Client(s).get('/api/audit/export.xlsx')).status).toBe(401);
  });
});

describe('every action the server writes has a Chinese label', () => {
  it('literal actions, both sides of a conditional, and the families built from a template', () => {
    const src = path.resolve(import.meta.dirname, '../src');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = path.join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.ts') && !n.endsWith('.test.ts')) files.push(p);
      }
    };
    walk(src);
    const missing: string[] = [];
    const labels = Object.keys(AUDIT_ACTION_LABELS);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (!/recordAudit(Now)?\(/.test(text)) continue;
      for (const m of text.matchAll(/\baction: ([^,\n]+),?\n/g)) {
        const expr = m[1]!;
        for (const lit of expr.matchAll(/'([a-zA-Z][\w.]*\.[\w.]+)'/g)) if (!AUDIT_ACTION_LABELS[lit[1]!]) missing.push(`${lit[1]} (${f})`);
        const tpl = expr.match(/^`([\w.]+)\$\{/);
        if (tpl && !labels.some((l) => l.startsWith(tpl[1]!))) missing.push(`${tpl[1]}* (${f})`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
    // the filter's families and the review levels read in Chinese too
    expect(AUDIT_ACTION_LABELS['enrollment.approve']).toBe('报名审核通过');
  });
});

describe('platform settings the web app reads', () => {
  it('the public configuration carries 客服 and the time zone', async () => {
    const r = await new Client(s).get('/api/public/config');
    expect(r.body).toMatchObject({ timeZone: 'Asia/Shanghai', support: { phone: expect.any(String), qq: expect.any(String) } });
  });

  it('客服 and the zone are configurable, and a wrong value stops the start with a Chinese message', () => {
    const c = loadConfig({
      SUPPORT_PHONE: '0771-1234567',
      SUPPORT_QQ: '800012345',
      SUPPORT_HOURS: '工作日 9:00–17:00',
      TIME_ZONE: 'Asia/Urumqi',
      SHIXUN_CONFIG: '/nonexistent.json',
    });
    expect(c.support).toEqual({ phone: '0771-1234567', qq: '800012345', hours: '工作日 9:00–17:00' });
    expect(c.timeZone).toBe('Asia/Urumqi');
    expect(() => loadConfig({ TIME_ZONE: 'Mars/Olympus', SHIXUN_CONFIG: '/nonexistent.json' })).toThrow('不是有效的时区名');
    expect(() => loadConfig({ SUPPORT_QQ: 'qq123', SHIXUN_CONFIG: '/nonexistent.json' })).toThrow('客服 QQ 应为数字');
  });
});

describe('profile rules on the server (the same as the web form)', () => {
  it('refuses 最高学历 below 初始学历 and changes nothing', async () => {
    const before = (await teacher.get('/api/profile')).body.profile;
    const r = await teacher.put('/api/profile', { initialEducation: '研究生', highestEducation: '大学本科' });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('最高学历（大学本科）不能低于初始学历（研究生）');
    expect(r.body.fields).toHaveProperty('highestEducation');
    const after = (await teacher.get('/api/profile')).body.profile;
    expect([after.initialEducation, after.highestEducation]).toEqual([before.initialEducation, before.highestEducation]);
    // checked against what is stored: lowering only 最高学历 below the stored 初始学历 is refused too
    expect((await teacher.put('/api/profile', { initialEducation: '大学本科', highestEducation: '研究生' })).status).toBe(200);
    expect((await teacher.put('/api/profile', { highestEducation: '大学专科' })).status).toBe(400);
    expect((await teacher.put('/api/profile', { highestEducation: '大学本科' })).status).toBe(200);
  });
});

describe('API reference (/api/docs)', () => {
  it('is in Chinese and switches off everything that needs the internet', async () => {
    const html = String((await new Client(s).get('/api/docs/')).raw.body).replace(/\s+/g, '');
    for (const needle of [
      '"agent":{"disabled":true}',
      '"mcp":{"disabled":true}',
      '"showDeveloperTools":"never"',
      '"telemetry":false',
      'zh-CN',
    ])
      expect(html).toContain(needle);
    expect(html).not.toMatch(/https:\/\/(cdn|fonts)\./);
    const spec = (await new Client(s).get('/api/openapi.json')).body;
    expect(spec.info.title).toBe('师训平台 API 参考');
    expect(spec.info.description).toContain('x-csrf-token');
    const named = new Map<string, string>(spec.tags.map((t: { name: string; 'x-displayName': string }) => [t.name, t['x-displayName']]));
    const used = new Set<string>();
    for (const ops of Object.values(spec.paths) as Record<string, { tags?: string[] }>[])
      for (const op of Object.values(ops)) for (const t of op.tags ?? []) used.add(t);
    for (const t of used) expect(named.get(t), t).toMatch(/[\u4e00-\u9fa5]/);
  });
});
