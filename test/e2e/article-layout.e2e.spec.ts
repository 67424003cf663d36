/**
 * The seed article's layout on a phone and a desktop (issue 17, parts 4–6):
 * where its first words start, no sideways scroll at 320 px, no axe
 * violations in the light and dark colour schemes, and a breaking ticker
 * that keeps `COVID-19` whole. A second article (a fixture capture) shares
 * the seed's section and is made breaking news with `COVID-19` in its
 * headline, so the page shows a ticker and a related article.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  launchBrowser,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { fixture, importInto, NOW, SEED_HEADLINE, SEED_ID } from '../helpers/site.js';
import { trickySite, type TrickySite } from '../helpers/tricky-article.js';

const run = browserAvailable();
// Evaluated rather than added as a script tag: the site's CSP refuses inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TICKER_HEADLINE =
  'عاجل: إجراءات جديدة لمواجهة COVID-19 في المدارس والجامعات مع بداية الفصل الدراسي';

/** A body with the parts typography must tell apart: headings, a list, a quotation. */
const RICH_BODY =
  '<p>قالت الوزارة إن "الوضع" تحت السيطرة &amp; إن الفرق تعمل منذ الصباح في أحياء المدينة.</p>' +
  '<h2>ما الذي نعرفه حتى الآن</h2>' +
  '<p>وصلت فرق الهلال الأحمر إلى المستشفيات الثلاثة، بحسب وكالة Reuters، ومعها 1,250 جرعة.</p>' +
  '<ul><li>لا إصابات جديدة منذ مساء أمس.</li><li>المستشفيات تعمل بطاقتها الكاملة.</li>' +
  '<li>المدارس تفتح أبوابها يوم الأحد.</li></ul>' +
  '<h3>ماذا بعد؟</h3>' +
  '<blockquote><p>«سنبقى هنا حتى يعود كل شيء كما كان»، قال أحد المسعفين.</p></blockquote>' +
  '<p>اقرأ <a href="/a/258871304963183">الخبر السابق</a>.</p>';

/** Violations axe finds in the page's WCAG 2.2 A/AA rules, as short lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run(o: object): Promise<{
            violations: { id: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
  );
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** PostScript names of the fonts Chromium drew `selector`'s text with (DevTools protocol). */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => font.postScriptName).sort();
}

