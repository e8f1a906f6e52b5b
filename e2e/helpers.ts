import { expect } from 'vitest';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD } from './browser.ts';

/** demo-province's authenticator secret: DEMO_TOTP_SECRET of apps/server/src/demo/two-factor.ts (the e2e server
 *  runs with TWO_FACTOR_ROLES=province_admin, so demo-province logs in with a code; the other admins do not). */
export const DEMO_TOTP_SECRET = 'SHIXUNDEMOPROVINCE2FA7TOTP234567';
const TOTP_SECRETS: Record<string, string> = { 'demo-province': DEMO_TOTP_SECRET };

let lastStep = 0;
/**
 * A code the server has not seen yet: it refuses a 30-second step it has already accepted, so a
 * second login within the same step uses the next one (accepted one step ahead), or waits for it.
 */
export async function freshTotp(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 30_000);
  let step = Math.max(now, lastStep + 1);
  if (step > now + 1) {
    await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 200));
    step = Math.max(Math.floor(Date.now() / 30_000), lastStep + 1);
  }
  lastStep = step;
  return generate({ secret, epoch: step * 30 });
}

/** Logs in through the login page, as a user would (with the authenticator code for demo-province). */
export async function login(page: Page, account: string, password = DEMO_PASSWORD) {
  try {
    await page.goto(`${baseUrl()}/login`);
  } catch (e) {
    // right after a logout the app may itself still be going to /login: the same page, reached by its navigation
    if (!/interrupted by another navigation/.test(String(e))) throw e;
    await page.waitForURL('**/login**');
    await page.waitForLoadState('load');
  }
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: btn('登录') }).click();
  const secret = TOTP_SECRETS[account];
  if (secret && password === DEMO_PASSWORD) await enterTotp(page, secret);
}

/** The second login step: types a fresh code; another test file may have used this step, so one retry. */
export async function enterTotp(page: Page, secret: string) {
  const step = page.getByTestId('totp-step');
  for (let attempt = 0; ; attempt++) {
    await step.getByLabel('验证码').fill(await freshTotp(secret));
    await step.getByRole('button', { name: btn('验证并登录') }).click();
    const outcome = await Promise.race([
      page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 }).then(() => 'in' as const),
      page
        .getByTestId('totp-error')
        .waitFor({ timeout: 20_000 })
        .then(() => 'refused' as const),
    ]);
    if (outcome === 'in') return;
    if (attempt >= 1) throw new Error(`two-factor login refused: ${await page.getByTestId('totp-error').textContent()}`);
  }
}

/** A session cookie for API calls, logging in like the web app does (password, then the code where asked). */
export async function apiLogin(account: string, password = DEMO_PASSWORD): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${baseUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl() },
      body: JSON.stringify(body),
    });
  let r = await post('/api/auth/login', { account, password });
  const first = (await r.clone().json()) as { twoFactorRequired?: boolean; ticket?: string };
  if (first.twoFactorRequired)
    r = await post('/api/auth/login/totp', { ticket: first.ticket, code: await freshTotp(TOTP_SECRETS[account]!) });
  if (!r.ok) throw new Error(`login ${account}: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
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
  // the next control is not clickable until the list has closed (it covers the form below it); on a loaded machine
  // a list that re-rendered under the click can stay open: close it as a user would, with Escape
  const open = page.locator('.ant-select-dropdown:visible');
  try {
    await open.first().waitFor({ state: 'hidden', timeout: 5_000 });
  } catch {
    await page.keyboard.press('Escape');
    await open.first().waitFor({ state: 'hidden' });
  }
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
