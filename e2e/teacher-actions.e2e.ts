// What a teacher and a county clerk do between the main flows: 撤回 an application that waits at the school,
// 重新申报 a returned 学分申报 with the reviewer's note and the same evidence, and 登记注册日期 for a teacher.
// 黄丽萍 (demo-teacher3) and 王伟 (demo-teacher2) are used so that the flows of 李秀英 elsewhere are untouched.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { minimalPdf } from './files.ts';
import { apiLogin, btn, login, logout } from './helpers.ts';

const LONG = { timeout: 30_000 };
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
});
// a page of its own per test: a failed test leaves no session behind for the next one
beforeEach(async () => {
  page = await newPage(browser);
});
afterEach(() => page?.context().close());
afterAll(() => browser?.close());

async function message(text: string) {
  await page.locator('.ant-message', { hasText: text }).first().waitFor(LONG);
}

test('撤回: an application that waits at the school is withdrawn by the teacher and leaves 审核中', async () => {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
  const project = `${year}年中小学教师师德师风专题培训`;
  await login(page, 'demo-teacher3');
  await page.waitForURL('**/space/**', LONG);
  await page.goto(`${baseUrl()}/space/projects?tab=reviewing`);
  await page.getByRole('button', { name: btn('去申报') }).click();
  const card = page.getByTestId('open-project').filter({ hasText: project });
  await card.getByRole('button', { name: btn('申报') }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: `申报“${project}”？` })
    .getByRole('button', { name: btn('提交申报') })
    .click();
  await message('已提交申报，等待学校审核');
  await page.keyboard.press('Escape'); // the drawer, if it is still open

  const mine = page
    .getByTestId('project-card')
    .filter({ hasText: project })
    .filter({ has: page.getByTestId('withdraw-application') });
  await mine.waitFor(LONG);
  await shot(page, 'teacher-applied');
  await mine.getByTestId('withdraw-application').click();
  await page
    .locator('.ant-popconfirm', { hasText: '撤回这份申报？' })
    .getByRole('button', { name: btn('撤回') })
    .click();
  await message('已撤回申报');
  await expect.poll(() => mine.count(), LONG).toBe(0);
  // it may be applied for again while the window is open
  await page.getByRole('button', { name: btn('去申报') }).click();
  await expect.poll(async () => card.getByRole('button', { name: btn('申报') }).isEnabled(), LONG).toBe(true);
  await page.keyboard.press('Escape');
  await logout(page);
});

