// A county admin sees only the teachers of their county: 王伟 (demo-school2, another city's
// county) is not in the list, and opening his detail page directly shows "not found".
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { apiLogin, login } from './helpers.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

async function idOfWangWei(): Promise<number> {
  // ask as the province admin, who may see both counties
  const cookie = await apiLogin('demo-province'); // password, then the authenticator code
  const list = (await (await fetch(`${baseUrl()}/api/teachers?q=${encodeURIComponent('王伟')}`, { headers: { cookie } })).json()) as {
    items: { id: number; name: string }[];
  };
  const w = list.items.find((t) => t.name === '王伟');
  expect(w).toBeDefined();
  return w!.id;
}

test('county admin cannot see or open a teacher of another county', async () => {
  const wangWei = await idOfWangWei();
  await login(page, 'demo-county');
  await page.waitForURL('**/admin/**');
  await page.goto(`${baseUrl()}/admin/teachers`);
  const table = page.getByTestId('teachers-table');
  await table.locator('tbody tr').first().waitFor();
  await page.getByPlaceholder(/姓名/).first().fill('王伟');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await table.textContent()) ?? '', { timeout: 20_000 }).not.toContain('王伟');
  await page.getByPlaceholder(/姓名/).first().fill('李秀英');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await table.textContent()) ?? '', { timeout: 20_000 }).toContain('李秀英');
  await shot(page, 'county-teachers');

  await page.goto(`${baseUrl()}/admin/teachers/${wangWei}`);
  await expect.poll(async () => (await page.locator('.app-content').textContent()) ?? '', { timeout: 20_000 }).toMatch(/不存在|无权/);
  expect(await page.locator('.app-content').textContent()).not.toContain('王伟');
  await shot(page, 'county-other-teacher');
});
