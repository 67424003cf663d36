/**
 * A live article in a real browser (issue 19): updates posted through the
 * live coverage service arrive over Server-Sent Events without a reload,
 * behind the «تحديث جديد (1)» bar; pressing it puts them at the top. On a
 * 390 px phone, right to left, in the light and dark schemes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import {
  endLiveCoverage,
  postLiveUpdate,
  startLiveCoverage,
} from '../../src/services/live-coverage.js';
import { moveArticle } from '../../src/services/move-article.js';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';

const run = browserAvailable();

describe.skipIf(!run)('a live article in a real browser', () => {
  let opened: SiteInBrowser;
  let browser: BrowserContext;
  let origin: string;
  let staff: Staff;
  // Real time: the page's script says «الآن» for an update of the last minute.
  const deps = () => ({
    database: opened.site.database,
    now: () => new Date(),
    onPublicChange: opened.site.app.publicChange,
  });

  beforeAll(async () => {
    opened = await siteInBrowser();
    ({ browser, origin } = opened);
    staff = await createStaff(opened.site.database, () => new Date());
  });
  afterAll(() => opened?.close());

  async function liveArticle(headline: string): Promise<ArticleId> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(
      deps(),
      staff.editor,
      id,
      content([staff.editor.id], {
        headline,
        bodyHtml:
          '<p>ضرب زلزال بقوة 6 درجات المنطقة الشمالية فجر اليوم، وتتابع فرقنا التطورات.</p>',
        tags: [],
      }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    await startLiveCoverage(deps(), staff.editor, id);
    return id;
  }

  const post = (id: ArticleId, headline: string, body: string, over = {}) =>
    postLiveUpdate(deps(), staff.author, id, {
      headline,
      bodyHtml: `<p>${body}</p>`,
      key: false,
      pinned: false,
      ...over,
    });

  /** The update numbers in the stream, top to bottom. */
  const streamOrder = (page: Page) =>
    page.$$eval('[data-live-stream] > .live-update', (items) =>
      items.map((item) => Number(item.getAttribute('data-number'))),
    );

  async function openPhone(id: ArticleId, colorScheme: 'light' | 'dark') {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme });
    const connected = page.waitForResponse((r) =>
      r.url().startsWith(`${origin}/live/${id}/events`),
    );
    await page.goto(`${origin}/a/${id}`);
    await connected;
    return page;
  }

  it.each(['light', 'dark'] as const)(
    'shows an update posted meanwhile behind the bar, and puts it on top when pressed (%s)',
    async (colorScheme) => {
      const id = await liveArticle(`زلزال في الشمال: تغطية مباشرة (${colorScheme})`);
      await post(id, 'فرق الإنقاذ تصل', 'وصلت فرق الدفاع المدني إلى القرى الأكثر تضرراً.', {
        key: true,
      });
      const page = await openPhone(id, colorScheme);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.locator('.live-badge').textContent()).toBe('مباشر');
      expect(await streamOrder(page)).toEqual([1]);
      await expect.poll(() => page.locator('#update-1 time').textContent()).toBe('الآن');
      expect(await page.locator('[data-live-bar]').isHidden()).toBe(true);

      await post(id, 'حصيلة أولية', 'أعلنت وزارة الصحة حصيلة أولية بلغت 12 مصاباً.');
      const bar = page.getByRole('button', { name: /تحديث جديد \(1\)/ });
      await bar.waitFor({ state: 'visible', timeout: 5000 });
      expect(await page.locator('[data-live-bar-text]').textContent()).toBe('تحديث جديد (1)');
      expect(await page.locator('[data-live-announce]').textContent()).toBe('تحديث جديد (1)');
      // Held until the reader asks: the stream has not moved.
      expect(await streamOrder(page)).toEqual([1]);

      await post(id, '', 'تحديث ثالث بلا عنوان.');
      await page
        .locator('[data-live-bar-text]')
        .filter({ hasText: 'تحديثان جديدان (2)' })
        .waitFor({ timeout: 5000 });
      await page.screenshot({ path: `${SCREENSHOTS}/live-blog-bar-390-${colorScheme}.png` });

      await page.getByRole('button', { name: /تحديثان جديدان \(2\)/ }).click();
      expect(await streamOrder(page)).toEqual([3, 2, 1]);
      expect(await page.locator('[data-live-bar]').isHidden()).toBe(true);
      expect(await page.locator('#update-2 .live-update__headline').textContent()).toBe(
        'حصيلة أولية',
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('update-3');
      await page.screenshot({ path: `${SCREENSHOTS}/live-blog-after-390-${colorScheme}.png` });
      await page.close();
    },
  );

  it('shows the ended banner when the editor ends the coverage', async () => {
    const id = await liveArticle('انتخابات البلدية: النتائج أولاً بأول');
    await post(id, 'بدء الفرز', 'بدأ فرز الأصوات في جميع المراكز.');
    const page = await openPhone(id, 'light');
    await endLiveCoverage(deps(), staff.editor, id);
    await page.locator('.live-status--ended').waitFor({ timeout: 5000 });
    // Of another day than the test clock's page: the date (in the site's month names), then the time.
    expect(await page.locator('.live-status--ended').textContent()).toMatch(
      /^انتهت التغطية المباشرة في [0-9]{1,2} \S.*، [0-9]{2}:[0-9]{2}$/,
    );
    expect(await page.locator('.live-badge').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/live-blog-ended-390.png`, fullPage: true });
    await page.close();
  });
});
