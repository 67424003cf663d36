/**
 * The live desk in a real browser (issue 19): an editor signs in, starts
 * the coverage of a published article, types an update in the composer's
 * editor and presses «نشر التحديث» once; the update appears at the top of
 * the list without a reload and the composer is empty for the next one.
 * A second writer's update, posted meanwhile, arrives by the desk's poll.
 * When the coverage is ended elsewhere, «نشر التحديث» is disabled with the
 * reason beside it and the text kept; resumed, it is enabled again.
 * Screenshots: live-desk-1280x900.png, live-desk-390x844.png, live-desk-ended-390x844.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import {
  endLiveCoverage,
  postLiveUpdate,
  startLiveCoverage,
} from '../../src/services/live-coverage.js';
import { moveArticle } from '../../src/services/move-article.js';
import { browserAvailable, launchBrowser, SCREENSHOTS } from '../helpers/browser.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const run = browserAvailable();
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const HEADLINE = 'مباشر: وقف إطلاق النار في غزة يدخل حيز التنفيذ';

describe.skipIf(!run)('the live desk in a real browser', () => {
  let site: TestSite;
  let browser: BrowserContext;
  let origin: string;
  let staff: Staff;
  let id: ArticleId;

  beforeAll(async () => {
    site = await testSite({}, { demo: false });
    origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
    staff = await createStaff(site.database, () => NOW);
    const deps = { database: site.database, now: () => NOW };
    id = await createDraft(deps, staff.editor);
    await saveArticle(
      deps,
      staff.editor,
      id,
      content([staff.author.id], {
        headline: HEADLINE,
        excerpt: 'تغطية لحظة بلحظة من مراسلينا في غزة والقاهرة.',
        bodyHtml: '<p dir="auto">بدأ سريان وقف إطلاق النار صباح اليوم.</p>',
      }),
    );
    await moveArticle(deps, staff.editor, id, 'publish');
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور').fill(password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.waitForURL(`${origin}/admin`);
  }

  it('starts the coverage, posts an update in one click and empties the composer', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'editor@news.example', 'editor password 1');

    await page.goto(`${origin}/admin/articles/${id}/live`);
    await page.getByRole('button', { name: 'بدء التغطية المباشرة' }).click();
    await page.waitForURL(/notice=live-started/);
    await page.locator('#live-composer [data-editor-ready]').waitFor();
    // The composer's toolbar has images, embeds and quotes, not headings or read-also boxes.
    const toolbar = page.locator('#live-composer [role="toolbar"]');
    for (const name of ['صورة', 'تضمين منشور', 'اقتباس']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    for (const name of ['عنوان رئيسي', 'عنوان فرعي', 'اقرأ أيضاً']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(0);
    }

    const composer = page.locator('#live-composer');
    const post = async (headline: string, text: string, key: boolean) => {
      await composer.getByLabel('عنوان التحديث (اختياري)').fill(headline);
      await composer.locator('.ProseMirror').click();
      await page.keyboard.type(text);
      if (key) await composer.getByLabel('تحديث رئيسي').check();
      await composer.getByRole('button', { name: 'نشر التحديث' }).click();
      await page.locator('[data-live-status]', { hasText: 'نُشر التحديث.' }).waitFor();
    };

    await post('الهدنة تصمد', 'لم تُسجّل خروقات في الساعة الأولى، بحسب مراسلنا في Gaza.', true);
    const first = page.locator('[data-live-list] > li').first();
    expect(await first.getAttribute('id')).toBe('update-1');
    expect(await first.locator('.desk-update__headline').innerText()).toBe('الهدنة تصمد');
    expect(await first.locator('.desk-update__body').innerText()).toBe(
      'لم تُسجّل خروقات في الساعة الأولى، بحسب مراسلنا في Gaza.',
    );
    expect(await first.locator('.badge--key').innerText()).toBe('تحديث رئيسي');
    // Empty for the next one: headline, editor, textarea and marks.
    expect(await composer.getByLabel('عنوان التحديث (اختياري)').inputValue()).toBe('');
    expect(await composer.locator('.ProseMirror').textContent()).toBe('');
    expect(await composer.locator('textarea[name="body_html"]').inputValue()).toBe('');
    expect(await composer.getByLabel('تحديث رئيسي').isChecked()).toBe(false);

    await post('', 'وصول أولى شاحنات المساعدات إلى معبر رفح.', false);
    expect(
      await page.locator('[data-live-list] > li').evaluateAll((items) => items.map((li) => li.id)),
    ).toEqual(['update-2', 'update-1']);

    // An author posts from elsewhere: the desk shows it within one poll, no reload.
    await postLiveUpdate({ database: site.database, now: () => NOW }, staff.author, id, {
      headline: 'من مراسل آخر',
      bodyHtml: '<p>دوي انفجار بعيد شمال القطاع.</p>',
      key: false,
      pinned: false,
    });
    await page.locator('#update-3').waitFor({ timeout: 15_000 });
    expect(
      await page.locator('[data-live-list] > li').evaluateAll((items) => items.map((li) => li.id)),
    ).toEqual(['update-3', 'update-2', 'update-1']);
    expect(await page.locator('[data-live-total]').innerText()).toBe('(3)');

    await page.screenshot({ path: `${SCREENSHOTS}/live-desk-1280x900.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SCREENSHOTS}/live-desk-390x844.png`, fullPage: true });
    // A long URL in the composer wraps: the page stays as wide as the phone.
    await composer.locator('.ProseMirror').click();
    await page.keyboard.insertText(`https://example.com/${'a'.repeat(300)}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(
      await composer.evaluate((form) => Math.round(form.getBoundingClientRect().width) <= 390),
    ).toBe(true);
    await composer.locator('.ProseMirror').press('Control+a');
    await composer.locator('.ProseMirror').press('Delete');
    await page.setViewportSize(DESKTOP);

    // A refusal keeps the text: an empty body is refused next to the editor.
    await composer.getByLabel('عنوان التحديث (اختياري)').fill('عنوان بلا نص');
    await composer.getByRole('button', { name: 'نشر التحديث' }).click();
    await page.locator('#live-body_html-error:not([hidden])').waitFor();
    expect(await composer.getByLabel('عنوان التحديث (اختياري)').inputValue()).toBe('عنوان بلا نص');

    // Another editor ends the coverage while this one is writing: the post
    // is not taken, the button goes disabled with the reason beside it, and
    // the text stays. (Whichever comes first, the refusal or the poll.)
    const ended =
      'انتهت التغطية المباشرة، فلا يُنشر هذا التحديث. ما كتبته باقٍ في المحرر إن استُؤنفت التغطية.';
    const button = composer.getByRole('button', { name: 'نشر التحديث' });
    const deps = { database: site.database, now: () => NOW };
    await endLiveCoverage(deps, staff.editor, id);
    await composer.locator('.ProseMirror').click();
    await page.keyboard.type('تحديث كُتب بعد النهاية');
    await composer.evaluate((form) => (form as HTMLFormElement).requestSubmit());
    await page.locator('#live-composer[data-live-closed]').waitFor();
    expect(await button.isDisabled()).toBe(true);
    expect(await composer.locator('[data-live-status]').innerText()).toBe(ended);
    expect(await composer.locator('.ProseMirror').innerText()).toBe('تحديث كُتب بعد النهاية');
    await page.locator('[data-live-state] .desk-state__line', { hasText: 'انتهت في' }).waitFor();
    // The «بدأت التغطية المباشرة.» the page was loaded with no longer holds.
    expect(await page.locator('.notice--success').count()).toBe(0);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SCREENSHOTS}/live-desk-ended-390x844.png`, fullPage: true });
    await page.setViewportSize(DESKTOP);
    // Resumed elsewhere: the next poll opens the composer; ended again, the next poll closes it.
    await startLiveCoverage(deps, staff.editor, id);
    await page.locator('#live-composer:not([data-live-closed])').waitFor({ timeout: 15_000 });
    expect(await button.isDisabled()).toBe(false);
    expect(await composer.locator('[data-live-status]').innerText()).toBe('');
    await endLiveCoverage(deps, staff.editor, id);
    await page.locator('#live-composer[data-live-closed]').waitFor({ timeout: 15_000 });
    expect(await button.isDisabled()).toBe(true);
    expect(await composer.locator('[data-live-status]').innerText()).toBe(ended);
    expect(await composer.locator('.ProseMirror').innerText()).toBe('تحديث كُتب بعد النهاية');

    // The refused posts above are the failed requests the browser logs.
    expect(
      problems.filter((p) => !p.includes('status of 422') && !p.includes('status of 409')),
    ).toEqual([]);
  }, 120_000);
});
