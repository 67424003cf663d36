import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { SEED_HEADLINE, SEED_ID } from '../helpers/site.js';

const run = browserAvailable();

describe.skipIf(!run)('searching the seed in a real browser', () => {
  let opened: SiteInBrowser;
  let browser: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    opened = await siteInBrowser();
    ({ browser, origin } = opened);
  });
  afterAll(() => opened?.close());

  /** Types `query` in the header's search box of the home page and submits it with Enter. */
  async function searchFromHeader(query: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/`);
    await page.getByRole('searchbox', { name: 'ابحث في الموقع' }).fill(query);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    return page;
  }

  /** Each highlighted word of the first result, with the character before it. */
  const firstResultMarks = (page: Page) =>
    page
      .locator('.search-result')
      .first()
      .locator('.search-result__snippet mark')
      .evaluateAll((marks) =>
        marks.map((m) => ({
          word: m.textContent,
          before: (m.previousSibling?.textContent ?? '').slice(-1),
        })),
      );

  it.each([
    ['غدا', 'غداً', ' '],
    ['اي', 'أيّ', 'و'],
    ['الالمانيه', 'الألمانية', ' '],
    ['الأسَد', 'الأسد', ' '],
  ])(
    'finds the seed for %s and highlights %s in the original text',
    async (query, word, before) => {
      const page = await searchFromHeader(query);
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      const first = page.locator('.search-result').first();
      expect(await first.locator('.search-result__headline').textContent()).toBe(SEED_HEADLINE);
      expect(await first.locator('a').first().getAttribute('href')).toBe(`/a/${SEED_ID}`);
      expect(await firstResultMarks(page)).toContainEqual({ word, before });
      await page.close();
    },
  );

  it('draws the highlight over the word, inside the snippet, on a phone (screenshot)', async () => {
    const page = await searchFromHeader('الالمانيه');
    const snippet = page.locator('.search-result').first().locator('.search-result__snippet');
    const mark = snippet.locator('mark').first();
    const [box, markBox] = [await snippet.boundingBox(), await mark.boundingBox()];
    expect(box && markBox).toBeTruthy();
    if (!box || !markBox) return;
    expect(markBox.width).toBeGreaterThan(10);
    expect(markBox.x).toBeGreaterThanOrEqual(box.x);
    expect(markBox.x + markBox.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    const background = await mark.evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({ path: `${SCREENSHOTS}/search-phone.png`, fullPage: true });
    await page.close();
  });
});
