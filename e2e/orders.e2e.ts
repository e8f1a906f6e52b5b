// 我的订单 in the browser, as 王伟 (demo-teacher2): enrol in the paid demo course (教师书法与板书设计, ¥199)
// → the sandbox's cashier page shows the order and its amount → 确认支付 (the sandbox sends its signed
// notification to the platform) → 我的订单 shows 已支付 and the course is under 学习中. At 390 px the
// orders page fits the screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, login } from './helpers.ts';

const COURSE = '教师书法与板书设计';
const LONG = { timeout: 60_000 };
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

test('paid elective → sandbox pay page → 已支付 in 我的订单 → 学习中', async () => {
  await login(page, 'demo-teacher2');
  await page.waitForURL('**/space/**', LONG);
  await page.goto(`${baseUrl()}/space/electives/catalogue`);
  const cards = page.getByTestId('catalogue-card');
  await cards.first().waitFor(LONG);
  await page.getByLabel('关键字检索').fill('书法');
  await page.getByLabel('关键字检索').press('Enter');
  await expect.poll(async () => cards.count()).toBe(1);
  await cards
    .first()
    .getByRole('button', { name: /查看详情并报名/ })
    .click();
  const detail = page.getByTestId('elective-detail');
  await detail.waitFor(LONG);
  await detail.getByRole('button', { name: btn('报名并支付') }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('报名') })
    .click();

  // the sandbox gateway's page plays the payer
  await page.waitForURL('**/pay/sandbox?**', LONG);
  await page.getByTestId('sandbox-amount').waitFor(LONG);
  expect(await page.getByTestId('sandbox-amount').textContent()).toBe('¥199.00');
  expect(await page.getByTestId('sandbox-pay').textContent()).toContain(COURSE);
  await shot(page, 'orders-sandbox');
  await page.getByRole('button', { name: btn('确认支付') }).click();
  await page.getByText('支付成功').waitFor(LONG);
  await page.getByRole('button', { name: btn('返回我的订单') }).click();

  await page.waitForURL('**/space/orders**', LONG);
  const row = page.locator('.ant-table-row').filter({ hasText: COURSE });
  await row.waitFor(LONG);
  expect(await row.getByTestId('order-status').textContent()).toBe('已支付');
  expect(await row.textContent()).toContain('¥199.00');
  await row.getByRole('button', { name: COURSE }).click();
  const order = page.getByTestId('order-detail');
  await order.waitFor(LONG);
  expect(await order.textContent()).toContain('模拟支付（沙箱）');
  await order.getByRole('button', { name: btn('申请退款') }).waitFor();
  await shot(page, 'orders-detail');
  await page.keyboard.press('Escape');

  await page.goto(`${baseUrl()}/space/electives?tab=learning`);
  await page.getByTestId('elective-card').filter({ hasText: COURSE }).waitFor(LONG);

  const phone = await newPage(browser, { width: 390, height: 844 });
  await phone.context().addCookies(await page.context().cookies());
  await phone.goto(`${baseUrl()}/space/orders`);
  await phone.locator('.ant-table-row').filter({ hasText: COURSE }).waitFor(LONG);
  const [scrollWidth, innerWidth] = await phone.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `orders: ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  await shot(phone, 'orders-phone');
});
