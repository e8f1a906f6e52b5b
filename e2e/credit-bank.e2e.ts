// 学分银行 and the verifiable learning record in the browser, as 王伟 (demo-teacher2): open 学分银行, filter,
// export Excel and PDF, download a certificate's credential; then, logged out, the public /verify page
// checks the file — valid — and a copy with one character of its payload changed — tampered. At 390 px the
// page fits the screen.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newPage, shot } from './browser.ts';
import { apiLogin, btn, choose, login } from './helpers.ts';
import type { Browser } from 'playwright-core';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  // 王伟 gets a 十四五 学分证书 (the same one again if another run issued it: 200, reused)
  const cookie = await apiLogin('demo-teacher2');
  const csrf = decodeURIComponent(cookie.match(/sx_csrf=([^;]+)/)?.[1] ?? '');
  const r = await fetch(`${baseUrl()}/api/certificates/credit`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', origin: baseUrl() },
    body: JSON.stringify({ cycleId: 'fyp14' }),
  });
  expect([200, 201]).toContain(r.status);
});
afterAll(async () => {
  await browser?.close();
});

async function saved(page: Page, click: () => Promise<void>): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const path = await d.path();
  return { d, bytes: readFileSync(path) };
}

/** One character of the payload part changed to another base64url character. */
function tamper(token: string): string {
  const [h, p, sig] = token.trim().split('.') as [string, string, string];
  const i = Math.floor(p.length / 2);
  return `${h}.${p.slice(0, i)}${p[i] === 'A' ? 'B' : 'A'}${p.slice(i + 1)}.${sig}`;
}

describe('学分银行 (browser)', () => {
  it('a teacher filters and exports the bank, downloads a credential; /verify says valid, and tampered for a changed copy', async () => {
    const page = await newPage(browser);
    await login(page, 'demo-teacher2');
    await page
      .getByRole('menuitem', { name: /学分银行/ })
      .first()
      .click();
    await page.waitForURL('**/space/credit-bank');
    const total = page.getByTestId('bank-total');
    await total.waitFor();
    expect(Number((await total.textContent())?.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
    await page.getByTestId('bank-totals-cycle').getByText('十四五（2021–2025）').waitFor();

    // filter: 2025 only — every row is of 2025 and the filtered sum says so
    const table = page.getByTestId('bank-entries');
    await page.getByRole('combobox', { name: '年度' }).click();
    await choose(page, '2025 年');
    await expect
      .poll(async () => (await table.locator('tbody tr.ant-table-row').allTextContents()).every((t) => t.includes('2025 年')))
      .toBe(true);
    const rows = await table.locator('tbody tr.ant-table-row').count();
    expect(rows).toBeGreaterThan(0);
    await expect.poll(async () => (await page.getByTestId('bank-filtered-sum').textContent()) ?? '').toContain(`（${rows} 条`);
    await shot(page, 'credit-bank');

    const xlsx = await saved(page, () => page.getByRole('button', { name: btn('导出 Excel') }).click());
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
    const pdf = await saved(page, () => page.getByRole('button', { name: btn('导出 PDF') }).click());
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // the certificate's verifiable credential
    const cert = page.getByTestId('credential-certificates').locator('.ant-list-item', { hasText: '十四五' }).first();
    const cred = await saved(page, () => cert.getByRole('button', { name: btn('下载凭证') }).click());
    const jwt = cred.bytes.toString('utf8');
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(cred.d.suggestedFilename()).toMatch(/\.jwt$/);

    // anyone, not logged in, checks the file on the public page
    const visitor = await newPage(browser);
    await visitor.goto(`${baseUrl()}/verify`);
    await visitor.getByRole('tab', { name: '上传凭证文件' }).click();
    const input = visitor.locator('input[type=file]');
    await input.setInputFiles({ name: '王伟-学分证书.jwt', mimeType: 'application/octet-stream', buffer: Buffer.from(jwt) });
    const result = visitor.getByTestId('credential-result');
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 }).toContain('凭证有效');
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('王*');
    expect(shown).not.toContain('王伟');
    await shot(visitor, 'verify-credential-valid');

    await input.setInputFiles({ name: '改过的.jwt', mimeType: 'application/octet-stream', buffer: Buffer.from(tamper(jwt)) });
    await expect.poll(async () => (await result.textContent()) ?? '', { timeout: 20_000 }).toContain('凭证已被篡改');
    expect((await result.textContent()) ?? '').not.toContain('凭证有效');
    await shot(visitor, 'verify-credential-tampered');
    await visitor.context().close();
    await page.context().close();
  });

  it('an admin in scope sees the same bank on the teacher detail page', async () => {
    const cookie = await apiLogin('demo-school2');
    const list = (await (await fetch(`${baseUrl()}/api/teachers?q=${encodeURIComponent('王伟')}`, { headers: { cookie } })).json()) as {
      items: { id: number; name: string }[];
    };
    const wang = list.items.find((t) => t.name === '王伟');
    expect(wang).toBeTruthy();
    const own = (await (await fetch(`${baseUrl()}/api/teachers/${wang?.id}/credit-bank`, { headers: { cookie } })).json()) as {
      total: { amount: number };
    };
    const page = await newPage(browser);
    await login(page, 'demo-school2');
    await page.waitForURL('**/admin/**');
    await page.goto(`${baseUrl()}/admin/teachers/${wang?.id}`);
    const card = page.locator('.ant-card', { has: page.getByText('学分银行', { exact: true }) });
    await card.getByTestId('bank-total').waitFor();
    expect(Number((await card.getByTestId('bank-total').textContent())?.replace(/[^\d.]/g, ''))).toBe(own.total.amount);
    await card.getByTestId('bank-entries').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'credit-bank-admin');
    await page.context().close();
  });

  it('fits a 390 px phone', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'demo-teacher2');
    await page.waitForURL('**/space/**');
    await page.goto(`${baseUrl()}/space/credit-bank`);
    await page.getByTestId('bank-total').waitFor();
    await page.getByTestId('bank-entries').locator('tbody tr.ant-table-row').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'credit-bank-phone');
    await page.context().close();
  });
});
