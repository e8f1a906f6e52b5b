// The credits flow of issue #4: the school admin certifies 校本研修 → the teacher's 2026 cell turns
// 已完成 and what is missing shrinks → the teacher claims credits with a file → the county admin
// approves → the teacher downloads the credit certificate → the public page verifies it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { minimalPdf } from './files.ts';
import { btn, choose, login, logout } from './helpers.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

// 李秀英's demo credits leave 2026's 校本研修 at 4 of the yearly 10
const GROUP_2026 = 'cell-school_based_training-2026';

async function teacherCredits() {
  await page.goto(`${baseUrl()}/space/credits`);
  const cell = page.getByTestId(GROUP_2026);
  await cell.waitFor();
  return {
    status: await cell.getAttribute('data-status'),
    missing:
      (await page
        .getByTestId('credit-missing')
        .textContent()
        .catch(() => '')) ?? '',
  };
}

test('校本研修 → 已完成 → 学分申报 → approval → certificate → public verification', async () => {
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**');
  const before = await teacherCredits();
  expect(before.status).toBe('in_progress');
  expect(before.missing).toContain('2026 年校本研修');
  await shot(page, 'credits-before');
  await logout(page);

  // the school admin certifies 6 学分 of 校本研修 for 李秀英
  await login(page, 'demo-school');
  await page.waitForURL('**/admin/**');
  await page.goto(`${baseUrl()}/admin/school-based`);
  const form = page.getByTestId('school-based-form');
  await form.waitFor();
  const teacher = form.getByRole('combobox', { name: '教师' });
  await teacher.click();
  await teacher.fill('李秀英');
  await choose(page, '李秀英');
  await form.getByLabel('认定日期').click();
  await form.getByLabel('认定日期').fill('2026-11-20');
  await page.keyboard.press('Enter');
  await form.getByLabel('研修内容').fill('2026 年秋季学期校本研修：课例研究与同课异构');
  await form.getByRole('spinbutton', { name: '学分' }).fill('6');
  await form.getByRole('button', { name: btn('认定') }).click();
  await page.getByText('校本研修学分已认定').waitFor();
  await shot(page, 'school-based-posted');
  await logout(page);

  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**');
  const after = await teacherCredits();
  expect(after.status).toBe('completed');
  expect(after.missing).not.toContain('2026 年校本研修');
  await shot(page, 'credits-after');

  // 学分申报 with a file
  await page.goto(`${baseUrl()}/space/credits/claims`);
  await page.getByRole('button', { name: /我要申报/ }).click();
  const modal = page.getByRole('dialog').filter({ hasText: '申报类型' });
  await modal.getByLabel('申报类型').click();
  await choose(page, '公开发表教育教学论文');
  await modal.getByLabel('年度').click();
  await choose(page, '2026 年');
  await modal.getByLabel('申报名称').fill('大单元教学设计的实践研究');
  await modal.getByLabel('数量（项）').fill('1');
  await modal.locator('input[type=file]').setInputFiles({ name: '论文.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
  await modal.getByRole('button', { name: btn('提交申报') }).click();
  await page.getByText('申报已提交，请等待审核').waitFor();
  const claims = page.getByTestId('my-claims-table');
  await expect
    .poll(async () => (await claims.locator('tr', { hasText: '大单元教学设计的实践研究' }).textContent()) ?? '', { timeout: 20_000 })
    .toContain('待审核');
  await logout(page);

  // the county admin (claims of this type are reviewed at the county) approves
  await login(page, 'demo-county');
  await page.waitForURL('**/admin/**');
  await page.goto(`${baseUrl()}/admin/credit-claims`);
  const row = page.getByTestId('claim-review-table').locator('tr', { hasText: '大单元教学设计的实践研究' });
  await row.waitFor();
  await row.getByRole('button', { name: btn('审核') }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '学分申报详情' });
  await drawer.getByText('大单元教学设计的实践研究').waitFor();
  await shot(page, 'claim-review');
  await drawer.getByRole('button', { name: btn('通过') }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('通过') })
    .click();
  await expect.poll(async () => (await drawer.textContent()) ?? '', { timeout: 20_000 }).toContain('已通过');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await logout(page);

  // the teacher sees the claim approved and issues the credit certificate
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**');
  await page.goto(`${baseUrl()}/space/credits/claims`);
  await expect
    .poll(
      async () => (await page.getByTestId('my-claims-table').locator('tr', { hasText: '大单元教学设计的实践研究' }).textContent()) ?? '',
      { timeout: 20_000 },
    )
    .toContain('已通过');

  await page.goto(`${baseUrl()}/space/certificates`);
  await page.getByRole('button', { name: /生成学分证书/ }).click();
  const issue = page.getByRole('dialog').filter({ hasText: '证书范围' });
  await issue.getByRole('combobox', { name: '培训周期' }).click();
  await choose(page, '十五五');
  await issue.getByRole('button', { name: btn('生成') }).click();
  const certRow = page.getByTestId('certificates-credit').locator('tbody tr', { hasText: '十五五' }).first();
  await certRow.waitFor();
  const code = /SX(-[A-Z0-9]{4}){4}/.exec((await certRow.textContent()) ?? '')?.[0];
  expect(code).toBeDefined();
  const [download] = await Promise.all([page.waitForEvent('download'), certRow.getByRole('button', { name: /下载 PDF/ }).click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await shot(page, 'certificates');

  // anyone, without logging in, can verify it
  const anon = await newPage(browser);
  await anon.goto(`${baseUrl()}/verify/${code}`);
  const result = anon.getByTestId('verify-result');
  await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 }).toContain('证书有效');
  const text = (await result.textContent()) ?? '';
  expect(text).toContain('李*英');
  expect(text).not.toContain('李秀英');
  expect(text).not.toContain('450102198604120117');
  await shot(anon, 'verify');
});
