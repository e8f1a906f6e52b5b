// 自主选学 in the browser, as 王伟 (demo-teacher2): browse and filter the catalogue, open a course and read
// what it does for his credits, enrol in a free course → 学习中; the institution records progress 100 and a
// passing score on the course's learners → 王伟 sees it under 已通过, the credit in 我的学分 and the
// certificate under 自主选学 in 我的证书. At 390 px the teacher's pages fit the screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, choose, login, logout } from './helpers.ts';

const COURSE = '中小学生心理健康教育专题';
const LONG = { timeout: 60_000 };
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

async function fits(p: Page, name: string) {
  const [scrollWidth, innerWidth] = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `${name}: ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  await shot(p, `electives-phone-${name}`);
}

test('catalogue → credit statement → enrol → institution scores → 已通过, 我的学分, 我的证书 (自主选学)', async () => {
  await login(page, 'demo-teacher2');
  await page.waitForURL('**/space/**', LONG);
  await page
    .getByRole('menuitem', { name: /我的自主选学/ })
    .first()
    .click();
  await page.waitForURL('**/space/electives');
  await page.getByRole('tab', { name: /学习中·0/ }).waitFor(LONG);
  await page.getByRole('button', { name: btn('去报名') }).click();
  await page.waitForURL('**/space/electives/catalogue');
  const cards = page.getByTestId('catalogue-card');
  await cards.first().waitFor(LONG);
  // free courses come first; the paid one is there with its price, and goes away under «免费»
  await expect
    .poll(async () => (await cards.allTextContents()).some((t) => t.includes('教师书法与板书设计') && t.includes('¥199')))
    .toBe(true);
  expect(await cards.first().textContent()).toContain('免费');
  await page.getByRole('combobox', { name: '费用' }).click();
  await choose(page, '免费');
  await expect.poll(async () => (await cards.allTextContents()).some((t) => t.includes('教师书法与板书设计'))).toBe(false);
  await page.getByLabel('关键字检索').fill('心理健康');
  await page.getByLabel('关键字检索').press('Enter');
  await expect.poll(async () => cards.count()).toBe(1);
  await shot(page, 'electives-catalogue');

  await cards
    .first()
    .getByRole('button', { name: /查看详情并报名/ })
    .click();
  const detail = page.getByTestId('elective-detail');
  await detail.waitFor(LONG);
  const effect = await page.getByTestId('credit-effect').textContent();
  expect(effect).toMatch(/对我的学分的作用/);
  expect(effect).toMatch(/学分/);
  await shot(page, 'electives-detail');
  await detail.getByRole('button', { name: btn('报名') }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('报名') })
    .click();
  await page.getByText('报名成功，已加入“学习中”').waitFor(LONG);
  await page.keyboard.press('Escape');

  await page.goto(`${baseUrl()}/space/electives`);
  await page.getByRole('tab', { name: /学习中·1/ }).waitFor(LONG);
  const card = page.getByTestId('elective-card').filter({ hasText: COURSE });
  await card.waitFor();
  expect(await card.textContent()).toContain('取消报名');
  await logout(page);

  // the institution records progress 100 and a passing score on the course's learners
  await login(page, 'demo-institution');
  await page.waitForURL('**/admin/**', LONG);
  await page.goto(`${baseUrl()}/admin/electives`);
  await page.getByTestId('admin-electives').getByText(COURSE).click();
  await page.getByRole('tab', { name: '学员与成绩' }).click();
  const learners = page.getByTestId('elective-learners');
  await learners.getByText('王伟').waitFor(LONG);
  await page.getByLabel('王伟学习进度').fill('100');
  await page.getByLabel('王伟考核成绩').fill('92');
  await page.getByRole('button', { name: /保存学习进度和成绩/ }).click();
  await page.getByText(/1 名合格/).waitFor(LONG);
  await learners.getByText('已通过').waitFor(LONG);
  await shot(page, 'electives-learners');
  await page.keyboard.press('Escape');
  await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
  await logout(page);

  // 王伟: 已通过, the credit in 我的学分, the certificate under 自主选学
  await login(page, 'demo-teacher2');
  await page.waitForURL('**/space/**', LONG);
  await page.goto(`${baseUrl()}/space/electives?tab=passed`);
  await page.getByRole('tab', { name: /已通过·1/ }).waitFor(LONG);
  const passed = page.getByTestId('elective-card').filter({ hasText: COURSE });
  await passed.waitFor();
  expect(await passed.textContent()).toMatch(/92 分（合格）/);
  await passed.getByRole('button', { name: btn('证书') }).waitFor();
  // 我的学分: this year's 自主选修 cell opens the entries behind it, the course's credit among them
  await page.goto(`${baseUrl()}/space/credits`);
  const year = new Date().getFullYear();
  const cell = page.locator(`[data-testid="cell-self_elective-${year}"]:visible`).first();
  await cell.waitFor(LONG);
  await cell.click();
  await page.getByTestId('credit-entries').getByText(COURSE).first().waitFor(LONG);
  await page.keyboard.press('Escape');
  await page.goto(`${baseUrl()}/space/certificates`);
  await page.getByRole('tab', { name: /自主选学（1）/ }).click();
  await page.getByTestId('certificates-elective').getByText(`${COURSE}结业证书`).waitFor(LONG);
  await shot(page, 'electives-certificates');

  // at 390 px the teacher's pages fit
  const phone = await newPage(browser, { width: 390, height: 844 });
  await phone.context().addCookies(await page.context().cookies());
  await phone.goto(`${baseUrl()}/space/electives?tab=passed`);
  await phone.getByTestId('elective-card').first().waitFor(LONG);
  await fits(phone, 'my-electives');
  await phone.goto(`${baseUrl()}/space/electives/catalogue`);
  await phone.getByTestId('catalogue-card').first().waitFor(LONG);
  await fits(phone, 'catalogue');
}, 300_000);
