// 我的主页 and 工作台 in Chromium: the teacher sees this year's credit progress with what is still
// missing and their training with its 开班通知; the county admin lands on the 工作台, sees the counts of
// their queues (the same numbers the queues list) and clicks through to one.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { login } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** «…待审核 3 条»: the number itself, not the tail of a bigger one */
const count = (n: number) => new RegExp(`\\D${n}条`);

const apiTotal = async (page: Page, path: string) => {
  const r = await page.request.get(`${baseUrl()}${path}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as { total: number; items: Array<{ projectName?: string }> };
};

test('the teacher’s home: credit progress, what is missing, training with its 开班通知, todos', async () => {
  const page = await newPage(browser);
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/home');
  const credits = page.getByTestId('home-credits');
  await credits.waitFor();
  await expect.poll(() => credits.textContent()).toContain('学分进度');
  // the engine's sentences, e.g. «2026 年校本研修还差 6 学分»
  expect(await page.getByTestId('home-missing').textContent()).toContain('还差');
  expect(await credits.getByRole('progressbar').count()).toBeGreaterThan(0);
  const training = page.getByTestId('home-training-item');
  expect(await training.count()).toBeGreaterThan(0);
  expect(await page.getByTestId('home-training').textContent()).toContain('开班通知：');
  // the demo leaves 李秀英's 训后评估 open and one application returned
  const todos = page.getByTestId('home-todos');
  expect(await todos.textContent()).toContain('训后评估');
  expect(await todos.textContent()).toContain('申报未通过');
  await shot(page, 'home-teacher');
  // a training opens its detail page
  await training.first().getByRole('link').first().click();
  await page.waitForURL(/\/space\/projects\/\d+$/);
  await page.context().close();
});

test('the county admin’s 工作台: queue counts as the queues list them, and a click into the queue', async () => {
  const page = await newPage(browser);
  await login(page, 'demo-county');
  // /admin lands on the 工作台
  await page.waitForURL('**/admin/workbench');
  const tile = page.getByTestId('queue-projectReviews');
  await tile.waitFor();
  const queue = await apiTotal(page, '/api/enrollments/pending?pageSize=20');
  expect(queue.total).toBeGreaterThan(0);
  expect(await tile.textContent()).toMatch(count(queue.total));
  const changes = await apiTotal(page, '/api/profile-changes?status=pending&pageSize=1');
  expect(await page.getByTestId('queue-profileChanges').textContent()).toMatch(count(changes.total));
  const claims = await apiTotal(page, '/api/credit-claims?status=pending&pageSize=1');
  expect(await page.getByTestId('queue-creditClaims').textContent()).toMatch(count(claims.total));
  // a county admin has no registrations queue (the school reviews those)
  expect(await page.getByTestId('queue-registrations').count()).toBe(0);
  expect(await page.getByTestId('workbench-figures').textContent()).toContain('教师');
  expect(await page.getByTestId('workbench-compliance').textContent()).toMatch(/学分(进度|达标)/);
  await shot(page, 'home-workbench-county');
  await tile.click();
  await page.waitForURL('**/admin/project-reviews');
  await page.getByText(queue.items[0]!.projectName!).first().waitFor();
  await page.context().close();
});
