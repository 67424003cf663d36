/**
 * Issue 22: a static mirror's pages in a real browser, served by a plain
 * static file server from the mirror's folder, as any host would serve a
 * copy. The page scripts run (the font-size control works) but call
 * nothing of the site's: no view beacon (`POST /views/<id>`), no alerts
 * (`/push/…`, `/sw.js`), nothing to the origin, even on a second article
 * read (when the alerts' offer would show). Its search page, served or
 * opened from `file://`, finds an article by a word spelt otherwise.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { loadConfig } from '../../src/config/load.js';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { listMirrorFiles } from '../../src/services/mirror-manifest.js';
import type { Database } from '../../src/storage/database.js';
import { writeMirror } from '../../src/web/mirror/write-mirror.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { emptyDatabase, NOW, SEED_HEADLINE, SEED_ID } from '../helpers/site.js';
import { staticServer } from '../helpers/static-server.js';
import { testFolder } from '../helpers/temp-folder.js';

const run = browserAvailable();
const ORIGIN = 'https://news.example';

describe.skipIf(!run)('a mirror in the browser', () => {
  let database: Database | undefined;
  let browser: BrowserContext | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await database?.close();
  });

  it('an article page counts no view and offers no alerts: no request leaves the copy', async () => {
    database = await emptyDatabase();
    await importDemoContent({ database, now: () => NOW });
    const out = join(testFolder('mirror-e2e'), 'site');
    const config = loadConfig({
      MIDAD_BASE_URL: ORIGIN,
      MIDAD_MEDIA_DIR: testFolder('mirror-e2e-media'),
    });
    await writeMirror({ config, database, now: () => NOW }, out);
    const files = await listMirrorFiles(out);
    let base: string;
    ({ server, base } = await staticServer(out));
    browser = await launchBrowser();

    const seed = files.find((f) => new RegExp(`^a/${SEED_ID}/[^/]+/index\\.html$`).test(f))!;
    expect(seed).toBeDefined();
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    const url = (file: string) => `${base}/${file.split('/').map(encodeURIComponent).join('/')}`;
    // Twice, and another page between: a second read is when the alerts' offer shows.
    for (const file of [seed, 'index.html', seed]) {
      // Until no request has been made for 500 ms: the scripts have done what they do on load.
      await page.goto(url(file), { waitUntil: 'networkidle' });
      expect(await page.locator('html').getAttribute('data-mirror')).toBe('');
    }
    // reader.js ran: the font-size control works.
    const size = await page.locator('html').getAttribute('data-font-size');
    await page.locator('[data-font-step="1"]').first().click();
    expect(await page.locator('html').getAttribute('data-font-size')).not.toBe(size);
    expect(await page.locator('aside.push-offer').count()).toBe(0);
    expect(
      requests.filter(
        (r) => !r.startsWith(`GET ${base}/`) || /\/(views|push|live)\/|sw\.js/.test(r),
      ),
    ).toEqual([]);

    // The search page's bundled script finds the seed by a word spelt otherwise, served or from file://.
    for (const at of [`${base}/`, `file://${out}/`]) {
      await page.goto(`${at}search/index.html?q=${encodeURIComponent('والادلب اطلاق')}`);
      await page.waitForSelector('#results li a');
      expect(await page.locator('#results li a').allTextContents()).toEqual([SEED_HEADLINE]);
    }
    await page.close();
  }, 60_000);
});
