// Accessibility (issue: GB/T 37668, 适老化): axe-core's WCAG 2.0/2.1 A and AA rules on every page of every menu, read
// from the rendered menu so that a page added later is checked too, for each kind of account, on a 1440×900 screen
// (and the teacher's on a 390×844 phone with its drawer menu), plus the public pages and a few dialogs clerks open
// daily. Any critical or serious violation fails, listed page by page.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, newPage, shot } from './browser.ts';
import { btn, DEMO_TOTP_SECRET, enterTotp, login } from './helpers.ts';
import { accessibilityProblems, settled } from './a11y.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const LONG = { timeout: 30_000 };

/** The findings of one test, page after page, so that one run lists them all. */
class Findings {
  readonly lines: string[] = [];
  readonly visited: string[] = [];
  async check(page: Page, label: string) {
    await settled(page);
    const path = new URL(page.url()).pathname;
    this.visited.push(path);
    // with E2E_SHOTS set, a picture of each checked view (to compare the look before and after a colour change)
    await shot(page, `a11y-${this.visited.length}-${label}${path}`.replace(/[\s/（）()]+/g, '_'));
    this.lines.push(...(await accessibilityProblems(page, `${label} ${path}`)));
  }
  expectNone() {
    console.log(`[a11y] checked ${this.visited.length} views: ${this.visited.join(' ')}`);
    expect(this.lines, `critical or serious accessibility violations:\n${this.lines.join('\n')}`).toEqual([]);
  }
}

/** Opens every closed submenu («更多») so that all entries can be read and clicked. */
async function openSubmenus(menu: Locator) {
  const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  while (await closed.count()) await closed.first().click();
}

/** Visits each entry of the side menu in order and checks the page it opens; returns the entries' labels. */
async function walkSideMenu(page: Page, who: string, findings: Findings): Promise<string[]> {
  const menu = page.locator('.ant-layout-sider .ant-menu-root');
  await menu.waitFor(LONG);
  await openSubmenus(menu);
  const items = menu.locator('li.ant-menu-item');
  const count = await items.count();
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    await openSubmenus(menu);
    const item = items.nth(i);
    const label = (await item.innerText()).trim().split('\n')[0] ?? '';
    labels.push(label);
    await item.click();
    await expect.poll(() => item.getAttribute('class'), LONG).toContain('ant-menu-item-selected');
    await findings.check(page, `${who} ${label}`);
  }
  return labels;
}

/** The same on a phone: the header's button opens the drawer, an entry is picked, the drawer closes. */
async function walkDrawerMenu(page: Page, who: string, findings: Findings): Promise<number> {
  const drawer = page.locator('.app-menu-drawer .ant-drawer-section');
  const menu = drawer.locator('.ant-menu-root');
  const open = async () => {
    await settled(page);
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu.waitFor(LONG);
    await openSubmenus(menu);
  };
  await open();
  // the open drawer itself
  await findings.check(page, `${who} 菜单`);
  const count = await menu.locator('li.ant-menu-item').count();
  for (let i = 0; i < count; i++) {
    if (i > 0) await open();
    const item = menu.locator('li.ant-menu-item').nth(i);
    const label = (await item.innerText()).trim();
    await item.click();
    await drawer.waitFor({ state: 'hidden', ...LONG });
    await findings.check(page, `${who} ${label}`);
  }
  return count;
}

/** Follows the first link of the page's content (a list's row or card) to its detail page, and checks it. */
async function checkFirstDetail(page: Page, label: string, link: Locator, url: RegExp, findings: Findings) {
  await link.first().waitFor(LONG);
  await link.first().click();
  await page.waitForURL(url, LONG);
  await findings.check(page, label);
}

/** Opens a dialog or drawer a clerk uses daily, checks it, and closes it with Escape (nothing is submitted). */
async function checkDialog(page: Page, opener: Locator, label: string, findings: Findings) {
  await opener.first().waitFor(LONG);
  await opener.first().click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor(LONG);
  await findings.check(page, label);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', ...LONG });
}

test('public pages: login (empty, refused), register, forgot, verify', async () => {
  const page = await newPage(browser, DESKTOP);
  const findings = new Findings();
  for (const path of ['/login', '/register', '/forgot', '/verify', '/verify/NOSUCHCODE']) {
    await page.goto(`${baseUrl()}${path}`);
    await page.locator('.public-page, .ant-result').first().waitFor(LONG);
    await findings.check(page, '公共页面');
  }
  // a refused login shows its error with links to 注册 and 忘记密码
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('账号').fill('demo-teacher');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: btn('登录') }).click();
  await page.getByTestId('login-error').waitFor(LONG);
  await findings.check(page, '登录失败');
  // the form's own messages when submitted empty
  await page.goto(`${baseUrl()}/register`);
  await page.locator('form button[type="submit"]').first().click();
  await page.locator('.ant-form-item-explain-error').first().waitFor(LONG);
  await findings.check(page, '注册（未填）');
  findings.expectNone();
  await page.context().close();
});

