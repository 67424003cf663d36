import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import { SEED_HEADLINE, SEED_ID } from '../helpers/site.js';

const run = browserAvailable();

describe.skipIf(!run)('the seed article in a real browser', () => {
  let opened: SiteInBrowser;
  let browser: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    opened = await siteInBrowser();
    ({ browser, origin } = opened);
  });
  afterAll(() => opened?.close());

  const bodyFontSize = (page: Page) =>
    page
      .locator('.article__text p')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

  it('shows the article right to left with its headline and view count, and counts the view by beacon', async () => {
    const page = await browser.newPage();
    const beacon = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url() === `${origin}/views/${SEED_ID}`,
    );
    await page.goto(`${origin}/a/${SEED_ID}`);

    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.locator('h1').textContent()).toBe(SEED_HEADLINE);
    expect(await page.locator('.article__views').textContent()).toBe('236 مشاهدة');
    expect((await (await beacon).response())?.status()).toBe(204);
    expect(opened.site.viewCounter.pendingFor(SEED_ID as ArticleId)).toBe(1);
    await page.close();
  });

  it('grows the body text with the larger-font control and remembers it after a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/a/${SEED_ID}`);
    const before = await bodyFontSize(page);

    await page.getByRole('button', { name: 'تكبير الخط' }).click();
    const after = await bodyFontSize(page);
    expect(after).toBeGreaterThan(before);

    await page.reload();
    expect(await bodyFontSize(page)).toBe(after);

    await page.getByRole('button', { name: 'تصغير الخط' }).click();
    expect(await bodyFontSize(page)).toBe(before);
    await page.close();
  });

  it('works from the keyboard and keeps the layout whole at the largest size on a phone', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${origin}/a/${SEED_ID}`);
    const larger = page.getByRole('button', { name: 'تكبير الخط' });
    await larger.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');

    expect(await larger.getAttribute('aria-disabled')).toBe('true');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({
      path: `${SCREENSHOTS}/article-phone-largest-font.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: 'تصغير الخط' }).click();
    await page.close();
  });

  it('saves screenshots at a phone and a desktop viewport', async () => {
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1366, height: 900 }],
    ] as const) {
      const page = await browser.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${origin}/a/${SEED_ID}`);
      await page.evaluate(() => localStorage.removeItem('midad:font-size'));
      await page.reload();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `${SCREENSHOTS}/article-${name}.png`, fullPage: true });
      await page.goto(origin);
      await page.screenshot({ path: `${SCREENSHOTS}/home-${name}.png`, fullPage: true });
      expect(
        await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'خبر')),
      ).toBe(true);
      await page.close();
    }
  });

  it('fits the share bar on a 360px phone, right to left, and opens the share sheet', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 780 });
    // A browser with the Web Share API: record what the page asks it to share.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    await page.goto(`${origin}/a/${SEED_ID}`);
    await page.evaluate(() => document.fonts.ready);
    // The share links live in the toolbar's share menu: open it first.
    await page.locator('.share-menu > summary').click();
    const bar = page.getByRole('group', { name: 'شارك الخبر:' });
    for (const name of ['واتساب', 'تيليغرام', 'إكس', 'فيسبوك']) {
      expect(await bar.getByRole('link', { name }).isVisible()).toBe(true);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // Right to left: WhatsApp, first in the list, sits to the right of Telegram.
    const whatsapp = await bar.getByRole('link', { name: 'واتساب' }).boundingBox();
    const telegram = await bar.getByRole('link', { name: 'تيليغرام' }).boundingBox();
    expect((whatsapp?.x ?? 0) > (telegram?.x ?? 0)).toBe(true);
    await page
      .locator('.article__tools')
      .screenshot({ path: `${SCREENSHOTS}/share-bar-phone.png` });

    await bar.getByRole('button', { name: 'مشاركة…' }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: ShareData }).shared)).toEqual({
      title: SEED_HEADLINE,
      url: `https://news.example/a/${SEED_ID}`,
    });
    await page.close();
  });

  it('hides the share-sheet button where the browser has no Web Share API', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: undefined });
    });
    await page.goto(`${origin}/a/${SEED_ID}`);
    expect(await page.locator('[data-share-url]').isHidden()).toBe(true);
    await page.close();
  });
});
