// A teacher registers on the public page; until the school admin approves, logging in says the
// account is waiting; demo-school approves in 注册审核; then the teacher can log in.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '@shixun/domain';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, login, logout, pick } from './helpers.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

test('register → pending → school admin approves → teacher logs in', async () => {
  const idNumber = makeIdNumber('450102', '1992-03-15', 771);
  const school = '兴宁区第一小学'; // demo-school

  await page.goto(`${baseUrl()}/login`);
  await page.getByRole('link', { name: '注册账号' }).click();
  await page.waitForURL('**/register');
  await page.getByLabel('证件号').fill(idNumber);
  await page.getByLabel('姓名').fill('黄丽娟');
  await page.getByLabel('手机号').fill('13912345678');
  await pick(page, '所在市', '南宁市');
  await pick(page, '所在区县', '兴宁区');
  await pick(page, '学校', school);
  await page.getByLabel('密码', { exact: true }).fill('Huang#2026wq');
  await page.getByLabel('确认密码').fill('Huang#2026wq');
  await shot(page, 'register-filled');
  await page.getByRole('button', { name: btn('提交') }).click();
  await page.getByText('注册申请已提交').first().waitFor();

  // before approval the login page says the account waits for the school admin
  await login(page, idNumber, 'Huang#2026wq');
  await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 20_000 }).toContain('审核');

  await login(page, 'demo-school');
  await page.waitForURL('**/admin/**');
  await page.goto(`${baseUrl()}/admin/registrations`);
  const row = page.getByTestId('registrations-table').locator('tr', { hasText: '黄丽娟' });
  await row.waitFor();
  expect(await row.textContent()).not.toContain(idNumber); // masked in the list
  await shot(page, 'registrations');
  await row.getByRole('button', { name: btn('通过') }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('通过') })
    .click();
  await page.getByText('已通过 黄丽娟 的注册申请').waitFor();
  await logout(page);

  await login(page, '13912345678', 'Huang#2026wq');
  await page.waitForURL('**/space**');
  await expect.poll(() => page.getByTestId('current-user').textContent(), { timeout: 20_000 }).toContain('黄丽娟');
});
