import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD } from './browser.ts';

/** Logs in through the login page, as a user would. */
export async function login(page: Page, account: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: btn('登录') }).click();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: btn('退出登录') }).click();
  await page.waitForURL('**/login');
}

/** Picks an option of an antd Select by typing into its search box. */
export async function pick(page: Page, label: string, option: string) {
  const input = page.getByLabel(label, { exact: true }).first();
  await input.click();
  await input.fill(option);
  await choose(page, option);
}

/** Clicks the option of the open antd Select dropdown that shows this text. */
export async function choose(page: Page, option: string) {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  // the next control is not clickable until the list has closed (it covers the form below it)
  await dropdown.first().waitFor({ state: 'hidden' });
}

export async function textOf(page: Page, selector: string) {
  const t = await page.locator(selector).first().textContent();
  expect(t).not.toBeNull();
  return t!;
}

/** antd puts a space between two Chinese characters on a button ("登 录"); match either way. */
export function btn(name: string): RegExp {
  return new RegExp(`^[\\w-]*\\s*${[...name].join('\\s*')}\\s*$`);
}
