// The clerk's tools and the session's edges in the browser: the audit admin filters the log in Chinese
// and downloads the export; 批量通过 asks before it approves, the 退回 and 驳回 dialogs refuse an empty
// reason in Chinese (no uncaught error); a failed logout keeps the user in and offers 重试, the page says
// «已退出» only once the server confirmed; an ended session lands on the login page with «登录已过期».
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, choose, login, logout } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const LONG = { timeout: 20_000 };

/** Uncaught errors in the page: none is allowed. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a failed logout keeps the session and offers 重试; an ended session says 登录已过期', async () => {
  const page = await newPage(browser);
  const errors = watchErrors(page);
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**', LONG);
  // the 客服 contact is in the teacher's space's reach: on the login page (checked below) and via public config

  // the network refuses the logout: still logged in, told so, offered 重试
  await page.route('**/api/auth/logout', (r) => r.abort());
  await page.getByRole('button', { name: btn('退出登录') }).click();
  const failed = page.getByRole('dialog').filter({ hasText: '退出登录失败' });
  await failed.waitFor(LONG);
  expect(await failed.textContent()).toContain('您仍处于登录状态');
  expect(new URL(page.url()).pathname).toMatch(/^\/space\//);
  await shot(page, 'clerk-logout-failed');
  // 重试 with the network back: now the server ends the session and the login page says so
  await page.unroute('**/api/auth/logout');
  await failed.getByRole('button', { name: btn('重试') }).click();
  await page.waitForURL('**/login', LONG);
  await expect.poll(() => page.getByTestId('login-notice').textContent(), LONG).toContain('您已安全退出登录');
  expect(await page.getByTestId('support-contact').textContent()).toMatch(/客服|联系/);
  // the session is really gone: /api/auth/me answers 401
  expect((await page.request.get(`${baseUrl()}/api/auth/me`)).status()).toBe(401);

  // an ended session (here: its cookie gone) seen by the next request: back at login, told why
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**', LONG);
  // let the home page finish loading first: its late answers re-render the page under the click
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('menuitem', { name: /我的学分/ })
    .first()
    .waitFor(LONG);
  await page.context().clearCookies();
  // the next request notices: the click below, or a background refresh of the page that gets there first (on a loaded
  // machine) — either way the user lands on the login page, told why
  await page
    .getByRole('menuitem', { name: /我的学分/ })
    .first()
    .click({ timeout: 10_000 })
    .catch(() => {});
  await page.waitForURL('**/login', LONG);
  await expect.poll(() => page.getByTestId('login-notice').textContent(), LONG).toContain('登录已过期，请重新登录');
  await shot(page, 'clerk-session-expired');
  expect(errors).toEqual([]);
});