test('teacher at 1440×900: every menu entry, a project’s detail', { timeout: 300_000 }, async () => {
  const page = await newPage(browser, DESKTOP);
  const findings = new Findings();
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/home', LONG);
  const labels = await walkSideMenu(page, '教师', findings);
  expect(labels).toEqual(expect.arrayContaining(['我的主页', '我的专项培训', '我的学分', '我的账户']));
  await page.goto(`${baseUrl()}/space/projects`);
  await checkFirstDetail(page, '教师 项目详情', page.getByTestId('project-card').locator('a'), /\/space\/projects\/\d+/, findings);
  await page.goto(`${baseUrl()}/space/credits/claims`);
  await findings.check(page, '教师 学分申报');
  // the entries behind a cell of 我的学分, and 去申报's list of projects open for application
  await page.goto(`${baseUrl()}/space/credits`);
  await checkDialog(page, page.locator('[data-testid^="credit-table-"]:visible td[role="button"]'), '教师 学分明细', findings);
  await page.goto(`${baseUrl()}/space/projects`);
  await checkDialog(page, page.getByRole('button', { name: btn('去申报') }), '教师 去申报', findings);
  findings.expectNone();
  await page.context().close();
});

test('teacher at 390×844: the drawer menu and every page it opens', { timeout: 300_000 }, async () => {
  const page = await newPage(browser, PHONE);
  const findings = new Findings();
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/home', LONG);
  expect(await walkDrawerMenu(page, '教师（手机）', findings)).toBeGreaterThan(5);
  findings.expectNone();
  await page.context().close();
});

test('province admin: the two-step login and every menu entry', { timeout: 300_000 }, async () => {
  const page = await newPage(browser, DESKTOP);
  const findings = new Findings();
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('账号').fill('demo-province');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: btn('登录') }).click();
  await page.getByTestId('totp-step').waitFor(LONG);
  await findings.check(page, '两步验证');
  await enterTotp(page, DEMO_TOTP_SECRET);
  await page.waitForURL('**/admin/**', LONG);
  const labels = await walkSideMenu(page, '省级', findings);
  expect(labels).toContain('学分政策');
  findings.expectNone();
  await page.context().close();
});

/** The admin accounts, each with the detail pages it opens most. */
const ADMINS: Array<{ account: string; who: string; details?: (page: Page, findings: Findings) => Promise<void> }> = [
  {
    account: 'demo-school',
    who: '校级',
    details: async (page, findings) => {
      await page.goto(`${baseUrl()}/admin/teachers`);
      const rows = page.locator('.app-content .ant-table-tbody a[href^="/admin/teachers/"]');
      await checkFirstDetail(page, '校级 教师详情', rows, /\/admin\/teachers\/\d+/, findings);
    },
  },
  {
    account: 'demo-county',
    who: '区县',
    details: async (page, findings) => {
      await page.goto(`${baseUrl()}/admin/projects`);
      const rows = page.locator('.app-content .ant-table-tbody a[href^="/admin/projects/"]');
      await checkFirstDetail(page, '区县 项目详情', rows, /\/admin\/projects\/\d+/, findings);
      // the review queues' dialogs: a claim's review drawer, and 退回 with its reason
      await page.goto(`${baseUrl()}/admin/credit-claims`);
      await checkDialog(page, page.locator('.ant-table-tbody').getByRole('button', { name: btn('审核') }), '区县 学分申报审核', findings);
      await page.goto(`${baseUrl()}/admin/project-reviews`);
      await checkDialog(page, page.locator('.ant-table-tbody').getByRole('button', { name: btn('退回') }), '区县 退回报名', findings);
    },
  },
  { account: 'demo-city', who: '市级' },
  {
    account: 'demo-institution',
    who: '承培机构',
    details: async (page, findings) => {
      await page.goto(`${baseUrl()}/admin/classes`);
      const rows = page.locator('.app-content a[href^="/admin/classes/"]');
      await checkFirstDetail(page, '承培机构 班级详情', rows, /\/admin\/classes\/\d+/, findings);
    },
  },
  { account: 'demo-sys', who: '系统管理员' },
  { account: 'demo-security', who: '安全管理员' },
  { account: 'demo-audit', who: '审计管理员' },
];

for (const { account, who, details } of ADMINS) {
  test(`${who} (${account}): every menu entry`, { timeout: 300_000 }, async () => {
    const page = await newPage(browser, DESKTOP);
    const findings = new Findings();
    await login(page, account);
    await page.waitForURL('**/admin/**', LONG);
    expect((await walkSideMenu(page, who, findings)).length).toBeGreaterThan(0);
    if (details) await details(page, findings);
    findings.expectNone();
    await page.context().close();
  });
}
