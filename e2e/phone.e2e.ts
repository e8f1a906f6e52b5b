// Phones and tablets (issue 10): the teacher's main flow on a 390×844 phone — the menu opens from a drawer,
// and no page it visits is wider than the screen — then the institution's check-in and scores at 390 px, a
// school admin's pages on a 768 px tablet, and 校本研修记录 at 1440 px with 冲销 in view without scrolling.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, shot } from './browser.ts';
import { login, logout } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const LONG = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/** Waits until the page has drawn its data (no spinner, no skeleton left in the content). */
async function settled(page: Page) {
  await page.locator('.app-content').waitFor(LONG);
  await page.waitForFunction(
    () => !document.querySelector('.app-content .ant-spin-spinning, .app-content .ant-skeleton-active, .app-content .ant-spin-dot-spin'),
    undefined,
    LONG,
  );
  // images and fonts may still move things a little
  await page.waitForTimeout(200);
}

/** No horizontal overflow: the document is not wider than the window. */
async function fits(page: Page, name: string) {
  await settled(page);
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  console.log(`[phone] ${name} at ${innerWidth}px: scrollWidth ${scrollWidth}`);
  expect(scrollWidth, `${name}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  await shot(page, `phone-${innerWidth}-${name}`);
}

/** Opens the menu from the header's button and picks an entry (inside «更多» when `more`). */
async function go(page: Page, label: string, more = false) {
  // the page has landed (a redirect after login closes the drawer)
  await settled(page);
  // there is no side menu on a phone or tablet: the button in the header opens the drawer
  expect(await page.locator('.ant-layout-sider').count()).toBe(0);
  await page.getByRole('button', { name: '打开菜单' }).click();
  const drawer = page.locator('.app-menu-drawer .ant-drawer-section');
  await drawer.waitFor(LONG);
  if (more) await drawer.getByRole('menuitem', { name: /更多/ }).click();
  await drawer.getByRole('menuitem', { name: label }).click();
  // the drawer closes with the page change
  await drawer.waitFor({ state: 'hidden', ...LONG });
}

test('teacher on a phone: 我的主页 → 基本信息 → 我的专项培训 → project → 我的学分 → 我的证书 → 我的账户 → logout', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/home', LONG);
  await fits(page, 'home');

  await go(page, '基本信息');
  await page.waitForURL('**/space/profile');
  await page.getByTestId('profile-descriptions').waitFor(LONG);
  await fits(page, 'profile');
  // the change requests show their key columns; a tap on a row shows the rest
  const change = page.getByTestId('my-changes-table').locator('tbody tr.ant-table-row').first();
  if (await change.count()) {
    await change.click();
    await page.getByTestId('my-changes-table').locator('.phone-details').first().waitFor(LONG);
    await fits(page, 'profile-change-details');
  }

  await go(page, '我的专项培训');
  await page.waitForURL('**/space/projects**');
  const card = page.getByTestId('project-card').first();
  await card.waitFor(LONG);
  await fits(page, 'projects');

  await card.locator('a').first().click();
  await page.waitForURL(/\/space\/projects\/\d+/, LONG);
  await fits(page, 'project-detail');

  await go(page, '我的学分');
  await page.waitForURL('**/space/credits');
  await fits(page, 'credits');

  await go(page, '我的证书');
  await page.waitForURL('**/space/certificates');
  await page.getByTestId('certificates-credit').waitFor(LONG);
  await fits(page, 'certificates');

  await go(page, '我的账户');
  await page.waitForURL('**/space/account');
  await fits(page, 'account');

  // the modules still being built sit under one «更多» entry, not as ten menu items
  await go(page, '我的评优表彰', true);
  await page.waitForURL('**/space/awards');
  await page.getByTestId('building').waitFor(LONG);
  await fits(page, 'awards');

  await logout(page);
  await page.context().close();
});

test('institution on a phone: the class, its 签到 and its 成绩', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, 'demo-institution');
  await page.waitForURL('**/admin/**', LONG);
  await go(page, '我的班级');
  await page.waitForURL('**/admin/classes');
  // a training project's class (an elective's class, «…学习班», has no sessions to check in to)
  const first = page.getByTestId('classes-table').locator('tbody tr.ant-table-row').filter({ hasNotText: '学习班' }).first();
  await first.waitFor(LONG);
  await fits(page, 'classes');

  await first.locator('a').first().click();
  await page.waitForURL(/\/admin\/classes\/\d+/, LONG);
  await fits(page, 'class');

  // open 签到 by its address (the class's tabs wrap onto two lines on a phone)
  const classUrl = page.url().replace(/\?.*$/, '');
  await page.goto(`${classUrl}?tab=checkin`);
  const attendance = page.getByTestId('attendance-table');
  await attendance.locator('tbody tr.ant-table-row').first().waitFor(LONG);
  await fits(page, 'class-checkin');
  // 单位 and the time are in the row's details, opened from its ＋
  await attendance.locator('tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
  await attendance.locator('.phone-details').first().getByText('单位').waitFor(LONG);
  await fits(page, 'class-checkin-details');

  await page.goto(`${classUrl}?tab=scores`);
  const scores = page.getByTestId('scores-table');
  await scores.locator('tbody tr.ant-table-row').first().waitFor(LONG);
  // the score boxes are on the phone's screen
  const box = await scores.getByRole('spinbutton').first().boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await fits(page, 'class-scores');
  await page.context().close();
});

test('school admin on a tablet (768 px), and 校本研修记录 at 1440 px with 冲销 in view', async () => {
  const page = await newPage(browser, { width: 768, height: 1024 });
  await login(page, 'demo-school');
  await page.waitForURL('**/admin**', LONG);
  for (const [label, path] of [
    ['教师管理', 'teachers'],
    ['注册审核', 'registrations'],
    ['学分申报审核', 'credit-claims'],
    ['学分达标统计', 'credit-reports'],
    ['校本研修认定', 'school-based'],
  ] as const) {
    await go(page, label);
    await page.waitForURL(`**/admin/${path}`);
    await fits(page, path);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  const list = page.getByTestId('school-based-list');
  const reverse = list.getByRole('button', { name: /冲\s*销/ }).first();
  await reverse.waitFor(LONG);
  await fits(page, 'school-based');
  // the whole table fits its box: nothing hidden behind a sideways scroll
  const [scrollWidth, clientWidth] = await list
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const b = (await reverse.boundingBox())!;
  const t = (await list.boundingBox())!;
  expect(b.x + b.width).toBeLessThanOrEqual(t.x + t.width);
  await page.context().close();
});