test('批量通过 asks first; the 退回 and 驳回 dialogs refuse an empty reason in Chinese', async () => {
  const page = await newPage(browser);
  const errors = watchErrors(page);
  await login(page, 'demo-county');
  await page.waitForURL((u) => u.pathname.startsWith('/admin'), LONG);
  await page.goto(`${baseUrl()}/admin/project-reviews`);
  const rows = page.getByTestId('reviews-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor(LONG);
  const before = await rows.count();
  await rows.first().locator('.ant-checkbox-input').check();
  await page.getByRole('button', { name: /批量通过（1）/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '通过选中的 1 条报名？' });
  await confirm.waitFor(LONG);
  await shot(page, 'clerk-batch-confirm');
  await confirm.getByRole('button', { name: btn('取消') }).click();
  await confirm.waitFor({ state: 'hidden' });
  expect(await rows.count()).toBe(before); // nothing was approved

  await page.getByRole('button', { name: btn('批量退回') }).click();
  const giveBack = page.getByRole('dialog').filter({ hasText: '退回' });
  await giveBack.waitFor(LONG);
  expect(await giveBack.textContent()).not.toContain('驳回');
  await giveBack.getByRole('button', { name: btn('退回') }).click();
  await expect.poll(() => giveBack.textContent(), LONG).toContain('请填写退回原因');
  await giveBack.getByRole('button', { name: btn('取消') }).click();
  await logout(page);

  // the school's registration queue: 驳回 with no reason is refused in the form, not by an uncaught error
  await login(page, 'demo-school');
  await page.waitForURL((u) => u.pathname.startsWith('/admin'), LONG);
  await page.goto(`${baseUrl()}/admin/registrations`);
  const reg = page.getByTestId('registrations-table').locator('tbody tr.ant-table-row').first();
  await reg.waitFor(LONG).catch(async (e) => {
    await shot(page, 'clerk-registrations-open');
    throw e;
  });
  await reg.getByRole('button', { name: btn('驳回') }).click();
  const reject = page.getByRole('dialog').filter({ hasText: '的注册申请' });
  await reject.getByRole('button', { name: btn('驳回') }).click();
  await expect.poll(() => reject.textContent(), LONG).toContain('请填写驳回原因');
  await reject.getByRole('button', { name: btn('取消') }).click();
  expect(errors).toEqual([]);
});

test('the audit admin filters the log in Chinese, copies a request id and downloads the export', async () => {
  // a browser set to another zone still sees the deployment's (Asia/Shanghai) times
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  // something to find: 李秀英 logs in and out
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**', LONG);
  await logout(page);
  await login(page, 'demo-audit');
  await page.waitForURL((u) => u.pathname.startsWith('/admin'), LONG);
  await page.goto(`${baseUrl()}/admin/audit`);
  const table = page.getByTestId('audit-table');
  await table
    .locator('tbody tr.ant-table-row')
    .first()
    .waitFor(LONG)
    .catch(async (e) => {
      await shot(page, 'clerk-audit-open');
      throw e;
    });

  // 操作类型 from the Chinese list, 操作人 by name, today as the date range
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel('操作类型').click();
  await filters.getByLabel('操作类型').fill('退出登录');
  await choose(page, '退出登录');
  await filters.getByLabel('操作人').fill('李秀英');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const range = filters.locator('.ant-picker-range input');
  await range.first().click();
  await range.first().fill(today);
  await range.first().press('Enter');
  await range.nth(1).fill(today);
  await range.nth(1).press('Enter');
  await filters.getByRole('button', { name: btn('查询') }).click();

  const summaries = table.getByTestId('audit-summary');
  await expect.poll(async () => (await summaries.allTextContents()).length, LONG).toBeGreaterThan(0);
  for (const t of await summaries.allTextContents()) expect(t).toMatch(/^李秀英（账号 #\d+） — 退出登录$/);
  const firstRow = table.locator('tbody tr.ant-table-row').first();
  // the time column, in the deployment's zone (the browser runs on Los Angeles time)
  expect(await firstRow.textContent()).toMatch(new RegExp(`${today} \\d{2}:\\d{2}:\\d{2}`));
  // the request id is copyable
  expect(await firstRow.locator('.ant-typography-copy').count()).toBe(1);
  await shot(page, 'clerk-audit-filtered');

  // 导出 Excel: the same filters, a real xlsx
  const [download] = await Promise.all([page.waitForEvent('download', LONG), filters.getByTestId('audit-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志_.*\.xlsx$/);
  const file = readFileSync((await download.path())!);
  expect(file.subarray(0, 2).toString()).toBe('PK');

  // a typed range that holds none of these rows finds none: the dates typed are the dates applied
  await range.first().click();
  await range.first().fill('2020-01-01');
  await range.first().press('Enter');
  await range.nth(1).fill('2020-01-31');
  await range.nth(1).press('Enter');
  await filters.getByRole('button', { name: btn('查询') }).click();
  await expect.poll(async () => table.locator('tbody tr.ant-table-row').count(), LONG).toBe(0);

  // the export is itself in the log
  await filters.getByRole('button', { name: btn('重置') }).click();
  await filters.getByLabel('操作类型').click();
  await filters.getByLabel('操作类型').fill('导出审计日志');
  await choose(page, '导出审计日志');
  await filters.getByRole('button', { name: btn('查询') }).click();
  await expect.poll(async () => (await summaries.allTextContents())[0] ?? '', LONG).toBe('导出审计日志');
  expect(errors).toEqual([]);
  await ctx.close();
});
