/**
 * Lite pages (issue 22): `/lite/a/<id>`, `/lite/`, `/lite/section/<slug>`,
 * and the same pages served in place to a browser sending `Save-Data: on`.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { updateMediaDetails, uploadImage } from '../../src/services/media.js';
import type { MediaItem } from '../../src/domain/media.js';
import { moveArticle } from '../../src/services/move-article.js';
import { createSection } from '../../src/services/taxonomy.js';
import { saveFrontPageSettings } from '../../src/services/front-page-settings.js';
import { findArticleById } from '../../src/storage/repositories/articles.repository.js';
import { findSection } from '../../src/storage/repositories/sections.repository.js';
import { slugify } from '../../src/arabic/slug.js';
import { toArticleId } from '../../src/domain/article-id.js';
import { LITE_STYLE } from '../../src/web/views/lite/lite-style.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { MEDIA_LIMITS, makeImage } from '../helpers/images.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import {
  NOW,
  SEED_HEADLINE,
  SEED_ID,
  SEED_SLUG,
  testSite,
  type TestSite,
} from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';
import { insertNote, insertUpdate, plusMinutes, setLive } from '../helpers/live-rows.js';

const SEED_CANONICAL = `https://news.example/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}`;
const SAVE_DATA = { 'save-data': 'on' };
/** The lite pages' Content-Security-Policy: no script, frame, font or form; the inline sheet by its hash. */
const LITE_POLICY = `default-src 'none';style-src 'sha256-${createHash('sha256').update(LITE_STYLE).digest('base64')}';img-src 'self';base-uri 'none';form-action 'none';frame-ancestors 'self'`;

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let mediaDir: string;
  // The newsroom's changes reach the page cache, as in the server.
  const deps = () => ({
    database: site.database,
    now: () => NOW,
    onPublicChange: site.app.publicChange,
  });

  beforeEach(async () => {
    mediaDir = testFolder('lite-media');
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir }, { dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(() => site.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ url, headers });

  /** An image 1600×900 in the media library, with its alt text. */
  async function image(fileName: string, alt: string): Promise<MediaItem> {
    const item = await uploadImage(
      { ...MEDIA_LIMITS, database: site.database, mediaDir, now: () => NOW },
      staff.editor,
      { bytes: await makeImage('jpeg', 1600, 900), fileName },
    );
    return updateMediaDetails({ database: site.database }, staff.editor, item.id, {
      alt,
      caption: '',
      credit: '',
    });
  }

  /** Publishes an article and returns its id. */
  async function publish(over: Parameters<typeof content>[1]): Promise<string> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(deps(), staff.editor, id, content([staff.author.id], over));
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  it('gives the seed article whole, with no font, script or image, in a tenth of its weight', async () => {
    const lite = await get(`/lite/a/${SEED_ID}`);
    expect(lite.statusCode).toBe(200);
    expect(lite.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = lite.body;
    expect(html).toContain(`<title>⁨${SEED_HEADLINE}⁩ | مداد</title>`);
    expect(html).toContain(`<link rel="canonical" href="${SEED_CANONICAL}"/>`);
    expect(html).toContain(`<h1>${SEED_HEADLINE}</h1>`);
    // The site's calendar, month names, digits and time zone (Damascus, UTC+2 then).
    expect(html).toContain(
      '<time class="published" datetime="2020-01-18T09:43:00.000Z">18 يناير/ كانون الثاني 2020، <bdi>11:43</bdi></time>',
    );
    // Every paragraph of the stored body, as stored.
    const stored = await findArticleById(site.database.db, toArticleId(SEED_ID));
    const paragraphs = stored!.bodyHtml.match(/<p\b[^>]*>[^]*?<\/p>/g) ?? [];
    expect(paragraphs.length).toBe(8);
    for (const paragraph of paragraphs) expect(html).toContain(paragraph);
    // One stylesheet, inline, under 2 KB; nothing else to load.
    expect(html.match(/<style>/g)).toEqual(['<style>']);
    expect(html).toContain(`<style>${LITE_STYLE}</style>`);
    expect(Buffer.byteLength(LITE_STYLE)).toBeLessThan(2048);
    for (const absent of [
      '<script',
      '<img',
      '<link rel="stylesheet"',
      '<link rel="preload"',
      '.woff2',
      '@font-face',
      'srcset',
    ]) {
      expect(html).not.toContain(absent);
    }
    expect(html).toContain(
      `<footer><p><a href="/a/${SEED_ID}">النسخة الكاملة من هذه الصفحة</a></p>`,
    );
    // The Content-Security-Policy allows that stylesheet by its hash, and nothing else.
    expect(lite.headers['content-security-policy']).toBe(LITE_POLICY);

    const gzip = await get(`/lite/a/${SEED_ID}`, { 'accept-encoding': 'gzip' });
    const full = await get(`/a/${SEED_ID}`, { 'accept-encoding': 'gzip' });
    const liteBytes = Number(gzip.headers['content-length']);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(liteBytes).toBeLessThanOrEqual(10 * 1024);
    // The full page's HTML alone weighs more than twice as much (its stylesheet, script and fonts come on top).
    expect(liteBytes * 2).toBeLessThan(Number(full.headers['content-length']));
  });

  it('sends a reader who takes brotli and gzip the smaller body, made on the miss', async () => {
    for (const path of [`/lite/a/${SEED_ID}`, '/lite/']) {
      // The miss makes the brotli body the first reader takes; the gzip one is made for the second.
      const br = await get(path, { 'accept-encoding': 'gzip, br' });
      const gzip = await get(path, { 'accept-encoding': 'gzip' });
      expect([br.headers['x-cache'], br.headers['content-encoding']]).toEqual(['MISS', 'br']);
      expect([gzip.headers['x-cache'], gzip.headers['content-encoding']]).toEqual(['HIT', 'gzip']);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(
        gunzipSync(gzip.rawPayload).toString(),
      );
      // Brotli at quality 2 made 2,528 bytes of the lite article, gzip 2,455.
      expect(br.rawPayload.length).toBeLessThan(gzip.rawPayload.length);
    }
  });

  it('links each image as a phone-sized file that names its size, and other articles at their lite pages', async () => {
    const item = await image('جسر.jpg', 'جسر فوق النهر');
    const id = await publish({
      headline: 'خبر بصورتين',
      featuredMediaId: item.id,
      featuredCaption: 'الجسر صباحاً',
      bodyHtml: `<p>قبل الصورة <a href="/a/${SEED_ID}">خبر سابق</a>.</p><figure><img src="/media/${item.id}/w960.webp" width="1600" height="900" alt="الجسر ليلاً"><figcaption>ليلاً</figcaption></figure><p>بعد الصورة.</p>`,
    });
    const kb = Math.ceil((await stat(join(mediaDir, item.id, 'w640.webp'))).size / 1024);
    const html = (await get(`/lite/a/${id}`)).body;
    expect(html).toContain(
      `<figure><a href="/media/${item.id}/w640.webp">صورة: جسر فوق النهر (${kb} كيلوبايت)</a><figcaption>الجسر صباحاً</figcaption></figure>`,
    );
    expect(html).toContain(
      `<p>قبل الصورة <a href="/lite/a/${SEED_ID}">خبر سابق</a>.</p><figure><a href="/media/${item.id}/w640.webp">صورة: الجسر ليلاً (${kb} كيلوبايت)</a><figcaption>ليلاً</figcaption></figure><p>بعد الصورة.</p>`,
    );
    expect(html).not.toContain('<img');
    // The byline, as the full page names the writer.
    expect(html).toContain('<p class="m"><bdi>كاتب الأخبار</bdi> · <time');
  });

  it('credits the source and the image, puts corrections before the text and keeps a body’s lists', async () => {
    const item = await image('صورة.jpg', 'مبنى');
    const id = await publish({
      headline: 'خبر من مراسل',
      byline: 'وكالة سانا',
      featuredMediaId: item.id,
      featuredCaption: 'المبنى',
      featuredCredit: 'مداد',
      bodyHtml:
        '<p>أولاً:</p><ul><li>بند</li></ul><p>نص <a href="https://news.example/section/x#y">قسم</a> <a href="/?page=2">أقدم</a></p>',
    });
    await insertNote(site.database, toArticleId(id), {
      kind: 'correction',
      text: 'صحّحنا الرقم',
      at: NOW,
      authorId: null,
    });
    const html = (await get(`/lite/a/${id}`)).body;
    expect(html).toContain(' · المصدر: <bdi>وكالة سانا</bdi></p>');
    expect(html).toContain('<figcaption>المبنى المصدر: مداد</figcaption>');
    expect(html.indexOf('صحّحنا الرقم')).toBeLessThan(html.indexOf('أولاً:'));
    expect(html).toContain('<p>أولاً:</p><ul><li>بند</li></ul>');
    expect(html).toContain('<a href="/lite/section/x#y">قسم</a> <a href="/lite/?page=2">أقدم</a>');
  });

  it('gives a live coverage’s updates at their anchors, marked pinned or key, and says when it ended', async () => {
    const id = toArticleId(await publish({ headline: 'تغطية مباشرة' }));
    await setLive(site.database, id, { state: 'live', startedAt: NOW, next: 3 });
    await insertUpdate(site.database, id, {
      number: 1,
      headline: 'أول تحديث',
      bodyHtml: '<p>نص الأول</p>',
      at: plusMinutes(NOW, -30),
      authorId: staff.editor.id,
      pinned: true,
    });
    await insertUpdate(site.database, id, {
      number: 2,
      headline: '',
      bodyHtml: '<p>نص الثاني</p>',
      at: plusMinutes(NOW, -10),
      authorId: null,
      key: true,
    });
    const live = (await get(`/lite/a/${id}`)).body;
    expect(live).toContain('<span class="live-badge">مباشر</span>');
    expect(live).toContain(
      '<section id="update-1"><h2><span class="m"><time datetime="2026-11-29T11:30:00.000Z"><bdi>14:30</bdi></time> · مثبّت</span> أول تحديث</h2><div><p>نص الأول</p></div><p class="m"><bdi>محرر الصفحة الأولى</bdi></p></section>',
    );
    expect(live).toContain(
      '<section id="update-2"><h2><span class="m"><time datetime="2026-11-29T11:50:00.000Z"><bdi>14:50</bdi></time> · تحديث رئيسي</span></h2>',
    );
    await setLive(site.database, id, { state: 'ended', startedAt: NOW, endedAt: NOW, next: 3 });
    site.app.publicChange({ kind: 'live', articleId: id, action: 'ended', updateNumber: null });
    const ended = (await get(`/lite/a/${id}`)).body;
    expect(ended).toContain('انتهت التغطية المباشرة في');
    expect(ended).not.toContain('<span class="live-badge">');
  });

  it('lists each story once on the lite home page', async () => {
    const ids = [];
    for (let n = 1; n <= 6; n++) ids.push(await publish({ headline: `خبر رقم ${n}` }));
    const home = (await get('/lite/')).body;
    for (const id of [...ids, SEED_ID]) {
      expect(home.split(`href="/lite/a/${id}"`).length - 1).toBe(1);
    }
  });

  it('answers a lite address that is not there with a lite error page, and a slug after an id with the id’s page', async () => {
    for (const path of ['/lite/a/999999', '/lite/section/none', '/lite/?page=0']) {
      const answer = await get(path);
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toContain(`<style>${LITE_STYLE}</style>`);
      expect(answer.body).toContain('<meta name="robots" content="noindex"/>');
      expect(answer.body).not.toContain('<script');
      expect(answer.body).toContain('<a href="/lite/">');
    }
    const slugged = await get(`/lite/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}`);
    expect([slugged.statusCode, slugged.headers.location]).toEqual([301, `/lite/a/${SEED_ID}`]);
  });

  it('gives lite pages, their errors and the lite pages served in place a policy of their own', async () => {
    await createSection(deps(), staff.administrator, 'اقتصاد');
    const section = (await findSection(site.database.db, { slug: slugify('اقتصاد') }))!;
    await publish({ headline: 'الليرة تتراجع', sectionId: section.id, tags: ['عملة'] });
    const sectionPath = `/section/${encodeURIComponent(section.slug)}`;
    const policies = async (paths: string[], headers: Record<string, string> = {}) => {
      const found = [];
      for (const path of paths) {
        // Twice: the miss, then the hit (through the router here: app.inject).
        for (const outcome of ['MISS', 'HIT']) {
          const answer = await get(path, headers);
          expect([path, answer.headers['x-cache'] ?? 'none']).toEqual([
            path,
            answer.statusCode === 404 ? 'none' : outcome,
          ]);
          found.push(answer.headers['content-security-policy']);
        }
      }
      return found;
    };
    const lite = [`/lite/a/${SEED_ID}`, '/lite/', `/lite${sectionPath}`, '/lite/a/999999'];
    expect(await policies(lite)).toEqual(Array(8).fill(LITE_POLICY));
    const inPlace = [`/a/${SEED_ID}`, '/', sectionPath];
    expect(await policies(inPlace, SAVE_DATA)).toEqual(Array(6).fill(LITE_POLICY));
    // The full pages, and a page with no lite version drawn for a browser saving data, keep the site's.
    const full = await policies([...inPlace, `/tag/${encodeURIComponent('عملة')}`]);
    const saving = await policies([`/tag/${encodeURIComponent('عملة')}`], SAVE_DATA);
    for (const policy of [...full, ...saving]) {
      expect(policy).toContain("default-src 'self';script-src 'self' 'sha256-");
      expect(policy).toContain(";style-src 'self';");
    }
  });

  it('is announced and linked from the full page', async () => {
    const html = (await get(`/a/${SEED_ID}`)).body;
    expect(html).toContain(
      `<link rel="alternate" href="https://news.example/lite/a/${SEED_ID}" title="نسخة خفيفة"/>`,
    );
    expect(html).toContain(`<a href="/lite/a/${SEED_ID}">نسخة خفيفة</a>`);
    const home = (await get('/')).body;
    expect(home).toContain(
      '<link rel="alternate" href="https://news.example/lite/" title="نسخة خفيفة"/>',
    );
  });

  it('lists the news on the lite home page and on a section’s lite pages', async () => {
    await createSection(deps(), staff.administrator, 'اقتصاد');
    const section = (await findSection(site.database.db, { slug: slugify('اقتصاد') }))!;
    const id = await publish({ headline: 'الليرة تتراجع', sectionId: section.id });
    const home = await get('/lite/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<a href="/lite/a/${id}"><b>الليرة تتراجع</b></a>`);
    expect(home.body).toContain(`<a href="/lite/a/${SEED_ID}"><b>${SEED_HEADLINE}</b></a>`);
    expect(home.body).toContain('<link rel="canonical" href="https://news.example/"/>');
    expect((await get('/lite')).body).toBe(home.body);
    expect((await get('/lite/?page=2')).statusCode).toBe(404);

    const listing = await get(`/lite/section/${encodeURIComponent(section.slug)}`);
    expect(listing.statusCode).toBe(200);
    expect(listing.body).toContain('<h1>اقتصاد</h1>');
    expect(listing.body).toContain(`<a href="/lite/a/${id}"><b>الليرة تتراجع</b></a>`);
    expect(listing.body).not.toContain(SEED_HEADLINE);
    expect((await get(`/lite/a/${id}`)).body).toContain(
      `<p class="m"><a href="/lite/section/${encodeURIComponent(section.slug)}">اقتصاد</a></p>`,
    );
    expect((await get('/lite/section/no-such-section')).statusCode).toBe(404);
    expect((await get('/lite/a/999999')).statusCode).toBe(404);
  });

  it('offers, when the header has no menu, the sections that have news, by name, twelve at most', async () => {
    const sections: { slug: string; name: string }[] = [];
    for (let n = 1; n <= 15; n++) {
      const name = `قسم ${String(n).padStart(2, '0')}`;
      await createSection(deps(), staff.administrator, name);
      const section = (await findSection(site.database.db, { slug: slugify(name) }))!;
      sections.push({ slug: section.slug, name });
      // The third has a draft only and the seventh nothing: neither is offered.
      if (n === 7) continue;
      if (n === 3) {
        const draft = await createDraft(deps(), staff.editor);
        await saveArticle(
          deps(),
          staff.editor,
          draft,
          content([staff.author.id], { sectionId: section.id }),
        );
        continue;
      }
      await publish({ headline: `خبر ${name}`, sectionId: section.id });
    }
    const link = (i: number) =>
      `<a href="/lite/section/${encodeURIComponent(sections[i]!.slug)}">${sections[i]!.name}</a>`;
    // The first twelve of the thirteen with news: the fifteenth is left out.
    const offered = [0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13];
    const nav = `<nav>${offered.map(link).join(' · ')}</nav>`;
    const home = (await get('/lite/')).body;
    expect(home).toContain(nav);
    expect(home).toContain(
      `<h2>الأقسام</h2><ul class="l">${offered.map((i) => `<li>${link(i)}</li>`).join('')}</ul>`,
    );
    expect((await get(`/lite/a/${SEED_ID}`)).body).toContain(nav);
    // Each leads to its lite page, listing its news.
    const listing = await get(`/lite/section/${encodeURIComponent(sections[13]!.slug)}`);
    expect([listing.statusCode, listing.body.includes('<b>خبر قسم 14</b>')]).toEqual([200, true]);

    // A menu, once chosen, is what the lite pages offer, in its order.
    const menu = [13, 1];
    await saveFrontPageSettings(deps(), staff.administrator, {
      logoMediaId: '',
      menuSectionIds: await Promise.all(
        menu.map(
          async (i) => (await findSection(site.database.db, { slug: sections[i]!.slug }))!.id,
        ),
      ),
      blockSectionIds: [],
      opinionSectionId: '',
      secondary: ['', '', '', ''],
    });
    expect((await get('/lite/')).body).toContain(`<nav>${menu.map(link).join(' · ')}</nav>`);
  });

  it('shows an edit at once: the article’s change purges its lite page', async () => {
    const id = await publish({ headline: 'عنوان أول' });
    expect((await get(`/lite/a/${id}`)).body).toContain('<h1>عنوان أول</h1>');
    expect((await get(`/lite/a/${id}`)).headers['x-cache']).toBe('HIT');
    await saveArticle(
      deps(),
      staff.editor,
      toArticleId(id),
      content([staff.author.id], { headline: 'عنوان مصحح' }),
    );
    const after = await get(`/lite/a/${id}`);
    expect([after.headers['x-cache'], after.body.includes('<h1>عنوان مصحح</h1>')]).toEqual([
      'MISS',
      true,
    ]);
  });

  it('serves the lite page in place to a browser that asks to save data, and the full page to others', async () => {
    const path = `/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}`;
    const full = await get(path);
    const saving = await get(path, SAVE_DATA);
    const again = await get(path, SAVE_DATA);
    const fullAgain = await get(path);
    expect(full.body).toContain('<link rel="stylesheet"');
    expect(saving.body).toContain(`<style>${LITE_STYLE}</style>`);
    expect(saving.body).toContain('<p>تصلك النسخة الخفيفة لأن متصفحك يطلب توفير البيانات.</p>');
    expect(saving.body).not.toContain('النسخة الكاملة من هذه الصفحة');
    expect([again.headers['x-cache'], again.body]).toEqual(['HIT', saving.body]);
    expect([fullAgain.headers['x-cache'], fullAgain.body]).toEqual(['HIT', full.body]);
    for (const answer of [full, saving]) {
      expect(answer.headers.vary).toBe('Accept-Encoding, Save-Data');
    }
    expect((await get('/', SAVE_DATA)).body).toContain(`<a href="/lite/a/${SEED_ID}"><b>`);
    // `Save-Data: off`, or anything but `on`, is not a request to save data.
    expect((await get(path, { 'save-data': 'off' })).body).toBe(full.body);
    expect((await get(path, { 'save-data': 'On; foo=1' })).body).toBe(saving.body);
  });

  it('draws a page without a lite version in system fonts, with its images’ smallest width, to a browser saving data', async () => {
    const item = await image('صورة.jpg', 'صورة الخبر');
    await publish({ headline: 'خبر موسوم', tags: ['موسوم'], featuredMediaId: item.id });
    const path = `/tag/${encodeURIComponent('موسوم')}`;
    const normal = (await get(path)).body;
    const saving = (await get(path, SAVE_DATA)).body;
    expect(normal).toContain('<html lang="ar" dir="rtl" class="no-js" ');
    expect(normal).toContain('rel="preload"');
    expect(normal).toContain(`srcset="/media/${item.id}/w320.webp 320w`);
    expect(saving).toContain('<html lang="ar" dir="rtl" class="no-js save-data" ');
    expect(saving).not.toContain('rel="preload"');
    expect(saving).not.toContain('srcset');
    expect(saving).toContain(`src="/media/${item.id}/w320.webp"`);
  });
});

describe('lite pages in Arabic-Indic digits', () => {
  it('write dates and sizes in the site’s digits', async () => {
    const site = await testSite({ MIDAD_NUMERALS: 'arab' });
    try {
      const html = (await site.app.inject({ url: `/lite/a/${SEED_ID}` })).body;
      expect(html).toContain('١٨ يناير/ كانون الثاني ٢٠٢٠، <bdi>١١:٤٣</bdi>');
    } finally {
      await site.close();
    }
  });

  it('give the Hijri date beside the Gregorian when the site shows it', async () => {
    const site = await testSite({ MIDAD_HIJRI: 'true' });
    try {
      const html = (await site.app.inject({ url: `/lite/a/${SEED_ID}` })).body;
      expect(html).toContain('<span class="published__hijri"> (');
    } finally {
      await site.close();
    }
  });
});
