/**
 * The newsroom's account forms in a real browser on a phone (issue 17,
 * part 9): a refused set-up shows every error in a summary linked to the
 * fields and next to each field; adding a user says who was added; a
 * refusal on a user's row is drawn as an error. No axe violations.
 * Screenshots: newsroom-setup-errors-390x844.png, newsroom-users-added-390x844.png,
 * newsroom-users-refused-390x844.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, SCREENSHOTS } from '../helpers/browser.js';
import { testSite, type TestSite } from '../helpers/site.js';

const run = browserAvailable();
const PHONE = { width: 390, height: 844 };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axeViolations(page: Page): Promise<unknown[]> {
  // The newsroom's CSP refuses an injected <script>; the DevTools evaluation is not a page script.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: { run(o: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
  );
  if (result.violations.length > 0) console.log(JSON.stringify(result.violations, null, 2));
  return result.violations;
}

describe.skipIf(!run)('the newsroom forms, on a phone', () => {
  let site: TestSite;
  let browser: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    site = await testSite({}, { demo: false });
    origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows every set-up error, adds a user by name and draws a refusal as an error', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize(PHONE);

    await page.goto(`${origin}/admin/setup`);
    await page.getByLabel('البريد الإلكتروني').fill('not an address');
    await page.getByLabel('كلمة المرور').fill('short');
    await page.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary li').allInnerTexts()).toEqual([
      'اكتب اسماً من حرف واحد إلى 120 حرفاً.',
      'هذا ليس عنوان بريد إلكتروني صحيحاً.',
      'كلمة المرور قصيرة: عشرة أحرف على الأقل.',
    ]);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(3);
    await page.screenshot({
      path: `${SCREENSHOTS}/newsroom-setup-errors-390x844.png`,
      fullPage: true,
    });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('الاسم كما يظهر في التوقيع').fill('رئيسة التحرير');
    await page.getByLabel('البريد الإلكتروني').fill('owner@news.example');
    await page.getByLabel('كلمة المرور').fill('a long owner passphrase');
    await page.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await page.waitForURL(`${origin}/admin`);

    await page.goto(`${origin}/admin/users`);
    const form = page.locator('form[action="/admin/users"]');
    await form.getByLabel('الاسم كما يظهر في التوقيع').fill('Lina Haddad');
    await form.getByLabel('البريد الإلكتروني').fill('lina@news.example');
    await form.getByLabel('الدور').selectOption('editor');
    await form.getByLabel('كلمة المرور').fill('editor password 123');
    await form.getByRole('button', { name: 'إضافة مستخدم' }).click();
    await page.waitForURL(/notice=user-added/);
    expect(await page.locator('.notice--success').innerText()).toBe(
      'أُضيف المستخدم \u2068Lina Haddad\u2069 (\u2068lina@news.example\u2069) بدور محرر.',
    );
    await page.screenshot({
      path: `${SCREENSHOTS}/newsroom-users-added-390x844.png`,
      fullPage: true,
    });
    expect(await axeViolations(page)).toEqual([]);

    const lina = page.locator('.user-list__item', { hasText: 'lina@news.example' });
    await lina.getByPlaceholder('كلمة المرور الجديدة').fill('short');
    await lina.getByRole('button', { name: 'تعيين كلمة مرور جديدة' }).click();
    await page.waitForSelector('.notice--error');
    expect(await page.locator('.notice--success').count()).toBe(0);
    expect(await page.locator('.notice--error').innerText()).toBe(
      'كلمة المرور قصيرة: عشرة أحرف على الأقل.',
    );
    await page.screenshot({
      path: `${SCREENSHOTS}/newsroom-users-refused-390x844.png`,
      fullPage: true,
    });
    expect(await axeViolations(page)).toEqual([]);
  });
});
