/**
 * A reader follows a link to the old WordPress site, shared years ago,
 * after the site moved to Midad: the old Arabic permalink lands on the
 * article, with its featured image loaded.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/importers/import-files.js';
import {
  browserAvailable,
  SCREENSHOTS,
  siteInBrowser,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { makeImage, MEDIA_LIMITS } from '../helpers/images.js';
import { NOW } from '../helpers/site.js';

const run = browserAvailable();

describe.skipIf(!run)('an old WordPress permalink in a real browser', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'midad-old-permalink-'));
  const mediaDir = join(scratch, 'media');
  let opened: SiteInBrowser;

  beforeAll(async () => {
    opened = await siteInBrowser({ MIDAD_MEDIA_DIR: mediaDir }, { demo: false });
    const uploads = join(scratch, 'uploads');
    mkdirSync(join(uploads, '2024', '03'), { recursive: true });
    writeFileSync(join(uploads, '2024', '03', 'derby.jpg'), await makeImage('jpeg', 1200, 800));
    await importFiles(
      { database: opened.site.database, now: () => NOW },
      ['test/fixtures/wordpress/block-editor-wxr-1.2.xml'],
      {
        timeZone: 'Asia/Riyadh',
        date: undefined,
        site: {
          postTypes: [],
          viewsMetaKeys: [],
          dryRun: false,
          images: { uploadsDir: uploads, fetch: false },
          media: { ...MEDIA_LIMITS, mediaDir },
        },
      },
    );
  });
  afterAll(async () => {
    await opened?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('lands on the article with its image', async () => {
    const page = await opened.browser.newPage();
    const response = await page.goto(
      `${opened.origin}/2024/03/05/%d8%a7%d9%84%d9%87%d9%84%d8%a7%d9%84-%d9%8a%d9%81%d9%88%d8%b2-%d8%a8%d8%a7%d9%84%d8%af%d9%8a%d8%b1%d8%a8%d9%8a/`,
    );
    expect(response?.status()).toBe(200);
    expect(decodeURI(page.url())).toBe(`${opened.origin}/a/101/الهلال-يفوز-بالديربي`);
    expect(await page.locator('h1').textContent()).toBe('الهلال يفوز بالديربي');
    const image = page.locator('main img').first();
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await image.getAttribute('src')).toMatch(/^\/media\/\d+\/w\d+\.webp$/);
    await page.screenshot({ path: `${SCREENSHOTS}/old-permalink.png`, fullPage: false });
    await page.close();
  });
});
