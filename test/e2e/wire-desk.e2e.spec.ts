/**
 * The wire desk in a real browser (issue 18, part 3): an editor opens
 * «مكتب الوكالات», searches `الاسد`, opens the item headlined «الأسد…»,
 * presses «استخدام كمسودة» and lands in the editor with the headline
 * filled. The desk and the item are right to left and nothing sticks out
 * sideways on a phone. Screenshots (wire-*.png) at 390 × 844 and 1366 × 900.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WireItemInput } from '../../src/domain/wire-item.js';
import { startSession } from '../../src/services/sessions.js';
import { sanitizeHere } from '../../src/services/sanitizer-pool.js';
import { ingestWireItems } from '../../src/services/wire-queue.js';
import { addWireSource } from '../../src/services/wire-sources.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { SESSION_COOKIE } from '../../src/web/admin/session-cookie.js';
import {
  browserAvailable,
  siteInBrowser,
  SCREENSHOTS,
  type SiteInBrowser,
} from '../helpers/browser.js';
import { createStaff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';

const run = browserAvailable();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const HOUR = 3600_000;
const ASSAD = 'الأسد يستقبل وفداً برلمانياً عُمانياً في دمشق لبحث التعاون الاقتصادي والتجاري';

function item(
  guid: string,
  headline: string,
  hoursAgo: number,
  over: Partial<WireItemInput> = {},
): WireItemInput {
  return {
    guid,
    version: null,
    headline,
    slugline: '',
    byline: '',
    summary: '',
    bodyHtml: `<p>${headline}. وقال مصدر مسؤول إن المباحثات تناولت ملفات عدة.</p>`,
    link: `https://wire.example/ar/${guid}`,
    language: 'ar',
    subjects: [],
    sentAt: new Date(NOW.getTime() - hoursAgo * HOUR),
    sentOffsetMinutes: 180,
    ...over,
  };
}

describe.skipIf(!run)('the wire desk, in a browser', () => {
  let world: SiteInBrowser;
  let folder: string;
  let adminSession: string;

  beforeAll(async () => {
    world = await siteInBrowser({}, { demo: false });
    const { site, browser, origin } = world;
    folder = mkdtempSync(join(tmpdir(), 'midad-wire-e2e-'));
    const deps = { database: site.database, now: () => NOW, sanitize: sanitizeHere };
    const staff = await createStaff(site.database, () => NOW);
    await ensureSection(site.database.db, { slug: 'سياسة', name: 'سياسة' }, NOW);
    const sana = await addWireSource(deps, null, {
      name: 'sana-ar',
      agency: 'الوكالة العربية السورية للأنباء (سانا)',
      folder,
      sectionSlug: 'سياسة',
    });
    const qna = await addWireSource(deps, null, { name: 'qna-ar', agency: 'قنا', folder });
    await ingestWireItems(
      deps,
      sana.id,
      [
        item('sana-1', ASSAD, 2, { summary: 'استقبل الرئيس وفداً من مجلس الشورى العُماني.' }),
        item('sana-2', 'ارتفاع أسعار القمح في الأسواق المحلية', 1),
      ],
      NOW,
    );
    await ingestWireItems(
      deps,
      qna.id,
      [
        item('qna-1', 'قطر تستضيف مؤتمراً دولياً للطاقة المتجددة بمشاركة 40 دولة', 3),
        item('qna-2', 'خبر بلا تاريخ من الوكالة', 0, { sentAt: null, sentOffsetMinutes: null }),
      ],
      NOW,
    );
    const session = await startSession(
      { database: site.database, now: () => NOW },
      staff.editor.id,
    );
    await browser.addCookies([{ name: SESSION_COOKIE, value: session, url: origin }]);
    adminSession = await startSession(
      { database: site.database, now: () => NOW },
      staff.administrator.id,
    );
  });
  afterAll(async () => {
    await world?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function newPage(size: { width: number; height: number }): Promise<Page> {
    const page = await world.browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize(size);
    return page;
  }
  /** How far the page scrolls sideways, in CSS px (0: nothing sticks out). */
  const sidewaysOverflow = (page: Page) =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

  it('lets an editor search, open an item and use it as a draft, on a phone', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${world.origin}/admin/wire`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('مكتب الوكالات');
    expect(await page.locator('.wire-row').count()).toBe(4);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/wire-desk-390x844.png`, fullPage: true });

    await page.fill('#wire-q', 'الاسد');
    await page.getByRole('button', { name: 'عرض' }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('.wire-row').count()).toBe(1);
    await page.getByRole('link', { name: ASSAD }).click();
    await page.waitForURL(/\/admin\/wire\/items\/[0-9]+$/);
    expect(await page.locator('h1').textContent()).toBe(ASSAD);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/wire-item-390x844.png`, fullPage: true });

    await page.getByRole('button', { name: 'استخدام كمسودة' }).click();
    await page.waitForURL(/\/admin\/articles\/[0-9]+\/edit\?notice=wire-draft$/);
    expect(await page.inputValue('#field-headline')).toBe(ASSAD);
    expect(await page.locator('.notice--wire').textContent()).toContain('سانا');
    await page.screenshot({ path: `${SCREENSHOTS}/wire-draft-390x844.png` });
    await page.close();
  });

  it('shows the desk at desktop width, right to left, without overflow', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(`${world.origin}/admin/wire`);
    expect(await sidewaysOverflow(page)).toBe(0);
    // Right to left: a row's agency starts at its right edge.
    const row = await page.locator('.wire-row').first().boundingBox();
    const agency = await page.locator('.wire-row__agency').first().boundingBox();
    expect(row && agency && row.x + row.width - (agency.x + agency.width)).toBeLessThan(20);
    await page.screenshot({ path: `${SCREENSHOTS}/wire-desk-1366x900.png`, fullPage: true });
    await page.close();
  });

  it('shows an administrator the sources, and every problem of a bad source at once, on a phone', async () => {
    await world.browser.addCookies([
      { name: SESSION_COOKIE, value: adminSession, url: world.origin },
    ]);
    const page = await newPage(PHONE);
    await page.goto(`${world.origin}/admin/wire`);
    await page.getByRole('link', { name: 'مصادر الوكالات' }).click();
    await page.waitForURL(/\/admin\/wire\/sources$/);
    expect(await page.locator('.wire-sources > li').count()).toBe(2);
    await page.fill('#field-url', 'ftp://wire.example/feed');
    await page.fill('#field-everyMinutes', '0');
    await page.locator('#field-everyMinutes').evaluate((input) => input.removeAttribute('min'));
    await page.locator('#add-source form').evaluate((form: HTMLFormElement) => {
      form.noValidate = true;
    });
    await page.getByRole('button', { name: 'إضافة مصدر' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary li').count()).toBe(4);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.locator('#add-source').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/wire-sources-390x844.png`, fullPage: true });
    await page.close();
  });
});
