// Two-factor authentication in the browser: demo-province (enrolled with the published demo secret)
// gives the password, then a wrong and a right authenticator code, and lands on the admin console;
// a county admin binds an authenticator from the account page, sees the recovery codes once, logs in
// with a code, and switches it off again.
import { generate } from 'otplib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, newPage, shot } from './browser.ts';
import { btn, DEMO_TOTP_SECRET, enterTotp, freshTotp, logout } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function passwordStep(page: Page, account: string) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: btn('登录') }).click();
}

test('demo-province logs in with the password and then the authenticator code', async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await passwordStep(page, 'demo-province');
  const step = page.getByTestId('totp-step');
  await step.waitFor();
  expect(page.url()).toContain('/login'); // no session yet
  await shot(page, 'two-factor-code-1440');

  // a wrong code is refused with the reason, and the user may try again
  const right = await generate({ secret: DEMO_TOTP_SECRET });
  await step.getByLabel('验证码').fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
  await step.getByRole('button', { name: btn('验证并登录') }).click();
  await expect.poll(() => page.getByTestId('totp-error').textContent(), { timeout: 20_000 }).toContain('验证码不正确');

  // the recovery-code form is one click away
  await step.getByRole('button', { name: '使用恢复码' }).click();
  await expect.poll(() => step.getByLabel('恢复码').isVisible()).toBe(true);
  await step.getByRole('button', { name: '使用验证器验证码' }).click();

  await enterTotp(page, DEMO_TOTP_SECRET);
  await page.waitForURL('**/admin**');
  await expect.poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 20_000 }).toContain('教师培训中心管理员');
  await shot(page, 'two-factor-admin-console');
  // the account page shows it on, with the way to switch it off
  await page.goto(`${baseUrl()}/admin/account?tab=two-factor`);
  await expect.poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 20_000 }).toContain('已启用');
  await shot(page, 'two-factor-status-1440');
  await page.context().close();
});

test('the code step reads well on a phone', async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await passwordStep(page, 'demo-province');
  await page.getByTestId('totp-step').waitFor();
  await shot(page, 'two-factor-code-390');
  await page.getByTestId('totp-step').getByRole('button', { name: '使用恢复码' }).click();
  await shot(page, 'two-factor-recovery-390');
  await page.context().close();
});

// codes of later 30-second steps are waited for (the server refuses a step twice): a longer time limit
test('a county admin binds an authenticator, logs in with it, and switches it off', { timeout: 240_000 }, async () => {
  {
    const width = 1440;
    const page = await newPage(browser, { width, height: 900 });
    await passwordStep(page, 'demo-county');
    await page.waitForURL('**/admin**');
    await page.goto(`${baseUrl()}/admin/account?tab=two-factor`);
    await page.getByRole('button', { name: btn('开始绑定') }).click();
    await page.getByTestId('totp-qr').waitFor();
    await shot(page, `two-factor-enrol-qr-${width}`);
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('验证码').fill(await freshTotp(secret)); // the server remembers this step: later codes are newer
    await page.getByRole('button', { name: btn('验证并启用') }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(((await codes.textContent()) ?? '').match(/[A-Z0-9]{5}-[A-Z0-9]{5}/g)).toHaveLength(10);
    const done = page.getByRole('button', { name: /我已保存/ });
    expect(await done.isDisabled()).toBe(true); // not before the user says the codes are kept
    await page.getByText('我已把恢复码保存在安全的地方').click();
    await shot(page, `two-factor-enrol-codes-${width}`);
    await done.click();
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 20_000 }).toContain('已启用');

    // the next login asks for the code
    await logout(page);
    await passwordStep(page, 'demo-county');
    await enterTotp(page, secret);
    await page.waitForURL('**/admin**');

    // switched off again (password + a fresh code), so the other browser tests log in as before
    await page.goto(`${baseUrl()}/admin/account?tab=two-factor`);
    await page.getByLabel('登录密码').fill(DEMO_PASSWORD);
    await page.getByLabel('验证码或恢复码').fill(await freshTotp(secret));
    await page.getByRole('button', { name: btn('停用两步验证') }).click();
    await page
      .getByRole('button', { name: btn('停用') })
      .last()
      .click();
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '', { timeout: 20_000 }).toContain('开始绑定');
    await page.context().close();
  }
});
