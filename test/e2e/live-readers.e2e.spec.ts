/**
 * «القرّاء الآن» and the editor's views chart in a real browser (issue 19):
 * at 390 px the page does not scroll sideways in Arabic or English (the
 * top lists become cards), and every chart label is whole inside its chart
 * and at least 11 px high at 390 and 1280 px; one hour of views is one
 * narrow bar, not a bar across the chart. Screenshots:
 * live-readers-{ar,en}-{390,1280}.png, article-views-{ar,en}-{390,1280}.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { startSession } from '../../src/services/sessions.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { SESSION_COOKIE } from '../../src/web/admin/session-cookie.js';
import { browserAvailable, launchBrowser, SCREENSHOTS } from '../helpers/browser.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const run = browserAvailable();
const WIDTHS = [390, 1280];
const HEADLINES = [
  'الحكومة تعلن خطة جديدة لإصلاح الصحة العامة في المحافظات الشمالية والشرقية',
  'ارتفاع أسعار الذهب في الأسواق المحلية',
  'المنتخب يفوز في المباراة النهائية',
];

/** What a chart label shows and where, measured in the browser. */
interface Label {
  text: string;
  /** Its box inside its SVG's box (1 px of rounding allowed). */
  inside: boolean;
  /** Its rendered height, CSS px. */
  height: number;
}

describe.skipIf(!run)('«القرّاء الآن» and the views charts in a real browser', () => {
  let site: TestSite;
  let browser: BrowserContext;
  let origin: string;
  let staff: Staff;
  const ids: ArticleId[] = [];

  beforeAll(async () => {
    site = await testSite({}, { demo: false, now: () => NOW });
    origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
    staff = await createStaff(site.database, () => NOW);
    const deps = { database: site.database, now: () => NOW };
    for (const headline of HEADLINES) {
      const id = await createDraft(deps, staff.editor);
      await saveArticle(deps, staff.editor, id, content([staff.author.id], { headline }));
      await moveArticle(deps, staff.editor, id, 'publish');
      ids.push(id);
    }
    const [a, b, c] = ids as [ArticleId, ArticleId, ArticleId];
    const views = (id: ArticleId, n: number, secondsAgo: number) =>
      addViews(site.database.db, new Map([[id, n]]), new Date(NOW.getTime() - secondsAgo * 1000), {
        byReferrer: new Map([
          [
            id,
            {
              search: n - 3 * Math.floor(n / 4),
              social: Math.floor(n / 4),
              direct: Math.floor(n / 4),
              other: Math.floor(n / 4),
            },
          ],
        ]),
      });
    // A four-figure peak, the widest maximum label, in the newest minute (and the hour of publication).
    await views(a, 5026, 0);
    await views(b, 40, 60);
    await views(c, 7, 20 * 60);
    const session = await startSession(
      { database: site.database, now: () => NOW },
      staff.editor.id,
    );
    browser = await launchBrowser();
    await browser.addCookies([{ name: SESSION_COOKIE, value: session, url: origin }]);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The chart labels of the page (the largest value and the time labels). */
  const labels = (page: Page): Promise<Label[]> =>
    page.evaluate(() =>
      [...document.querySelectorAll('.chart__max, .chart__tick')].map((e) => {
        const box = e.getBoundingClientRect();
        const chart = (e.closest('svg') as SVGSVGElement).getBoundingClientRect();
        return {
          text: e.textContent ?? '',
          inside: box.left >= chart.left - 1 && box.right <= chart.right + 1,
          height: Math.round(box.height),
        };
      }),
    );
  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  async function setLanguage(page: Page, lang: 'ar' | 'en'): Promise<void> {
    if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action="/admin/language"] button'),
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  }

  it('fits /admin/live and the editor in 390 px, with whole, readable chart labels, in Arabic and English', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${origin}/admin/live`);
    for (const lang of ['ar', 'en'] as const) {
      await setLanguage(page, lang);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(`${origin}/admin/live`);
        expect(await sideways(page)).toBeLessThanOrEqual(width);
        const live = await labels(page);
        // The largest minute, then a label every 10 minutes from the newest
        // (12:00 UTC is 15:00 in Damascus).
        expect(live.map((l) => l.text)).toEqual([
          '5,026',
          '15:00',
          '14:50',
          '14:40',
          '14:30',
          '14:20',
          '14:10',
        ]);
        expect(live.filter((l) => !l.inside || l.height < 11)).toEqual([]);
        // On a phone the headline of each card has the card's width, not a narrow column.
        if (width === 390) {
          const headline = await page.locator('.live-table__headline').first().boundingBox();
          expect(headline?.width).toBeGreaterThan(250);
        }
        await page.screenshot({
          path: `${SCREENSHOTS}/live-readers-${lang}-${width}.png`,
          fullPage: true,
        });

        await page.goto(`${origin}/admin/articles/${ids[0]}/edit`);
        await page.locator('[data-editor-ready]').waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(width);
        const article = await labels(page);
        expect(article.map((l) => l.text)).toEqual(['5,026', '15:00']);
        expect(article.filter((l) => !l.inside || l.height < 11)).toEqual([]);
        // One hour of views: a 24th of the chart, less its gap.
        const [bar, chart] = await Promise.all([
          page.locator('.chart--article .chart__bar').boundingBox(),
          page.locator('.chart--article').boundingBox(),
        ]);
        expect(Math.round(((bar?.width ?? 0) / (chart?.width ?? 1)) * 1000)).toBe(33);
        await page.screenshot({
          path: `${SCREENSHOTS}/article-views-${lang}-${width}.png`,
          fullPage: true,
        });
      }
    }
    expect(problems).toEqual([]);
  });
});
