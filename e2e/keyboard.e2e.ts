// The teacher's main flows with the keyboard alone (issue: GB/T 37668, WCAG 2.1.1 and 2.4.7): log in, open 我的学分
// through the menu and a cell's entries, 我的专项培训 and a project's detail, then log out — Tab, arrows,
// Enter and Escape only, no click — and at every stop the focused element shows a ring a user can see.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD, launch, newPage } from './browser.ts';
import { btn } from './helpers.ts';
import { settled } from './a11y.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const LONG = { timeout: 30_000 };

/** What has the focus, in a few words (for failure messages). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30);
    return `${e.tagName.toLowerCase()}${e.getAttribute('role') ? `[role=${e.getAttribute('role')}]` : ''} «${name}»`;
  });

/**
 * The focused element shows a ring a user can see: an outline of 2 px or more, or for a form field its border, in a
 * colour at least 3:1 against what is around it (WCAG 1.4.11; antd's own light blue ring is 1.7:1 on white).
 */
async function expectFocusVisible(page: Page) {
  // antd marks a focused field on React's next render: poll briefly
  const ring = () =>
    page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return 'nothing has the focus';
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r = 0, g = 0, b = 0] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
      };
      /** the first opaque background behind an element */
      const behind = (el: Element | null) => {
        for (let x = el; x; x = x.parentElement) {
          const c = getComputedStyle(x).backgroundColor;
          const parts = c.match(/[\d.]+/g) ?? [];
          if (parts.length < 4 || Number(parts[3]) === 1) return c;
        }
        return 'rgb(255, 255, 255)';
      };
      const own = getComputedStyle(e);
      if (own.outlineStyle !== 'none' && Number.parseFloat(own.outlineWidth) >= 2) {
        const ratio = contrast(own.outlineColor, behind(e.parentElement));
        return ratio >= 3 ? 'ok' : `outline ${own.outlineColor} is ${ratio.toFixed(2)}:1`;
      }
      // a field shows its focus on its box: the wrapper around an input with an icon, else the input itself
      const field = e.closest('.ant-input-affix-wrapper, .ant-select, .ant-picker') ?? e.closest('.ant-input');
      if (!field) return 'no outline';
      // unfocused, the border is a light grey (1.3:1); focused, the platform blue
      const border = getComputedStyle(field).borderTopColor;
      const ratio = contrast(border, behind(field.parentElement));
      return ratio >= 3 ? 'ok' : `field border ${border} is ${ratio.toFixed(2)}:1`;
    });
  await expect.poll(ring, { timeout: 2_000, message: `focus ring of ${await focused(page)}` }).toBe('ok');
}

/** Presses Tab until `target` has the focus; fails listing where the focus went. */
async function tabTo(page: Page, target: Locator) {
  const trail: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) {
      await expectFocusVisible(page);
      return;
    }
    trail.push(await focused(page));
  }
  throw new Error(`Tab never reached the target; the focus went: ${trail.join(' → ')}`);
}

/** Moves in the side menu with the arrow keys to the entry and opens it with Enter (Tab into the menu first). */
async function openFromMenu(page: Page, label: string) {
  const menu = page.getByRole('menu', { name: '教师个人空间菜单' });
  if (!(await menu.evaluate((m) => m.contains(document.activeElement)))) await tabTo(page, menu);
  const items = menu.locator(':scope > li[role="menuitem"]');
  const labels = (await items.allInnerTexts()).map((t) => t.trim());
  const target = labels.indexOf(label);
  expect(target, `${label} in the menu (${labels.join(', ')})`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < labels.length + 1; i++) {
    const at = await items.evaluateAll((lis) => lis.findIndex((li) => li === document.activeElement));
    if (at === target) break;
    await page.keyboard.press(at === -1 || at < target ? 'ArrowDown' : 'ArrowUp');
  }
  await expect.poll(() => focused(page)).toContain(label);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
}

test('the teacher with the keyboard alone: log in, 我的学分, 我的专项培训, a project, log out', { timeout: 180_000 }, async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('账号').waitFor(LONG);

  await tabTo(page, page.getByLabel('账号'));
  await page.keyboard.type('demo-teacher');
  await tabTo(page, page.getByLabel('密码'));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/space/home', LONG);
  await expect.poll(() => page.getByTestId('current-user').textContent(), LONG).toBe('李秀英');
  await settled(page);

  // 我的学分 through the menu; a cell of the table opens its entries with Enter, Escape closes them
  await openFromMenu(page, '我的学分');
  await page.waitForURL('**/space/credits', LONG);
  const cell = page.locator('[data-testid^="credit-table-"]:visible td[role="button"]').first();
  await cell.waitFor(LONG);
  await tabTo(page, cell);
  const cellName = (await cell.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog').filter({ hasText: '学分明细' });
  await drawer.waitFor(LONG);
  // the drawer's title names the cell that was opened («2026 年合计 · 学分明细»)
  const cellLabel = /^(.+?)(?: [\d.]+\/[\d.]+|：)/.exec(cellName)?.[1];
  expect(cellLabel, cellName).toBeTruthy();
  expect(await drawer.textContent()).toContain(`${cellLabel} · 学分明细`);
  await settled(page);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden', ...LONG });
  // the focus comes back to the cell that opened the entries (it is restored once the drawer has closed)
  await expect.poll(() => cell.evaluate((el) => el === document.activeElement), LONG).toBe(true);

  // 我的专项培训, then a project's detail from its card
  await openFromMenu(page, '我的专项培训');
  await page.waitForURL('**/space/projects', LONG);
  const link = page.getByTestId('project-card').first().locator('a').first();
  await link.waitFor(LONG);
  const projectName = ((await link.textContent()) ?? '').trim();
  expect(projectName).not.toBe('');
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/space\/projects\/\d+$/, LONG);
  await page.locator('.app-content').getByText(projectName).first().waitFor(LONG);
  await settled(page);

  // 退出登录 in the header
  await tabTo(page, page.getByRole('button', { name: btn('退出登录') }));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/login', LONG);
  // the server ended the session: the browser's cookie no longer opens anything
  expect((await page.request.get(`${baseUrl()}/api/auth/me`)).status()).toBe(401);
  await page.context().close();
});
