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
  deleteLiveUpdate,
  editLiveUpdate,
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
  const streamOrder = (page: Page) => numbers(page, '[data-live-stream] > .live-update');
  /** The data-number of each element `selector` finds, in document order. */
  const numbers = (page: Page, selector: string) =>
    page.$$eval(selector, (items) => items.map((item) => Number(item.getAttribute('data-number'))));
  /** How far the page reaches past the viewport's width, px (0: nothing sticks out). */
  const overflow = (page: Page) =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
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
      // «الآن» on the page, the date and time in its tooltip.
      expect(await page.locator('#update-1 time').getAttribute('title')).toMatch(
        /^[0-9]{1,2} \S.* [0-9]{4}، [0-9]{2}:[0-9]{2}$/,
      );
      expect(await page.locator('[data-live-bar]').isHidden()).toBe(true);

      await post(id, 'حصيلة أولية', 'أعلنت وزارة الصحة حصيلة أولية بلغت 12 مصاباً.');
      const bar = page.getByRole('button', { name: /تحديث جديد \(1\)/ });
      await bar.waitFor({ state: 'visible', timeout: 5000 });
      expect(await page.locator('[data-live-bar-text]').textContent()).toBe('تحديث جديد (1)');
      expect(await page.locator('[data-live-announce]').textContent()).toBe('تحديث جديد (1)');
      // Held until the reader asks: the stream has not moved.
      expect(await streamOrder(page)).toEqual([1]);
      // At the foot of the phone's screen, 16 px clear of its edge, off the search box.
      const barBox = (await bar.boundingBox())!;
      const searchBox = (await page.locator('#site-search-q').boundingBox())!;
      expect(Math.round(844 - (barBox.y + barBox.height))).toBe(16);
      expect(barBox.y).toBeGreaterThan(searchBox.y + searchBox.height);

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

  it('puts an arriving pinned update in the pinned box and a key one in the key updates box, and moves them when edited', async () => {
    const id = await liveArticle('فيضانات الجنوب: تغطية مباشرة');
    await post(id, 'أمطار غزيرة', 'تهطل أمطار غزيرة منذ الفجر.');
    const page = await openPhone(id, 'light');
    expect(await page.locator('[data-live-pinned]').count()).toBe(0);
    expect(await page.locator('[data-live-key]').count()).toBe(0);

    await post(id, 'رقم الطوارئ', 'للإبلاغ عن عالقين اتصلوا بالرقم 112.', { pinned: true });
    await post(id, 'إخلاء قريتين', 'أعلن الدفاع المدني إخلاء قريتين.', { key: true });
    await page.getByRole('button', { name: /تحديثان جديدان \(2\)/ }).click();
    // As a reload would print it: the pinned one above the stream, the key one listed at the top.
    expect(await numbers(page, '[data-live-pinned] > .live-update')).toEqual([2]);
    expect(await streamOrder(page)).toEqual([3, 1]);
    expect(await page.locator('[data-live-key] h2').textContent()).toBe('التحديثات الرئيسية');
    expect(await numbers(page, '[data-live-key] li')).toEqual([3]);
    expect(await page.locator('[data-live-key] li a').getAttribute('href')).toBe('#update-3');
    expect(await page.locator('[data-live-key] li a').textContent()).toBe('إخلاء قريتين');
    // The box sits where the server prints it: after the header, before the body.
    expect(
      await page.evaluate(
        () => document.querySelector('.article__header')?.nextElementSibling?.className,
      ),
    ).toBe('live-key');
    const reloaded = await browser.newPage();
    await reloaded.goto(`${origin}/a/${id}`);
    expect(await numbers(reloaded, '[data-live-pinned] > .live-update')).toEqual([2]);
    expect(await streamOrder(reloaded)).toEqual([3, 1]);
    expect(await numbers(reloaded, '[data-live-key] li')).toEqual([3]);
    await reloaded.close();

    // Unpinned and made key: out of the pinned box (gone, as it is empty), into the stream and the box.
    await editLiveUpdate(deps(), staff.author, id, 2, {
      headline: 'رقم الطوارئ',
      bodyHtml: '<p>للإبلاغ عن عالقين اتصلوا بالرقم 112.</p>',
      key: true,
      pinned: false,
    });
    await expect.poll(() => streamOrder(page), { timeout: 5000 }).toEqual([3, 2, 1]);
    expect(await page.locator('[data-live-pinned]').count()).toBe(0);
    await expect.poll(() => numbers(page, '[data-live-key] li')).toEqual([3, 2]);
    // Pinned again: back above the stream, still in the key box.
    await editLiveUpdate(deps(), staff.author, id, 2, {
      headline: 'رقم الطوارئ',
      bodyHtml: '<p>للإبلاغ عن عالقين اتصلوا بالرقم 112.</p>',
      key: true,
      pinned: true,
    });
    await expect
      .poll(() => numbers(page, '[data-live-pinned] > .live-update'), { timeout: 5000 })
      .toEqual([2]);
    expect(await streamOrder(page)).toEqual([3, 1]);
    // No longer key, then deleted: the box goes when its last entry does.
    await editLiveUpdate(deps(), staff.author, id, 3, {
      headline: 'إخلاء قريتين',
      bodyHtml: '<p>أعلن الدفاع المدني إخلاء قريتين.</p>',
      key: false,
      pinned: false,
    });
    await expect.poll(() => numbers(page, '[data-live-key] li'), { timeout: 5000 }).toEqual([2]);
    await deleteLiveUpdate(deps(), staff.author, id, 2);
    await expect.poll(() => page.locator('[data-live-key]').count(), { timeout: 5000 }).toBe(0);
    expect(await page.locator('[data-live-pinned]').count()).toBe(0);
    expect(await streamOrder(page)).toEqual([3, 1]);
    expect(await page.locator('[data-live-bar]').isHidden()).toBe(true);
    await page.close();
  });

  it('keeps a wide image, a long URL and a long word within a 390 px phone, printed and arriving', async () => {
    const id = await liveArticle('عاصفة على الساحل: تغطية مباشرة');
    const url = `https://example.org/${'a'.repeat(170)}`;
    const word = 'ك'.repeat(300);
    // A site path the sanitiser keeps, answered by the browser with a 1274 px image.
    const wide = (n: number) =>
      `<figure><img src="/wide-${n}.svg" width="1274" height="400" alt="صورة عريضة"></figure>` +
      `<p>المصدر: <a href="${url}">${url}</a> ${url}</p><p>${word}</p>`;
    await postLiveUpdate(deps(), staff.author, id, {
      headline: word.slice(0, 200),
      bodyHtml: wide(1),
      key: true,
      pinned: false,
    });
    await saveArticle(
      deps(),
      staff.editor,
      id,
      content([staff.editor.id], {
        headline: 'عاصفة على الساحل: تغطية مباشرة',
        bodyHtml:
          '<p>ضرب زلزال بقوة 6 درجات المنطقة الشمالية فجر اليوم، وتتابع فرقنا التطورات.</p>',
        tags: [],
      }),
      { note: { kind: 'correction', text: `ورد في نسخة سابقة رابط خاطئ: ${word}` } },
    );
    await browser.route(`${origin}/wide-*.svg`, (route) =>
      route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="1274" height="400"><rect width="1274" height="400" fill="#888"/></svg>',
      }),
    );
    const page = await openPhone(id, 'dark');
    await page.locator('#update-1 img').evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('#update-1 img').evaluate((img) => img.clientWidth)).toBeLessThan(
      390,
    );
    expect(await overflow(page)).toBe(0);

    await postLiveUpdate(deps(), staff.author, id, {
      headline: '',
      bodyHtml: wide(2),
      key: false,
      pinned: true,
    });
    await page.getByRole('button', { name: /تحديث جديد \(1\)/ }).click();
    await page.locator('#update-2 img').evaluate((img: HTMLImageElement) => img.decode());
    expect(await page.locator('#update-2 img').evaluate((img) => img.clientWidth)).toBeLessThan(
      390,
    );
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/live-blog-wide-390-dark.png`, fullPage: true });

    await page.goto(`${origin}/corrections`);
    expect(await page.locator('.corrections-list li').count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/corrections-long-word-390.png` });
    await browser.unroute(`${origin}/wide-*.svg`);
    await page.close();
  });

  it('follows a link to an update on an older page there, and a # link without leaving the page', async () => {
    const id = await liveArticle('الانتخابات: الفرز مباشرة');
    for (let n = 1; n <= 102; n++) await post(id, '', `نتيجة المركز ${n}.`);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    // Update 2 is not among the newest 100: the address of the page that holds it.
    await page.goto(`${origin}/a/${id}#update-2`);
    await page.waitForURL(`${origin}/a/${id}?before=3#update-2`, { timeout: 5000 });
    expect(await numbers(page, '.live-update')).toEqual([2, 1]);
    expect(await page.locator('#update-2').isVisible()).toBe(true);
    // One on the first page stays there.
    await page.goto(`${origin}/a/${id}`);
    const canonicalPath = new URL((await page.locator('link[rel=canonical]').getAttribute('href'))!)
      .pathname;
    expect(canonicalPath).toMatch(new RegExp(`^/a/${id}/.+`));
    const canonical = `${origin}${canonicalPath}`;
    await page.goto(`${canonical}#update-50`);
    expect(page.url()).toBe(`${canonical}#update-50`);
    // The # link of an update is its fragment: following it keeps the page (and what arrived on it).
    await page.evaluate(() => {
      (window as unknown as { kept: boolean }).kept = true;
    });
    const link = page.locator('#update-40 .live-update__link');
    expect(await link.getAttribute('href')).toBe('#update-40');
    await link.click();
    expect(page.url()).toBe(`${canonical}#update-40`);
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    await page.close();
  });
});