describe.skipIf(!run)('the article page laid out for a phone', () => {
  let opened: SiteInBrowser;
  let browser: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    opened = await siteInBrowser();
    ({ browser, origin } = opened);
    const { db } = opened.site.database;
    const other = await importInto(opened.site.database, fixture('gulf-iso-date.txt'));
    const seed = await db
      .selectFrom('articles')
      .select('section_id')
      .where('id', '=', BigInt(SEED_ID) as never)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('articles')
      .set({
        headline: TICKER_HEADLINE,
        section_id: seed.section_id as bigint | null,
        breaking_until: new Date(NOW.getTime() + 3 * 3600_000).toISOString(),
      })
      .where('id', '=', BigInt(other.id) as never)
      .execute();
  });
  afterAll(() => opened?.close());

  async function open(width: number, height: number, colorScheme: 'light' | 'dark' = 'light') {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme });
    await page.goto(`${origin}/a/${SEED_ID}`);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  it('starts the featured image or the first paragraph within 450 px on a 390 × 844 phone', async () => {
    const page = await open(390, 844);
    const top = await page.evaluate(() => {
      const first =
        document.querySelector('.article__figure') ?? document.querySelector('.article__text p');
      return first ? first.getBoundingClientRect().top + window.scrollY : Infinity;
    });
    await page.screenshot({ path: `${SCREENSHOTS}/article-390x844.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/article-390x844-full.png`, fullPage: true });
    expect(top).toBeLessThanOrEqual(450);
    await page.close();
  });

  it('saves a desktop screenshot at 1366 × 900', async () => {
    const page = await open(1366, 900);
    await page.screenshot({ path: `${SCREENSHOTS}/article-1366x900.png`, fullPage: true });
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  it('never scrolls sideways on a 320 px phone', async () => {
    const page = await open(320, 640);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations in the ${scheme} colour scheme`, async () => {
      const page = await open(390, 844, scheme);
      if (scheme === 'dark') {
        await page.screenshot({ path: `${SCREENSHOTS}/article-390x844-dark.png`, fullPage: true });
      }
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('keeps COVID-19 on one line in the breaking ticker', async () => {
    const page = await open(320, 640);
    const lines = await page.evaluate(() => {
      const link = [...document.querySelectorAll('.breaking a')].find((a) =>
        a.textContent?.includes('COVID-19'),
      );
      if (!link) return -1;
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('COVID-19') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'COVID-19'.length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return tops.size;
      }
      return -1;
    });
    expect(lines).toBe(1);
    expect(await page.locator('.breaking .nowrap').allTextContents()).toEqual(['COVID-19']);
    await page.close();
  });

  it('keeps the breaking ticker at most two lines high on a 320 px phone, whatever the headline', async () => {
    const page = await open(320, 640);
    const heights = await page.evaluate(() => {
      const link = document.querySelector<HTMLElement>('.breaking a');
      if (!link) return null;
      const lineHeight = parseFloat(getComputedStyle(link).lineHeight);
      return { link: link.getBoundingClientRect().height, lineHeight };
    });
    expect(heights).not.toBeNull();
    expect(heights!.link).toBeLessThanOrEqual(2 * heights!.lineHeight + 1);
    await page.close();
  });
});

describe.skipIf(!run)('an article with its picture, writer and related stories', () => {
  let site: TrickySite;
  let browser: BrowserContext;
  let origin: string;

  beforeAll(async () => {
    site = await trickySite();
    const { db } = site.database;
    // The seed joins the tricky article's section: it is then its related story.
    const tricky = await db
      .selectFrom('articles')
      .select('section_id')
      .where('id', '=', BigInt(site.id) as never)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('articles')
      .set({ section_id: tricky.section_id as bigint | null })
      .where('id', '=', BigInt(SEED_ID) as never)
      .execute();
    await db
      .updateTable('articles')
      .set({
        featured_caption: 'مبنى وزارة الصحة في حلب صباح اليوم',
        featured_credit: 'Reuters',
        body_html: RICH_BODY,
      })
      .where('id', '=', BigInt(site.id) as never)
      .execute();
    origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('starts the picture within 450 px, then the byline, author box and related story', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/a/${site.id}`);
    await page.evaluate(() => document.fonts.ready);
    const top = await page
      .locator('.article__figure')
      .evaluate((figure) => figure.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({
      path: `${SCREENSHOTS}/article-image-390x844.png`,
      fullPage: true,
    });
    expect(top).toBeLessThanOrEqual(450);
    expect(await page.locator('.article__figure figcaption').textContent()).toBe(
      'مبنى وزارة الصحة في حلب صباح اليوم المصدر: Reuters',
    );
    expect(await page.locator('.author-box__name').textContent()).toBe('محرر الصفحة الأولى');
    expect(await page.locator('.related__headline').allTextContents()).toEqual([SEED_HEADLINE]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('sets body headings clearly larger than the text, and list items close together', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/a/${site.id}`);
    const sizes = await page.evaluate(() =>
      ['.article__text p', '.article__text h2', '.article__text h3'].map((selector) =>
        parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize),
      ),
    );
    const [text, h2, h3] = sizes as [number, number, number];
    expect(h2 / text).toBeGreaterThanOrEqual(1.35);
    expect(h3 / text).toBeGreaterThanOrEqual(1.15);
    const gaps = await page.evaluate(() => {
      const items = [...document.querySelectorAll('.article__text li')].map((li) =>
        li.getBoundingClientRect(),
      );
      return items.slice(1).map((box, i) => box.top - items[i]!.bottom);
    });
    // Less than a third of a line between items: not double-spaced.
    for (const gap of gaps) expect(gap).toBeLessThan(text * 0.5);
    await page.locator('.share-menu > summary').click();
    await page.screenshot({ path: `${SCREENSHOTS}/article-share-menu-390x844.png` });
    expect(await page.locator('#short-link').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#short-link').isVisible()).toBe(false);
    await page.close();
  });

  it('draws Latin words and digits (Reuters, 2026, 1,250) in the Arabic face, not a system serif', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/a/${site.id}`);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'latin-probe';
      p.textContent = 'قالت Reuters إن 1,250 شخصاً';
      document.querySelector('.article__text')?.append(p);
    });
    await page.evaluate(() => document.fonts.ready);
    expect(await renderedFonts(page, '.article__credit')).toEqual(['NotoNaskhArabic-Regular']);
    expect(await renderedFonts(page, '.article__facts time')).toEqual(['NotoNaskhArabic-Regular']);
    expect(await renderedFonts(page, '#latin-probe')).toEqual(['NotoNaskhArabic-Regular']);
    expect(await renderedFonts(page, 'h1')).toEqual(['NotoNaskhArabic-Bold']);
    await page.close();
  });

  it('has no axe violations in the dark colour scheme either', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${origin}/a/${site.id}`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({
      path: `${SCREENSHOTS}/article-image-390x844-dark.png`,
      fullPage: true,
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
