// 校本研修 in the browser: the school admin certifies 李秀英's study of this year → on 我的学分 the
// 校本研修 cell of the year turns 已完成 and its «还差» sentence goes; an uploaded sheet reports its
// rows and posts nothing twice on a second upload; the county admin reverses the entry from the
// teacher's detail page and the cell goes back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '@shixun/domain';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { btn, login, logout, pick } from './helpers.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, { width: 1440, height: 900 });
});
afterAll(() => browser?.close());

const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const title = `${year}年校本研修：端到端测试专题`;

/** The 校本研修-per-year check of this year in the open cycle tab. */
const sbCell = (p: Page) => p.locator(`[role=tabpanel]:not([aria-hidden="true"]) [data-testid="cell-school_based_training-${year}"]`);
const missing = (p: Page) => p.locator('[role=tabpanel]:not([aria-hidden="true"])').getByTestId('credit-missing');

async function xlsx(rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('校本研修');
  ws.addRow(['证件号码', '姓名', '年度', '认定日期', '研修内容', '学分', '学时']);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('school admin certifies 校本研修 → teacher sees it → county admin reverses it', async () => {
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**');
  await page.goto(`${baseUrl()}/space/credits`);
  await sbCell(page).waitFor();
  const [earned, required] = (await sbCell(page).textContent())!.split('/').map(Number) as [number, number];
  // the demo leaves this year short; another browser test run before this one may have filled it
  const need = Math.max(required - earned, 1);
  if (earned < required) expect(await missing(page).textContent()).toContain(`${year} 年校本研修还差 ${need} 学分`);
  await logout(page);

  // the school admin: one entry by the form
  await login(page, 'demo-school');
  await page.waitForURL('**/admin**');
  await page.getByRole('menuitem', { name: /校本研修认定/ }).click();
  await page.waitForURL('**/admin/school-based');
  await pick(page, '教师', '李秀英');
  await page.getByTestId('school-based-form').locator('.ant-picker input').fill(today);
  await page.keyboard.press('Enter');
  await page.getByPlaceholder(/集体备课与听评课/).fill(title);
  await page.getByLabel('学分', { exact: true }).fill(String(need));
  await page.getByRole('button', { name: btn('认定') }).click();
  await page.getByText('校本研修学分已认定').waitFor();
  await page.getByTestId('school-based-list').getByText(title).waitFor();

  // and a sheet: one good row (陈静, imported teacher of the same school), one unknown ID number
  const file = await xlsx([
    [makeIdNumber('450102', '1988-06-18', 33), '陈静', year, today, `${title}（表格）`, 2, 6],
    [makeIdNumber('450102', '1970-01-01', 998), '查无此人', year, today, `${title}（表格）`, 2, 6],
  ]);
  const upload = () =>
    page.locator('input[type=file]').setInputFiles({
      name: '校本研修.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
  await upload();
  await expect
    .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
    .toContain('新导入 1 行，已导入过 0 行，有错误 1 行');
  expect(await page.getByTestId('import-rows').textContent()).toContain('证件号码在平台中不存在');
  await shot(page, 'school-based-import');
  await upload();
  await expect
    .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 20_000 })
    .toContain('新导入 0 行，已导入过 1 行，有错误 1 行');
  await logout(page);

  // the teacher: the cell is complete, the sentence is gone, the entry is behind the cell
  await login(page, 'demo-teacher');
  await page.waitForURL('**/space/**');
  await page.goto(`${baseUrl()}/space/credits`);
  await sbCell(page).waitFor();
  expect(await sbCell(page).textContent()).toBe(`${earned + need}/${required}`);
  expect(await sbCell(page).getAttribute('data-status')).toBe('completed');
  expect((await missing(page).count()) ? await missing(page).textContent() : '').not.toContain(`${year} 年校本研修还差`);
  await sbCell(page).click();
  await page.locator('.ant-drawer').getByText(title).waitFor();
  await shot(page, 'my-credits-after-school-based');
  await page.keyboard.press('Escape');
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  await logout(page);

  // the county admin reverses it on the teacher's detail page
  await login(page, 'demo-county');
  await page.waitForURL('**/admin**');
  await page.goto(`${baseUrl()}/admin/teachers?q=李秀英`);
  await page.getByRole('link', { name: '李秀英' }).first().click();
  await page.getByTestId('teacher-credits').waitFor();
  await sbCell(page).click();
  const row = page.locator('.ant-drawer tr').filter({ hasText: title }).filter({ hasNotText: '冲销：' });
  await row.getByRole('button', { name: btn('冲销') }).click();
  await page.getByLabel('冲销原因').fill('端到端测试：录入有误');
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: btn('冲销') })
    .click();
  await page.getByText(`已冲销“${title}”`).waitFor();
  await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('已冲销');
  await page.keyboard.press('Escape');
  await expect.poll(() => sbCell(page).textContent(), { timeout: 20_000 }).toBe(`${earned}/${required}`);
  await shot(page, 'teacher-detail-credits');
});
