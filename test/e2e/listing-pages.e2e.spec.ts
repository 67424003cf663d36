/**
 * Section and author pages in a real browser, at a phone (390 × 844) and a
 * desktop (1366 × 900) size: screenshots of each (the author with photo,
 * bio and links; the section with its description; both lists with
 * thumbnails and stand-ins), no horizontal scroll at 320 px, and no axe
 * violations (WCAG 2.2 AA).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProfile } from '../../src/services/author-profile.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { storeImage } from '../../src/services/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { describeSectionAs } from '../../src/services/taxonomy.js';
import { updateMediaText } from '../../src/storage/repositories/media.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { MEDIA_LIMITS } from '../helpers/images.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';

const run = browserAvailable();
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const AUTHOR_PAGE = `/author/${encodeURIComponent('كاتب-الأخبار')}`;
const SECTION_PAGE = '/section/economy';

/** A picture to upload: a gradient with a few shapes, `width`×`height`, as JPEG. */
function picture(width: number, height: number, hue: number, portrait = false): Promise<Buffer> {
  const shapes = portrait
    ? `<circle cx="50%" cy="38%" r="22%" fill="#f1d3b3"/><ellipse cx="50%" cy="100%" rx="42%" ry="36%" fill="#2d3a4a"/>`
    : `<rect x="8%" y="55%" width="30%" height="35%" fill="hsl(${hue},30%,85%)"/><circle cx="75%" cy="30%" r="12%" fill="hsl(${hue + 40},70%,70%)"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},55%,45%)"/><stop offset="1" stop-color="hsl(${hue + 30},60%,25%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

const HEADLINES = [
  'الليرة السورية تتراجع أمام الدولار في السوق الموازية',
  'غرفة تجارة دمشق: ارتفاع أسعار المواد الغذائية 12% خلال شهر',
  'مصرف سورية المركزي يصدر نشرة جديدة لأسعار الصرف',
  'افتتاح معرض دمشق الدولي بمشاركة 30 دولة',
  'أسعار الذهب تسجل رقماً قياسياً جديداً في الأسواق المحلية',
];

describe.skipIf(!run)('section and author pages in a real browser', () => {
  let opened: SiteInBrowser;
  let origin: string;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'midad-listing-e2e-'));
    opened = await siteInBrowser({ MIDAD_MEDIA_DIR: mediaDir });
    origin = opened.origin;
    const database = opened.site.database;
    const deps = { database, now: () => NOW };
    const media = { ...deps, ...MEDIA_LIMITS, mediaDir };
    const staff = await createStaff(database, () => NOW);
    const section = await ensureSection(database.db, { slug: 'economy', name: 'اقتصاد' }, NOW);
    await describeSectionAs(
      deps,
      staff.editor,
      section.id,
      'أسواق المال والعملات والتجارة في سوريا والمنطقة، مع تقارير يومية عن أسعار الصرف والذهب.',
    );
    for (const [i, headline] of HEADLINES.entries()) {
      // Every other article has a featured image; the rest show the stand-in.
      let featuredMediaId: string | null = null;
      if (i % 2 === 0) {
        const item = await storeImage(media, staff.author.id, {
          bytes: await picture(1200, 800, 20 + i * 60),
          fileName: `photo-${i}.jpg`,
        });
        await updateMediaText(database.db, item.id, { alt: headline, caption: '', credit: '' });
        featuredMediaId = item.id;
      }
      const id = await createDraft(deps, staff.editor);
      await saveArticle(
        deps,
        staff.editor,
        id,
        content([staff.author.id], {
          headline,
          excerpt: `${headline}، في تقرير يرصد أثر ذلك على الأسواق والمستهلكين خلال الأسبوع.`,
          sectionId: section.id,
          featuredMediaId,
          tags: ['اقتصاد سوريا'],
        }),
      );
      await moveArticle(deps, staff.editor, id, 'publish');
    }
    const portrait = await storeImage(media, staff.author.id, {
      bytes: await picture(600, 800, 200, true),
      fileName: 'portrait.jpg',
    });
    await saveProfile(deps, staff.author, staff.author.id, {
      photoMediaId: portrait.id,
      bio: 'صحفي اقتصادي في دمشق، يكتب عن الأسواق والعملات منذ 2012.\nعمل مراسلاً لعدة صحف عربية.',
      links: {
        website: 'https://example.com/writer',
        x: 'https://x.com/example',
        telegram: 'https://t.me/example',
      },
    });
  });
  afterAll(async () => {
    await opened?.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  async function axeViolations(page: Page): Promise<unknown[]> {
    // Evaluated through the DevTools protocol: the site's CSP rightly refuses an inline <script>.
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      (
        window as unknown as {
          axe: { run(o: unknown): Promise<{ violations: unknown[] }> };
        }
      ).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
    );
    return result.violations;
  }

  const horizontalOverflow = (page: Page) =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

  it.each([
    ['section', SECTION_PAGE],
    ['author', AUTHOR_PAGE],
  ])('saves screenshots of the %s page at a phone and a desktop size', async (name, path) => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1366, height: 900 },
    ]) {
      const page = await opened.browser.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${origin}${path}`);
      await page.evaluate(() => document.fonts.ready);
      // Lazy thumbnails below the fold are loaded before the full-page picture.
      await page.evaluate(() =>
        document.querySelectorAll('img[loading="lazy"]').forEach((img) => {
          (img as HTMLImageElement).loading = 'eager';
        }),
      );
      await page.waitForLoadState('networkidle');
      await page.screenshot({
        path: `${SCREENSHOTS}/${name}-${viewport.width}x${viewport.height}.png`,
        fullPage: true,
      });
      await page.close();
    }
  });

  it('shows the author photo, bio, links and thumbnails on the author page', async () => {
    const page = await opened.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}${AUTHOR_PAGE}`);
    const photo = page.locator('.listing__head .author-photo img');
    expect(
      await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(await photo.evaluate((img) => getComputedStyle(img.parentElement!).borderRadius)).toBe(
      '50%',
    );
    expect(await page.locator('.listing__about p').allTextContents()).toEqual([
      'صحفي اقتصادي في دمشق، يكتب عن الأسواق والعملات منذ 2012.',
      'عمل مراسلاً لعدة صحف عربية.',
    ]);
    const links = page.getByRole('list', { name: 'روابط كاتب الأخبار' }).getByRole('link');
    expect(await links.allTextContents()).toEqual(['الموقع الشخصي', 'إكس (تويتر)', 'تيليغرام']);
    expect(await links.first().getAttribute('rel')).toBe('me noopener');
    expect(await page.locator('.article-list__item').count()).toBe(HEADLINES.length);
    expect(await page.locator('.article-list__item .story-image--thumb').count()).toBe(
      HEADLINES.length,
    );
    await page.close();
  });

  it.each([
    ['section', SECTION_PAGE],
    ['author', AUTHOR_PAGE],
  ])('keeps the %s page within a 320 px screen and free of axe violations', async (_, path) => {
    const page = await opened.browser.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${origin}${path}`);
    await page.evaluate(() => document.fonts.ready);
    expect(await horizontalOverflow(page)).toBe(0);
    const violations = await axeViolations(page);
    if (violations.length > 0) console.error(JSON.stringify(violations, null, 2));
    expect(violations).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the author their profile form on the account page, within a phone screen', async () => {
    const page = await opened.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('البريد الإلكتروني').fill('author@news.example');
    await page.getByLabel('كلمة المرور').fill('author password 1');
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(`${origin}/admin`);
    await page.goto(`${origin}/admin/account`);
    await page.getByLabel('نبذة', { exact: true }).fill('سطر جديد من النبذة.');
    await page.getByLabel('يوتيوب', { exact: true }).fill('ftp://youtube.com/x');
    await page.getByRole('button', { name: 'حفظ الملف العام' }).click();
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await page.locator('#field-link-youtube-error').textContent()).toBe(
      'اكتب عنواناً كاملاً يبدأ بـ https:// أو http://.',
    );
    expect(await page.locator('.notice').count()).toBe(0);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${SCREENSHOTS}/account-profile-390x844.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.close();
  });
});
