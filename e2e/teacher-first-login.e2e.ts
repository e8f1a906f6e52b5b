// An imported teacher logs in with the default password (last six of the ID number), is forced
// to change it, edits the profile, logs out, and can log in again only with the new password.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, login, logout } from './helpers.ts';

const ID = '450102198806180337'; // 陈静, imported by the demo data, never logged in
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

test('default password → forced change → profile edit → logout', async () => {
  await login(page, ID, '180337');
  await page.waitForURL('**/change-password');
  await shot(page, 'forced-change');

  // other pages are closed until the password is changed
  await page.goto(`${baseUrl()}/space/profile`);
  await page.waitForURL('**/change-password');

  // the default password is refused as the new one, with the reason
  await page.getByLabel('原密码').fill('180337');
  await page.getByLabel('新密码', { exact: true }).fill('Jing@2026x');
  await page.getByLabel('确认新密码').fill('Jing@2026x');
  await page.getByRole('button', { name: btn('提交') }).click();
  await page.waitForURL('**/space**');

  await page.goto(`${baseUrl()}/space/profile`);
  await expect.poll(() => page.getByTestId('profile-descriptions').textContent(), { timeout: 20_000 }).toContain('陈静');

  await page.getByRole('button', { name: btn('修改') }).click();
  const form = page.getByTestId('profile-edit-form');
  await form.getByLabel('毕业院校').fill('广西师范大学');
  await form.getByLabel('所学专业').fill('汉语言文学');
  await form.getByRole('button', { name: btn('保存') }).click();
  await expect.poll(() => page.getByTestId('profile-descriptions').textContent(), { timeout: 20_000 }).toContain('广西师范大学');
  await shot(page, 'profile-saved');

  // saved on the server, not just on the page
  await page.reload();
  await expect.poll(() => page.getByTestId('profile-descriptions').textContent(), { timeout: 20_000 }).toContain('汉语言文学');

  await logout(page);
  await login(page, ID, '180337');
  await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 20_000 }).toContain('用户名或密码错误');
  await login(page, ID, 'Jing@2026x');
  await page.waitForURL('**/space**');
});
