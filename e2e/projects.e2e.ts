// The training-project flow of issue #3, through the pages: the province creates and publishes a
// project and gives 南宁市 part of the quota → the city gives 兴宁区 part of its own → the county selects
// 李秀英 → the city and the province approve → the province assigns her to the institution's new class →
// the institution publishes the 开班通知, schedules a session and shows its check-in QR → 李秀英 checks in
// on her phone from the QR's address → the institution uploads the filled-in score template → she sees
// 合格 and downloads the 结业证书 → anyone verifies the certificate without logging in.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, choose, login, logout } from './helpers.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(() => browser?.close());

const LONG = { timeout: 20_000 };
const chinaDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));
const DAY_MS = 86_400_000;
// running today, so that a session today can be checked in; a recorded result ends it for the teacher
const TODAY = chinaDay(Date.now());
const START = chinaDay(Date.now() - 3 * DAY_MS);
const END = chinaDay(Date.now() + 7 * DAY_MS);
const NAME = `小学语文骨干教师能力提升培训 E2E-${Date.now().toString(36)}`;
const CLASS = 'E2E 一班';

async function as(account: string, area: 'admin' | 'space' = 'admin') {
  // each actor starts from a fresh session: the UI's 退出登录 ignores a failed logout request, and a
  // session left over would send /login straight back to the previous user's pages
  await page.context().clearCookies();
  await login(page, account);
  await page.waitForURL(`**/${area}/**`);
}

/** An antd Select of the form, by its label: opens it and clicks the option with this text. */
async function select(label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await choose(page, option);
}

/** The project's page, on one of its tabs. */
async function projectTab(id: string, tab: string) {
  await page.goto(`${baseUrl()}/admin/projects/${id}`);
  await page.getByRole('tab', { name: tab }).click();
}

async function message(text: string) {
  await page.locator('.ant-message').getByText(text).first().waitFor(LONG);
}

