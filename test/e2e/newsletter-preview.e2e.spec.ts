/**
 * The newsletter edition's preview in a real browser (issue 20): the
 * edition editor with its email in a sandboxed srcdoc frame, and the email
 * alone, on a phone (390 px) and a desktop. The email is right to left,
 * in the site's font stack (its inline styles pass the page's CSP by their
 * hashes), its images load from the site with their alt text, and it fits
 * a phone without sideways scrolling.
 * Screenshots: newsletter-edition-390x844.png, newsletter-edition-1280x900.png,
 * newsletter-mail-390x844.png, newsletter-mail-1280x900.png, newsletters-list-390x844.png,
 * newsletters-list-1280x900.png, newsletter-test-refused-390x844.png,
 * newsletter-scheduled-390x844.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { editionMailSite } from '../../src/services/edition-mail.js';
import { storeImage } from '../../src/services/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { createEditionDraft, saveEdition } from '../../src/services/newsletter-editions.js';
import { startSession } from '../../src/services/sessions.js';
import { loadConfig } from '../../src/config/load.js';
import { browserAvailable, launchBrowser, SCREENSHOTS } from '../helpers/browser.js';
import { MEDIA_LIMITS, makeImage } from '../helpers/images.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const run = browserAvailable();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What the email document shows: direction, font, images, width. */
async function mailFacts(frame: Frame | Page) {
  return frame.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    font: getComputedStyle(document.body).fontFamily,
    headlineAlign: getComputedStyle(document.querySelector('h2')!).textAlign,
    images: [...document.images].map((img) => ({
      alt: img.alt,
      loaded: img.complete && img.naturalWidth > 0,
      width: img.width,
    })),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

describe.skipIf(!run)('a newsletter edition in a browser', () => {
  let site: TestSite;
  let browser: BrowserContext;
  let origin: string;
  let editionId: string;
  let session: string;
  let folder = '';

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    folder = mkdtempSync(join(tmpdir(), 'midad-newsletter-'));
    const mediaDir = join(folder, 'media');
    // A mail server is set up (the test form shows); no test here reaches it.
    const env = {
      MIDAD_BASE_URL: origin,
      MIDAD_MEDIA_DIR: mediaDir,
      MIDAD_SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      MIDAD_MAIL_FROM: 'news@news.example',
    };
    site = await testSite(env);
    await site.app.listen({ host: '127.0.0.1', port });
    const now = () => NOW;
    const staff = await createStaff(site.database, now);
    const deps = { database: site.database, now };
    const media = { ...deps, ...MEDIA_LIMITS, mediaDir };
    const stories = [
      ['ارتفاع أسعار الذهب إلى مستوى قياسي', 'سعر الأونصة يتجاوز 2000 دولار لأول مرة منذ عامين.'],
      ['أمطار غزيرة تغمر شوارع دمشق', 'الدفاع المدني يدعو السكان إلى البقاء في منازلهم.'],
      ['افتتاح معرض الكتاب في بيروت بمشاركة 200 دار نشر', ''],
    ] as const;
    const ids: ArticleId[] = [];
    for (const [i, [headline, excerpt]] of stories.entries()) {
      const image =
        i < 2
          ? await storeImage(
              media,
              staff.editor.id,
              { bytes: await makeImage('jpeg', 1200, 675), fileName: `photo${i}.jpg` },
              { text: { alt: `صورة: ${headline}`, caption: '' } },
            )
          : null;
      const id = await createDraft(deps, staff.editor);
      await saveArticle(
        deps,
        staff.editor,
        id,
        content([staff.author.id], { headline, excerpt, featuredMediaId: image?.id ?? null }),
      );
      await moveArticle(deps, staff.editor, id, 'publish');
      ids.push(id);
    }
    const editionDeps = {
      ...deps,
      site: editionMailSite(loadConfig(env)),
    };
    editionId = await createEditionDraft(editionDeps, staff.editor);
    await saveEdition(editionDeps, staff.editor, editionId, {
      subject: 'أبرز أخبار الأحد',
      intro: 'صباح الخير. إليكم أبرز ما نشرناه خلال الساعات الماضية.',
      articleIds: [ids[0]!, ids[1]!, ids[2]!],
    });
    session = await startSession(deps, staff.editor.id);
    browser = await launchBrowser();
    await browser.addCookies([{ name: 'midad_session', value: session, url: origin }]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('on a phone the list fits: every label and count is inside the screen (390x844)', async () => {
    const page = await browser.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${origin}/admin/newsletters`);
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('.edition-list td')].map((td) => {
        const box = td.getBoundingClientRect();
        const label = getComputedStyle(td, '::before').content;
        return { label, left: box.left, right: box.right, text: td.textContent?.trim() };
      }),
    );
    expect(cells.map((c) => [c.label, c.text])).toEqual([
      ['none', 'أبرز أخبار الأحدنشرة يومية'],
      ['"الحالة:"', 'مسودة'],
      ['"أُرسلت:"', '0'],
      ['"تعذّر إرسالها:"', '0'],
      ['"ألغوا الاشتراك:"', '0'],
    ]);
    for (const c of cells) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.right).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await page.close();
  });

  it('a test email to an invalid address, the browser check bypassed, is refused at the top and at the field', async () => {
    const page = await browser.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${origin}/admin/newsletters/${editionId}`);
    const form = page.locator(`form[action="/admin/newsletters/${editionId}/test"]`);
    await form.evaluate((f: HTMLFormElement) => {
      f.noValidate = true;
    });
    await form.locator('input[name="address"]').fill('desk@news');
    await Promise.all([page.waitForLoadState('load'), form.locator('button').click()]);
    const summary = page.locator('.error-summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.innerText()).toBe(
      'لم يُحفظ شيء. صحّح ما يلي ثم أرسل النموذج مجدداً:\n\nاكتب عنوان بريد إلكتروني واحداً صحيحاً.',
    );
    // It is at the top of the page, above the edition's forms.
    expect((await summary.boundingBox())!.y).toBeLessThan(PHONE.height);
    expect(await page.locator('#field-address-error').innerText()).toBe(
      'اكتب عنوان بريد إلكتروني واحداً صحيحاً.',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/newsletter-test-refused-390x844.png` });
    await page.close();
  });

  for (const [name, size] of [
    ['390x844', PHONE],
    ['1280x900', DESKTOP],
  ] as const) {
    it(`the edition editor shows the email in its sandboxed frame (${name})`, async () => {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/.test(m.text())) refused.push(m.text());
      });
      await page.setViewportSize(size);
      await page.goto(`${origin}/admin/newsletters/${editionId}`);
      await page.waitForLoadState('load');
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      await frame.waitForLoadState('load');
      const facts = await mailFacts(frame);
      expect(facts.lang).toBe('ar');
      expect(facts.dir).toBe('rtl');
      expect(facts.font).toBe('"Noto Naskh Arabic", Tahoma, Arial, sans-serif');
      expect(facts.headlineAlign).toBe('right');
      expect(facts.images.map((i) => [i.alt, i.loaded])).toEqual([
        ['صورة: ارتفاع أسعار الذهب إلى مستوى قياسي', true],
        ['صورة: أمطار غزيرة تغمر شوارع دمشق', true],
      ]);
      expect(refused).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.width,
      );
      // The frame paints after the page's load: wait for its images to be drawn.
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${SCREENSHOTS}/newsletter-edition-${name}.png` });
      await page.goto(`${origin}/admin/newsletters`);
      expect(await page.locator('.edition-list tbody tr').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        size.width,
      );
      await page.screenshot({
        path: `${SCREENSHOTS}/newsletters-list-${name}.png`,
        fullPage: true,
      });
      await page.close();
    });

    it(`the email alone fits the screen, right to left, with its images (${name})`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize(size);
      await page.goto(`${origin}/admin/newsletters/${editionId}/preview.html`);
      await page.waitForLoadState('load');
      const facts = await mailFacts(page);
      expect(facts.dir).toBe('rtl');
      expect(facts.images.every((i) => i.loaded)).toBe(true);
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
      if (size === PHONE) expect(facts.images[0]!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENSHOTS}/newsletter-mail-${name}.png`, fullPage: true });
      await page.close();
    });
  }

  it('a scheduled edition says when it goes, above its forms (390x844)', async () => {
    const page = await browser.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${origin}/admin/newsletters/${editionId}`);
    const form = page.locator(`form[action="/admin/newsletters/${editionId}/schedule"]`);
    await form.locator('input[name="at"]').fill('2026-11-30T07:30');
    await Promise.all([
      page.waitForURL(/notice=edition-scheduled/),
      form.locator('button').click(),
    ]);
    const note = page.locator('.edition-scheduled-note');
    expect(await note.innerText()).toBe(
      'هذه النشرة مجدولة للإرسال في 30 نوفمبر/ تشرين الثاني 2026، 07:30. ما تحفظه من تعديلات يُرسل في موعدها.',
    );
    expect((await note.boundingBox())!.y).toBeLessThan(PHONE.height);
    await page.screenshot({ path: `${SCREENSHOTS}/newsletter-scheduled-390x844.png` });
    await page.close();
  });
});
