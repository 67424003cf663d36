/**
 * The front page in a real browser (issue 17, parts 1–2), on a site of six
 * sections with and without pictures, set up as an administrator would:
 * a logo, a menu of four sections in a chosen order, three section blocks
 * and an opinion section. Screenshots at a phone's and a desktop's size
 * (home-390x844.png, home-1366x900.png); no horizontal scroll at 320 px;
 * no axe violations.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { saveFrontPageSettings } from '../../src/services/front-page-settings.js';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { fillFrontPage, type FrontPageSeed } from '../helpers/front-page-site.js';

const run = browserAvailable();
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The menu an administrator chose, in order (after «الرئيسية»). */
const MENU = ['سياسة', 'اقتصاد', 'رياضة', 'مقالات الرأي'];

interface AxeResult {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
}
declare const axe: { run(options: object): Promise<AxeResult> };

describe.skipIf(!run)('the front page in a real browser', () => {
  let opened: SiteInBrowser;
  let browser: BrowserContext;
  let origin: string;
  let seed: FrontPageSeed;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'midad-front-e2e-'));
    opened = await siteInBrowser(
      { MIDAD_MEDIA_DIR: mediaDir, MIDAD_HIJRI: 'true' },
      { demo: false },
    );
    ({ browser, origin } = opened);
    const database = opened.site.database;
    seed = await fillFrontPage(database, mediaDir);
    const s = seed.sections;
    const saved = await saveFrontPageSettings({ database }, seed.staff.administrator, {
      logoMediaId: seed.logoId,
      menuSectionIds: [s.politics, s.economy, s.sport, s.opinion],
      blockSectionIds: [s.politics, s.economy, s.sport, s.culture],
      opinionSectionId: s.opinion,
      secondary: ['', '', '', ''],
    });
    expect(saved.changed).toEqual(['logo', 'menu', 'blocks', 'opinion']);
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  async function open(width: number, height: number): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${origin}/`);
    return page;
  }

  /** Scrolls to the bottom and back, so lazy images load before a full-page screenshot. */
  async function loadAllImages(page: Page): Promise<void> {
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      window.scrollTo(0, 0);
      await Promise.all(
        [...document.images].map((img) =>
          img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true })),
        ),
      );
    });
  }

  it.each([
    [390, 844],
    [1366, 900],
  ])(
    'at %i×%i: the chosen menu in order, the lead image, the blocks, no axe violations (screenshot)',
    async (width, height) => {
      const page = await open(width, height);
      const menu = await page
        .getByRole('navigation', { name: 'أقسام الموقع' })
        .getByRole('link')
        .allTextContents();
      expect(menu).toEqual(['الرئيسية', ...MENU]);
      expect(await page.locator('.section-nav a[aria-current="page"]').allTextContents()).toEqual([
        'الرئيسية',
      ]);
      // One row: every item of the menu on the same line, however narrow the screen.
      const tops = await page
        .locator('.section-nav li')
        .evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);

      const leadImage = page.locator('.lead-story img');
      expect(await leadImage.count()).toBe(1);
      expect(await leadImage.getAttribute('fetchpriority')).toBe('high');
      expect(await leadImage.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
      const logo = page.locator('.masthead__logo');
      expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
      expect(await page.locator('.masthead__brand').textContent()).toBe('مداد');
      expect(await page.locator('.masthead__date time').getAttribute('datetime')).toBe(
        '2026-11-29',
      );
      expect(await page.locator('.masthead__hijri').count()).toBe(1);

      expect(await page.locator('.front-block__title').allTextContents()).toEqual([
        'سياسة',
        'اقتصاد',
        'رياضة',
        'ثقافة وفنون',
        'مقالات الرأي',
      ]);
      expect(await page.locator('.opinion-piece').count()).toBeGreaterThan(0);
      expect(await page.locator('.opinion-piece .author-photo img').count()).toBeGreaterThan(0);

      await loadAllImages(page);
      // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(() =>
        axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
      );
      if (result.violations.length > 0) console.log(JSON.stringify(result.violations, null, 2));
      expect(result.violations).toEqual([]);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      await page.screenshot({ path: `${SCREENSHOTS}/home-${width}x${height}.png`, fullPage: true });
      await page.close();
    },
    60_000,
  );

  it('never scrolls sideways at 320 px: the menu scrolls inside itself instead', async () => {
    const page = await open(320, 640);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    const nav = page.locator('.section-nav__list');
    const [scroll, client] = await nav.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(client).toBeLessThanOrEqual(320);
    expect(scroll).toBeGreaterThanOrEqual(client);
    await page.close();
  });

  it('lets an administrator reorder the menu in the newsroom, and the site follows at once (screenshot)', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('البريد الإلكتروني').fill('administrator@news.example');
    await page.getByLabel('كلمة المرور').fill('administrator password 1');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(`${origin}/admin`);
    await page.getByRole('link', { name: 'الواجهة' }).click();
    await page.waitForURL(`${origin}/admin/front-page`);
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
    );
    if (result.violations.length > 0) console.log(JSON.stringify(result.violations, null, 2));
    expect(result.violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({
      path: `${SCREENSHOTS}/front-page-settings-390x844.png`,
      fullPage: true,
    });

    // Equal numbers keep the table's order (by name): رياضة comes before سياسة.
    await page.getByLabel('ترتيبه في القائمة: رياضة').fill('1');
    await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
    await page.waitForURL(/\/admin\/front-page\?saved=menu$/);
    expect(await page.getByRole('status').textContent()).toBe('حُفظ: قائمة الأقسام.');
    await page.goto(`${origin}/`);
    const menu = await page
      .getByRole('navigation', { name: 'أقسام الموقع' })
      .getByRole('link')
      .allTextContents();
    expect(menu).toEqual(['الرئيسية', 'رياضة', 'سياسة', 'اقتصاد', 'مقالات الرأي']);
    await page.close();
  }, 60_000);
});