test('重新申报: a returned claim comes back with the reviewer’s note and its evidence, and reaches the county again', async () => {
  const title = `课堂观察量表的校本化改编 ${Date.now() % 100000}`;
  // the claim is filed through the API (the form itself is walked in credits.e2e.ts): this test is about what
  // happens after it is returned
  const cookie = await apiLogin('demo-teacher3');
  const csrf = decodeURIComponent(/(?:^|;\s*)sx_csrf=([^;]*)/.exec(cookie)?.[1] ?? '');
  const fd = new FormData();
  fd.append('claimType', 'paper');
  fd.append('year', new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  fd.append('title', title);
  fd.append('quantity', '1');
  fd.append('files', new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }), '论文首页.pdf');
  const filed = await fetch(`${baseUrl()}/api/credit-claims`, {
    method: 'POST',
    headers: { cookie, origin: baseUrl(), 'x-csrf-token': csrf },
    body: fd,
  });
  expect(filed.status, await filed.clone().text()).toBe(201);

  // the county returns it with a reason
  const reason = '请补充刊物封面和目录页，证明论文已公开发表';
  await login(page, 'demo-county');
  await page.waitForURL('**/admin/**', LONG);
  await page.goto(`${baseUrl()}/admin/credit-claims`);
  // the menu's badge counts what waits, and follows a decision without a reload
  const badge = page.getByRole('menuitem', { name: /学分申报审核/ }).getByTestId('queue-badge');
  const waiting = async () => Number(/(\d+) 条待处理/.exec((await badge.getAttribute('aria-label').catch(() => null)) ?? '')?.[1] ?? 0);
  await expect.poll(waiting, LONG).toBeGreaterThan(0);
  const before = await waiting();
  const row = page.getByTestId('claim-review-table').locator('tr', { hasText: title });
  await row.getByRole('button', { name: btn('审核') }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '学分申报详情' });
  await drawer.getByRole('button', { name: btn('退回') }).click();
  const giveBack = page.getByRole('dialog').filter({ hasText: '退回 黄丽萍 的学分申报' });
  await giveBack.getByLabel('退回原因').fill(reason);
  await giveBack.getByRole('button', { name: btn('退回') }).click();
  await message('已退回');
  await giveBack.waitFor({ state: 'hidden', ...LONG });
  await expect.poll(waiting, LONG).toBe(before - 1);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden', ...LONG });
  await logout(page);

  // the teacher sees why, and answers with 重新申报: the form prefilled, the note shown, the evidence kept
  await login(page, 'demo-teacher3');
  await page.waitForURL('**/space/**', LONG);
  await page.goto(`${baseUrl()}/space/credits/claims`);
  const returned = page.getByTestId('my-claims-table').locator('tr', { hasText: title });
  await expect.poll(async () => (await returned.first().textContent()) ?? '', LONG).toContain(reason);
  expect(await returned.first().textContent()).toContain('未通过');
  await returned.first().getByTestId('resubmit-claim').click();
  const again = page.getByRole('dialog').filter({ hasText: '重新申报' });
  expect(await again.getByTestId('resubmit-note').textContent()).toContain(reason);
  expect(await again.getByLabel('申报名称').inputValue()).toBe(title);
  await again.getByLabel('申报名称').fill(`${title}（补充封面与目录）`);
  await again.getByRole('button', { name: btn('重新申报') }).click();
  await message('已重新申报，请等待审核');
  await again.waitFor({ state: 'hidden', ...LONG });
  const rows = page.getByTestId('my-claims-table').locator('tr', { hasText: title });
  await expect.poll(async () => (await rows.allTextContents()).join('|'), LONG).toMatch(/已重新申报/);
  await expect.poll(async () => (await rows.allTextContents()).join('|'), LONG).toMatch(/补充封面与目录.*待审核/);
  await shot(page, 'teacher-resubmitted');
  await logout(page);

  // the county sees the answer with the earlier note and the same file
  await login(page, 'demo-county');
  await page.waitForURL('**/admin/**', LONG);
  await page.goto(`${baseUrl()}/admin/credit-claims`);
  await page
    .getByTestId('claim-review-table')
    .locator('tr', { hasText: '补充封面与目录' })
    .getByRole('button', { name: btn('审核') })
    .click();
  const second = page.getByRole('dialog').filter({ hasText: '学分申报详情' });
  await expect.poll(async () => (await second.getByTestId('resubmit-of').textContent()) ?? '', LONG).toContain(reason);
  await second.getByText('论文首页.pdf').first().waitFor(LONG);
  await page.keyboard.press('Escape');
  await logout(page);
});

test('登记注册日期: the county records a 注册日期 and sees the new 定期注册 window; the same date twice adds nothing', async () => {
  await login(page, 'demo-county2');
  await page.waitForURL('**/admin/**', LONG);
  await page.goto(`${baseUrl()}/admin/teachers`);
  await page.getByLabel('搜索教师').fill('王伟');
  await page.getByLabel('搜索教师').press('Enter');
  await page.locator('tbody tr', { hasText: '王伟' }).getByRole('link', { name: '王伟' }).click();
  await page.getByTestId('record-registration').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '登记注册日期 — 王伟' });
  const record = async () => {
    const date = dialog.getByTestId('registration-date');
    await date.click();
    await date.fill('2026-03-01');
    await date.press('Enter');
    await dialog.getByRole('button', { name: btn('登记') }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: '确认登记注册日期' })
      .getByRole('button', { name: btn('确定登记') })
      .click();
  };
  await record();
  await message('注册日期已登记');
  const result = dialog.getByTestId('registration-result');
  await expect.poll(async () => (await result.textContent()) ?? '', LONG).toContain('2026-03-01 至 2031-02-28');
  await shot(page, 'county-registration');
  await dialog.getByRole('button', { name: btn('完成') }).click();

  await page.getByTestId('record-registration').click();
  await record();
  await message('该注册日期已登记过，未重复添加');
  expect((await result.textContent())?.match(/2026-03-01/g)?.length).toBeGreaterThanOrEqual(1);
  expect(((await result.textContent()) ?? '').split('注册记录')[1]?.match(/2026-03-01/g)).toHaveLength(1);
});
