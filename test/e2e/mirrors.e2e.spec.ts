/**
 * The alternate addresses (issue 22) in a real browser on a phone: an
 * administrator's refused form lists its errors above it and next to each
 * field, a corrected one is saved; a reader's /mirrors is right to left
 * with the addresses left to right inside it, and never scrolls sideways
 * at 320 px. Screenshots: mirrors-admin-refused-390x844.png,
 * mirrors-page-390x844.png, mirrors-page-320x640.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { createStaff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';

const run = browserAvailable();
const ONION = 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion';

describe.skipIf(!run)('the alternate addresses, on a phone', () => {
  let env: SiteInBrowser;

  beforeAll(async () => {
    env = await siteInBrowser();
    await createStaff(env.site.database, () => NOW);
  });
  afterAll(() => env?.close());

  async function open(width: number, height: number): Promise<Page> {
    const page = await env.browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width, height });
    return page;
  }

  it('refuses a v2 onion address and a bad mirror with every error shown, then saves', async () => {
    const page = await open(390, 844);
    await page.goto(`${env.origin}/admin/login`);
    await page.getByLabel('البريد الإلكتروني').fill('administrator@news.example');
    await page.getByLabel('كلمة المرور').fill('administrator password 1');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(`${env.origin}/admin`);
    await page.getByRole('link', { name: 'العناوين البديلة' }).click();
    await page.waitForURL(`${env.origin}/admin/mirrors`);

    await page.getByLabel('العنوان البصلي').fill('expyuzz4wqqyqhjn.onion');
    await page.getByLabel('عنوان المرآة 1').fill('mirror.example');
    await page.getByLabel('اسم المرآة 1 (اختياري)').fill('مرآة أوروبا');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary li').count()).toBe(2);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(2);
    expect(await page.getByLabel('عنوان المرآة 1').inputValue()).toBe('mirror.example');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({
      path: `${SCREENSHOTS}/mirrors-admin-refused-390x844.png`,
      fullPage: true,
    });

    await page.getByLabel('العنوان البصلي').fill(ONION);
    await page.getByLabel('عنوان المرآة 1').fill('https://mirror.example/');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(`${env.origin}/admin/mirrors?notice=mirrors-saved`);
    expect(await page.getByRole('status').textContent()).toBe(
      'حُفظت العناوين البديلة، وتظهر للقرّاء من الآن.',
    );
    await page.close();
  }, 60_000);

  it.each([
    [390, 844],
    [320, 640],
  ])('shows /mirrors right to left, addresses left to right, at %i px', async (width, height) => {
    const page = await open(width, height);
    await page.goto(`${env.origin}/`);
    await page.getByRole('link', { name: 'عناوين بديلة' }).click();
    await page.waitForURL(`${env.origin}/mirrors`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const onion = page.getByRole('link', { name: `http://${ONION}/` });
    expect(await onion.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(
      await page
        .locator('.mirrors-page p')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await page.screenshot({
      path: `${SCREENSHOTS}/mirrors-page-${width}x${height}.png`,
      fullPage: true,
    });
    await page.close();
  });
});
