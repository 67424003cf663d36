/**
 * Lite pages (issue 22) in a real browser in a 320 px window: the lite
 * article, the lite home page (offering the sections that have news, the
 * site having no menu) and the lite article served in place to a browser
 * sending `Save-Data: on` run under their own Content-Security-Policy with
 * no violation, their inline stylesheet applied, and never scroll
 * sideways. Screenshots: lite-article-320x640.png, lite-home-320x640.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { createSection } from '../../src/services/taxonomy.js';
import { findSection } from '../../src/storage/repositories/sections.repository.js';
import { slugify } from '../../src/arabic/slug.js';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW, SEED_ID } from '../helpers/site.js';

const run = browserAvailable();

describe.skipIf(!run)('lite pages, in a 320 px window', () => {
  let env: SiteInBrowser;

  beforeAll(async () => {
    env = await siteInBrowser();
    const staff = await createStaff(env.site.database, () => NOW);
    const deps = {
      database: env.site.database,
      now: () => NOW,
      onPublicChange: env.site.app.publicChange,
    };
    await createSection(deps, staff.administrator, 'اقتصاد');
    const section = (await findSection(env.site.database.db, { slug: slugify('اقتصاد') }))!;
    const id = await createDraft(deps, staff.editor);
    await saveArticle(
      deps,
      staff.editor,
      id,
      content([staff.author.id], { headline: 'الليرة تتراجع', sectionId: section.id }),
    );
    await moveArticle(deps, staff.editor, id, 'publish');
  });
  afterAll(() => env?.close());

  /**
   * Opens `path` at 320×640 (with `headers`, as a browser sends them); resolves to the page and
   * every console error and CSP violation it reported.
   */
  async function open(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ page: Page; problems: string[] }> {
    const page = await env.browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.setExtraHTTPHeaders(headers);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // Reported by the browser itself (an init script is not subject to the page's policy).
    await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation(text: string): void })
          .reportViolation;
        report(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const answer = await page.goto(`${env.origin}${path}`, { waitUntil: 'load' });
    expect(answer?.headers()['content-security-policy']).toMatch(/^default-src 'none';/);
    return { page, problems };
  }

  /** The body's font (the inline sheet's: a system Arabic font) and how wide the page is drawn. */
  const drawn = (page: Page) =>
    page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      width: document.documentElement.scrollWidth,
    }));

  it('draws the lite article with its stylesheet and no CSP violation', async () => {
    const { page, problems } = await open(`/lite/a/${SEED_ID}`);
    expect(await drawn(page)).toEqual({
      font: 'Tahoma, "Geeza Pro", Arial, sans-serif',
      width: 320,
    });
    await page.screenshot({ path: `${SCREENSHOTS}/lite-article-320x640.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the lite home page with its sections and no CSP violation', async () => {
    const { page, problems } = await open('/lite/');
    expect(await drawn(page)).toEqual({
      font: 'Tahoma, "Geeza Pro", Arial, sans-serif',
      width: 320,
    });
    expect(await page.locator('header nav a').allTextContents()).toEqual(['اقتصاد']);
    await page.screenshot({ path: `${SCREENSHOTS}/lite-home-320x640.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the lite article served in place for Save-Data with no CSP violation', async () => {
    const { page, problems } = await open(`/a/${SEED_ID}`, { 'save-data': 'on' });
    expect(await drawn(page)).toEqual({
      font: 'Tahoma, "Geeza Pro", Arial, sans-serif',
      width: 320,
    });
    expect(await page.locator('footer p').first().textContent()).toBe(
      'تصلك النسخة الخفيفة لأن متصفحك يطلب توفير البيانات.',
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