test('专项培训: plan → quotas → selection → review → class → check-in → scores → certificate → verification', {
  timeout: 600_000,
}, async () => {
  // ── the province creates the project through the form and publishes it
  await as('demo-province');
  await page.goto(`${baseUrl()}/admin/projects/new`);
  await page.getByLabel('项目名称').fill(NAME);
  await select('项目级别', '省级');
  await select('项目类型', '能力提升');
  await select('培训方式', '集中培训');
  await page.getByLabel('经费').fill('省级财政经费');
  await page.getByLabel('学分类型', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  await page.getByLabel('学分', { exact: true }).fill('3');
  await page.getByLabel('学时', { exact: true }).fill('24');
  await page.getByLabel('名额', { exact: true }).fill('10');
  const dates = page.locator('.ant-picker-range').first().locator('input');
  await dates.nth(0).click();
  await dates.nth(0).fill(START);
  await page.keyboard.press('Enter');
  await dates.nth(1).fill(END);
  // Enter here would submit the form: leave the field instead
  await page.keyboard.press('Tab');
  await page.locator('.ant-picker-dropdown:visible').first().waitFor({ state: 'hidden' });
  await page.getByLabel('培训地点').fill('南宁市青秀区教师培训中心报告厅');
  await page.locator('.ant-select', { has: page.locator('#institutionIds') }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '教师培训中心' }).first().click();
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: btn('保存草稿') }).click();
  await page.waitForURL(/\/admin\/projects\/\d+$/, LONG);
  const projectId = /\/admin\/projects\/(\d+)$/.exec(page.url())![1]!;
  await page.getByText('学分类型及标准').waitFor();
  await expect.poll(async () => (await page.locator('.ant-descriptions').textContent()) ?? '', LONG).toContain(`${START} ~ ${END}`);
  await page.getByRole('button', { name: btn('发布') }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('发布') })
    .click();
  await message('已发布');
  await shot(page, 'project-published');

  // ── and gives 南宁市 5 of its 10 places
  await page.getByRole('tab', { name: '名额分配' }).click();
  await expect.poll(() => page.getByTestId('quota-free').textContent(), LONG).toBe('10');
  const nanning = page.getByTestId('quota-table').locator('tr', { hasText: '南宁市' });
  await nanning.getByLabel('南宁市名额').fill('5');
  await nanning.getByRole('button', { name: btn('分配') }).click();
  await message('已将 南宁市 的名额设为 5');
  await expect.poll(() => page.getByTestId('quota-free').textContent(), LONG).toBe('5');
  await logout(page);

  // ── the city gives 兴宁区 2 of its 5
  await as('demo-city');
  await projectTab(projectId, '名额分配');
  await expect.poll(() => page.getByTestId('quota-free').textContent(), LONG).toBe('5');
  const xingning = page.getByTestId('quota-table').locator('tr', { hasText: '兴宁区' });
  await xingning.getByLabel('兴宁区名额').fill('2');
  await xingning.getByRole('button', { name: btn('分配') }).click();
  await message('已将 兴宁区 的名额设为 2');
  await expect.poll(() => page.getByTestId('quota-free').textContent(), LONG).toBe('3');
  await logout(page);

  // ── the county selects 李秀英 within its quota
  await as('demo-county');
  await projectTab(projectId, '遴选教师');
  await expect.poll(() => page.getByTestId('selection-free').textContent(), LONG).toBe('2');
  await page.getByPlaceholder('教师姓名').fill('李秀英');
  await page.getByPlaceholder('教师姓名').press('Enter');
  const candidate = page.getByTestId('candidates-table').locator('tbody tr', { hasText: '李秀英' });
  await candidate.waitFor(LONG);
  await candidate.locator('.ant-checkbox-input').check();
  await page.getByRole('button', { name: btn('遴选并提交') }).click();
  await message('已遴选 1 名教师');
  await shot(page, 'county-selected');
  await logout(page);

  // ── the city, then the province approve it in their review queues
  for (const account of ['demo-city', 'demo-province']) {
    await as(account);
    await page.goto(`${baseUrl()}/admin/project-reviews`);
    const row = page.getByTestId('reviews-table').locator('tbody tr', { hasText: NAME }).filter({ hasText: '李秀英' });
    await row.waitFor(LONG);
    await row.getByRole('button', { name: btn('通过') }).click();
    // a single approval is confirmed like the batch one
    await page
      .locator('.ant-popconfirm', { hasText: '通过 李秀英 的报名？' })
      .getByRole('button', { name: btn('通过') })
      .click();
    await message('已通过 李秀英 的报名');
    await expect.poll(() => row.count(), LONG).toBe(0);
    if (account === 'demo-city') await logout(page);
  }

  // ── the province assigns her to the institution, in a new class
  await projectTab(projectId, '学员名单');
  const trainee = page.getByTestId('trainees-table').locator('tbody tr', { hasText: '李秀英' });
  await expect.poll(async () => (await trainee.textContent()) ?? '', LONG).toContain('审核通过');
  await trainee.locator('.ant-checkbox-input').check();
  await page.getByRole('button', { name: /分配至承培机构（1）/ }).click();
  const assign = page.getByRole('dialog').filter({ hasText: '分配 1 名学员至承培机构' });
  await expect.poll(async () => (await assign.locator('.ant-select').first().textContent()) ?? '', LONG).toContain('教师培训中心');
  await assign.getByLabel('班级').fill(CLASS);
  await assign.getByRole('button', { name: btn('分配') }).click();
  await message('已将 1 名学员分配至');
  await expect.poll(async () => (await trainee.textContent()) ?? '', LONG).toContain(CLASS);
  await shot(page, 'assigned');
  await logout(page);

  // ── the institution: its class, the 开班通知, a session today, the check-in QR
  await as('demo-institution');
  await page.goto(`${baseUrl()}/admin/classes`);
  await page.getByTestId('classes-table').getByRole('link', { name: NAME }).click();
  await page.waitForURL(/\/admin\/classes\/\d+/);
  const classUrl = page.url().split('?')[0]!;
  await page.getByRole('tab', { name: '开班通知' }).click();
  await page.getByLabel('通知标题').fill(`关于${NAME}开班的通知`);
  await page
    .getByLabel('通知正文')
    .fill('请学员于开班当日 8:00 前到南宁市青秀区教师培训中心报告厅报到，携带身份证和笔记本电脑。联系人：黄老师。');
  await page.getByRole('button', { name: btn('保存') }).click();
  await message('已保存草稿');
  // 发布 turns on once the saved notice has come back
  await expect.poll(() => page.getByTestId('publish-notice').isEnabled(), LONG).toBe(true);
  await page.getByTestId('publish-notice').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('发布') })
    .click();
  await message('开班通知已发布');

  await page.getByRole('tab', { name: /课程安排/ }).click();
  await page.getByRole('button', { name: /新增课程/ }).click();
  const session = page.getByRole('dialog').filter({ hasText: '新增课程' });
  await session.getByLabel('日期').fill(TODAY);
  await session.getByLabel('开始时间').fill('00:00');
  await session.getByLabel('结束时间').fill('23:30');
  await session.getByLabel('主题').fill('大单元教学设计工作坊');
  await session.getByLabel('地点').fill('报告厅');
  await session.getByLabel('主讲').fill('韦教授');
  await session.getByRole('button', { name: btn('保存') }).click();
  await message('已新增课程');
  await page.getByTestId('sessions-table').locator('tbody tr', { hasText: '大单元教学设计工作坊' }).waitFor(LONG);

  // the teacher's phone, logged in before the QR goes up (the code lives 10–20 s)
  const phone = await newPage(browser, { width: 390, height: 844 });
  await login(phone, 'demo-teacher');
  await phone.waitForURL('**/space/**');

  await page.getByRole('tab', { name: '签到' }).click();
  await expect
    .poll(async () => (await page.locator('[role=tabpanel] .ant-select').first().textContent()) ?? '', LONG)
    .toContain('大单元教学设计工作坊');
  const [codeRes] = await Promise.all([
    page.waitForResponse((r) => /\/api\/classes\/\d+\/sessions\/\d+\/checkin-code$/.test(r.url()) && r.ok()),
    page.getByTestId('show-qr').click(),
  ]);
  const { url } = (await codeRes.json()) as { url: string };
  await page.getByTestId('checkin-qr').getByRole('img', { name: '签到二维码' }).waitFor();
  await shot(page, 'checkin-qr');
  expect(url).toMatch(/\/space\/checkin\?c=/);

  // ── 李秀英 opens the QR's address on her phone
  await phone.goto(url);
  await expect
    .poll(
      async () =>
        (await phone
          .getByTestId('checkin-result')
          .textContent()
          .catch(() => '')) ?? '',
      LONG,
    )
    .toBe('签到成功');
  await expect(phone.getByText('大单元教学设计工作坊').isVisible()).resolves.toBe(true);
  await shot(phone, 'checkin-phone');
  // the big screen counts her
  await expect.poll(() => page.getByTestId('checked-in-count').textContent(), LONG).toBe('1');
  await page
    .getByTestId('checkin-qr')
    .getByRole('button', { name: btn('关闭') })
    .click();
  const attendance = page.getByTestId('attendance-table').locator('tbody tr', { hasText: '李秀英' });
  await expect.poll(async () => (await attendance.textContent()) ?? '', LONG).toContain('已签到');
  expect(await attendance.textContent()).toContain('扫码');

  // ── the institution downloads the score template, fills it in, uploads it
  await page.goto(`${classUrl}?tab=scores`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载成绩模板/ }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const col = (h: string) => (ws.getRow(1).values as unknown[]).indexOf(h);
  expect(col('集中学习')).toBeGreaterThan(0);
  expect(col('网络学习')).toBeGreaterThan(0);
  let filled = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && row.getCell(col('姓名')).value === '李秀英') {
      row.getCell(col('集中学习')).value = 90;
      row.getCell(col('网络学习')).value = 80;
      filled++;
    }
  });
  expect(filled).toBe(1);
  const sheet = Buffer.from(await wb.xlsx.writeBuffer());
  await page
    .locator('input[type=file][accept=".xlsx"]')
    .setInputFiles({ name: '成绩.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet });
  const summary = page.getByTestId('scores-import-summary');
  await expect.poll(async () => (await summary.textContent().catch(() => '')) ?? '', LONG).toContain('更新 1 行');
  expect(await summary.textContent()).toContain('1 人合格');
  expect(await summary.textContent()).toContain('有错误 0 行');
  await shot(page, 'scores-imported');
  await logout(page);

  // ── 李秀英 sees 合格 (the result ends the project for her) and downloads the 结业证书
  await as('demo-teacher', 'space');
  await page.goto(`${baseUrl()}/space/projects?tab=ended`);
  const card = page.getByTestId('project-card').filter({ hasText: NAME });
  await expect.poll(async () => (await card.textContent().catch(() => '')) ?? '', LONG).toContain('合格 · 总成绩 85');
  expect(await card.textContent()).toContain('已签到 1/1');
  await shot(page, 'teacher-ended');
  await card.getByRole('link', { name: NAME }).click();
  const completion = page.locator('.ant-alert', { hasText: '考核合格，已颁发结业证书' });
  await completion.waitFor(LONG);
  const code = /SX(-[A-Z0-9]{4}){4}/.exec((await completion.textContent()) ?? '')?.[0];
  expect(code).toBeDefined();
  const [pdfRes] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/certificate.pdf')),
    page.getByTestId('print-certificate').click(),
  ]);
  expect(pdfRes.status()).toBe(200);
  expect(pdfRes.headers()['content-type']).toContain('application/pdf');
  // the page hands the PDF to a new tab as a blob, so Chromium keeps no body for this response:
  // fetch the same address again with the teacher's cookies to look at the bytes
  const pdf = await page.request.get(pdfRes.url()).then((r) => r.body());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await shot(page, 'teacher-detail');

  // ── anyone, without logging in, verifies it
  const anon = await newPage(browser);
  await anon.goto(`${baseUrl()}/verify/${code}`);
  const result = anon.getByTestId('verify-result');
  await expect.poll(async () => (await result.textContent().catch(() => '')) ?? '', LONG).toContain('证书有效');
  const text = (await result.textContent()) ?? '';
  expect(text).toContain('李*英');
  expect(text).not.toContain('李秀英');
  expect(text).toContain(NAME);
  await shot(anon, 'verify');
});
