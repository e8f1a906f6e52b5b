// Issue 9's done-when in the browser, on the demo's 十四五 history: 黄丽萍 (demo-teacher3), short of
// 校本研修, sees red 校本研修 cells and the right «还差» sentences in her 十四五 tab, with the 学分类型 rows
// showing amounts only; the county's 学分达标统计 opens on 十四五 (the last finished cycle) below 100 %,
// and a number opens its teachers, her among them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { login, logout } from './helpers.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

test('十四五: the short teacher’s red cells and «还差», and the county’s report below 100 % opening its teachers', async () => {
  await login(page, 'demo-teacher3');
  await page.waitForURL('**/space/**');
  await page.goto(`${baseUrl()}/space/credits`);
  await page.getByTestId('cycle-tab-fyp14').click();
  const checks = page.getByTestId('credit-checks-fyp14');
  await checks.waitFor();

  // the requirement rows carry the status: 校本研修 ≥ 10 a year failed in two years, and the cycle's 50
  const red: number[] = [];
  for (let y = 2021; y <= 2025; y++) {
    const status = await checks.getByTestId(`cell-school_based_training-${y}`).getAttribute('data-status');
    if (status === 'incomplete') red.push(y);
  }
  expect(red).toHaveLength(2);
  const cycleCell = checks.getByTestId('cell-school_based_training-cycle');
  expect(await cycleCell.getAttribute('data-status')).toBe('incomplete');
  expect(await cycleCell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 204, 199)'); // #ffccc7
  expect(await cycleCell.textContent()).toMatch(/还差/);
  const table = page.getByTestId('credit-table-fyp14');
  for (const y of red) {
    expect(await checks.getByTestId(`cell-school_based_training-${y}`).textContent()).toMatch(/^8\/10还差 2$/);
    await table.getByTestId(`year-failed-${y}`).waitFor();
  }
  // one concept, one row, one status: the 学分类型 rows show what was earned, with no status colour
  const categoryCell = table.getByTestId('cell-school_based-cycle');
  expect(await categoryCell.getAttribute('data-status')).toBe('earned');
  expect(await categoryCell.textContent()).toMatch(/^\d+(\.\d+)?$/);
  expect(await categoryCell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');

  const missing = (await page.getByTestId('credit-missing').filter({ visible: true }).textContent()) ?? '';
  for (const y of red) expect(missing).toContain(`${y} 年校本研修还差 2 学分`);
  expect(missing).toMatch(/十四五周期校本研修还差 \d+ 学分/);
  expect(missing).not.toMatch(/公共必修|专业选修|自主选修/);
  await shot(page, 'credit-cycles-teacher3-fyp14');
  await logout(page);

  // the county's report: 十四五 by default, below 100 %, and a number opens its teachers
  await login(page, 'demo-county');
  await page.waitForURL('**/admin/**');
  await page.goto(`${baseUrl()}/admin/credit-reports`);
  const complianceCard = page.getByRole('button', { name: /^达标 \d+ 人 · [\d.]+%，查看名单$/ });
  await complianceCard.waitFor();
  await page.getByText(/十四五周期 2021–2025（已结束）/).waitFor(); // the last finished cycle, by default
  const rateText = (await complianceCard.textContent()) ?? '';
  const rate = Number(/([\d.]+)%/.exec(rateText)?.[1]);
  expect(rate).toBeGreaterThan(0);
  expect(rate).toBeLessThan(100);
  const failing = page.getByRole('button', { name: /^未达标 \d+ 人，查看名单$/ });
  const count = Number(/未达标 (\d+) 人/.exec((await failing.getAttribute('aria-label')) ?? '')?.[1]);
  expect(count).toBeGreaterThan(0);
  await failing.click();
  const drawer = page.getByRole('dialog').filter({ hasText: '未达标' });
  await drawer.getByText(`共 ${count} 人`).waitFor();
  // listed by id: the history's notable teachers were added last, so 黄丽萍 is on the last page
  const pages = drawer.locator('.ant-pagination-item');
  if ((await pages.count()) > 1) await pages.last().click();
  await drawer.getByText('黄丽萍').first().waitFor();
  await shot(page, 'credit-cycles-county-fyp14');
});
