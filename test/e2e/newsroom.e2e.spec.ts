/**
 * The newsroom in a real browser, on a phone-sized screen, as a new
 * newspaper would first use it: the owner sets up the newsroom and creates
 * an author and an editor; the author writes an article with an Arabic
 * headline and a paragraph mixing Arabic, English and numbers, adds an
 * image with alt text, and submits it; the editor publishes it; a reader
 * reads it on the site. Screenshots of each step go to test-results/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { testSite, type TestSite } from '../helpers/site.js';

const SHOTS = 'test-results/screenshots';
const run = browserAvailable();
const PHONE = { width: 390, height: 844 };
const HEADLINE = 'أبل تكشف عن iPhone 15 في حدث 12 سبتمبر';
const PARAGRAPH =
  'أعلنت شركة Apple يوم 12 سبتمبر عن هاتف iPhone 15 بسعر 799 دولاراً، وقال Tim Cook إن المبيعات تبدأ في 22 سبتمبر.';
const ALT = 'الرئيس التنفيذي لشركة أبل على المسرح أمام شاشة كبيرة';

/** A photo-like JPEG: a sky gradient, a stage and a screen. */
function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0b2a4a"/><stop offset="1" stop-color="#3b6e9c"/></linearGradient></defs>
    <rect width="1200" height="800" fill="url(#s)"/><rect x="250" y="120" width="700" height="380" rx="16" fill="#e8eef4"/>
    <rect x="0" y="600" width="1200" height="200" fill="#222"/><circle cx="600" cy="540" r="60" fill="#c9a27a"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

describe.skipIf(!run)('the newsroom, on a phone, from set-up to a published article', () => {
  let site: TestSite;
  let browser: BrowserContext;
  let origin: string;
  let imageFile: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'midad-newsroom-e2e-'));
    site = await testSite({ MIDAD_MEDIA_DIR: join(dir, 'media') });
    origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
    imageFile = join(dir, 'stage.jpg');
    writeFileSync(imageFile, await photo());
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function phonePage(): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize(PHONE);
    return page;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور').fill(password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(`${origin}/admin`);
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL(`${origin}/admin/login`);
  }

  it('sets up the newsroom, writes, submits, publishes and shows the article', async () => {
    const page = await phonePage();

    // The owner's first visit: the set-up page.
    await page.goto(`${origin}/admin`);
    expect(page.url()).toBe(`${origin}/admin/setup`);
    await page.screenshot({ path: `${SHOTS}/newsroom-1-setup-phone.png`, fullPage: true });
    await page.getByLabel('الاسم كما يظهر في التوقيع').fill('رئيسة التحرير');
    await page.getByLabel('البريد الإلكتروني').fill('owner@news.example');
    await page.getByLabel('كلمة المرور').fill('a long owner passphrase');
    await page.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await page.waitForURL(`${origin}/admin`);

    // The owner adds an author and an editor.
    await page.goto(`${origin}/admin/users`);
    for (const [name, email, role] of [
      ['سامر الحلبي', 'samer@news.example', 'author'],
      ['Lina Haddad', 'lina@news.example', 'editor'],
    ] as const) {
      const form = page.locator('form[action="/admin/users"]');
      await form.getByLabel('الاسم كما يظهر في التوقيع').fill(name);
      await form.getByLabel('البريد الإلكتروني').fill(email);
      await form.getByLabel('الدور').selectOption(role);
      await form.getByLabel('كلمة المرور').fill(`${role} password 123`);
      await form.getByRole('button', { name: 'إضافة مستخدم' }).click();
      await page.waitForURL(/notice=user-added/);
    }
    await page.screenshot({ path: `${SHOTS}/newsroom-2-users-phone.png`, fullPage: true });
    await signOut(page);

    // The author writes the article, with an image, and submits it.
    await signIn(page, 'samer@news.example', 'author password 123');
    await page.getByRole('link', { name: 'مقال جديد' }).first().click();
    await page.getByLabel('العنوان').fill(HEADLINE);
    const body = page.locator('[contenteditable="true"]');
    await body.click();
    await page.keyboard.type(PARAGRAPH);
    await page.getByRole('button', { name: 'صورة', exact: true }).click();
    await page.locator('dialog input[type="file"]').setInputFiles(imageFile);
    await page.locator('dialog [aria-pressed="true"]').waitFor();
    await page.getByLabel('النص البديل (وصف الصورة لمن لا يراها)').fill(ALT);
    await page.getByLabel('التعليق (اختياري)').fill('من حدث الإعلان في كاليفورنيا');
    await page.getByRole('button', { name: 'إدراج' }).click();
    await page.screenshot({ path: `${SHOTS}/newsroom-3-editor-phone.png`, fullPage: true });
    await page.getByRole('button', { name: 'إنشاء المسودة' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\/edit\?notice=saved/);
    const id = /articles\/(\d+)\//.exec(page.url())?.[1] ?? '';
    await page.getByRole('button', { name: 'إرسال للمراجعة' }).click();
    await page.waitForURL(/status=pending/);
    expect(await page.getByRole('button', { name: 'نشر الآن' }).count()).toBe(1);
    await signOut(page);

    // The editor publishes it.
    await signIn(page, 'lina@news.example', 'editor password 123');
    await page.goto(`${origin}/admin?status=pending`);
    await page.getByRole('link', { name: HEADLINE }).click();
    await page.getByRole('button', { name: 'نشر الآن' }).click();
    await page.waitForURL(/status=published/);
    await page.screenshot({ path: `${SHOTS}/newsroom-4-published-phone.png`, fullPage: true });

    // A reader reads it.
    const reader = await phonePage();
    await reader.goto(`${origin}/a/${id}`);
    expect(await reader.locator('h1').textContent()).toBe(HEADLINE);
    expect(await reader.locator('.article__text p').first().textContent()).toBe(PARAGRAPH);
    expect(await reader.locator('.article__text p').first().getAttribute('dir')).toBe('auto');
    const image = reader.locator('.article__text figure img');
    expect(await image.getAttribute('alt')).toBe(ALT);
    expect(await image.getAttribute('srcset')).toMatch(/^\/media\/\d+\/w320\.webp 320w, /);
    expect(await image.getAttribute('sizes')).toBe('(min-width: 42rem) 40rem, 100vw');
    await image.scrollIntoViewIfNeeded();
    await reader.waitForFunction(
      () => document.querySelector<HTMLImageElement>('.article__text figure img')?.complete,
    );
    // The phone (390 CSS px at 1x) picks the 640 px variant from srcset, not the 960 px default.
    expect(
      await image.evaluate((img: HTMLImageElement) => [img.naturalWidth > 0, img.currentSrc]),
    ).toEqual([true, expect.stringMatching(/\/media\/\d+\/w640\.webp$/)]);
    expect(await reader.locator('.article__byline').textContent()).toContain('سامر الحلبي');
    expect(await reader.locator('.article__standfirst').count()).toBe(0);
    await reader.screenshot({ path: `${SHOTS}/newsroom-5-article-phone.png`, fullPage: true });
  }, 120_000);
});
