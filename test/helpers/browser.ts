/**
 * Headless Chromium from Debian, driven by playwright-core, for the
 * end-to-end tests. Where /usr/bin/chromium is missing the tests skip
 * with a visible message, except under CI=true, where they fail.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from './chromium-flags.js';
import { testSite, type TestSite } from './site.js';

export { CHROMIUM };

/** True when the browser tests can run; prints why not, or throws under CI. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\``;
  if (process.env.CI === 'true') throw new Error(`${message} (CI must run the browser tests)`);
  console.warn(`SKIPPING browser tests: ${message}`);
  return false;
}

/**
 * A browser with a fresh profile in a new temporary --user-data-dir, which
 * Playwright makes (given '') and removes when the browser closes.
 */
export function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: 'ar',
    // A headless browser announces itself as HeadlessChrome, which the site
    // rightly does not count as a reader; these tests play a reader.
    userAgent:
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  });
}

/** Where browser tests save their screenshots. */
export const SCREENSHOTS = 'test-results/screenshots';

/** A test site (the seed imported) listening on 127.0.0.1, and a browser to read it. */
export interface SiteInBrowser {
  site: TestSite;
  browser: BrowserContext;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts a test site (settings from `env`, as testSite takes them) and the
 * browser; makes the screenshot folder.
 */
export async function siteInBrowser(
  env: Record<string, string> = {},
  options: { demo?: boolean } = {},
): Promise<SiteInBrowser> {
  const site = await testSite(env, options);
  const origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    site,
    browser,
    origin,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
