/**
 * The wire desk over HTTP (issue 18, part 3), on both engines: the queue
 * newest first, its Arabic search and filters, «استخدام كمسودة» making
 * one draft (a second use lands on the same one), who may see and use
 * the desk, CSRF, and the sources form saying every problem at once.
 * Items are put in the queue as a poller would, with ingestWireItems.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WireItemInput } from '../../src/domain/wire-item.js';
import type { Staff } from '../helpers/newsroom.js';
import { translator } from '../../src/i18n/format.js';
import { readWireDocument } from '../../src/importers/wire/read-wire.js';
import { loadArticle } from '../../src/services/edit-article.js';
import { sanitizeHere } from '../../src/services/sanitizer-pool.js';
import { ingestWireItems, listWireQueue } from '../../src/services/wire-queue.js';
import { addWireSource, listWireSources } from '../../src/services/wire-sources.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { LANGUAGE_COOKIE } from '../../src/web/admin/session-cookie.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const t = translator('ar');
/** Text as the page's HTML escapes it. */
const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const HOUR = 3600_000;
const ASSAD = 'الأسد يستقبل وفداً برلمانياً عُمانياً في دمشق';
const WHEAT = 'ارتفاع أسعار القمح في الأسواق المحلية';
const ENERGY = 'قطر تستضيف مؤتمراً دولياً للطاقة المتجددة';
const ENERGY_BODY =
  '<p>تستضيف الدوحة الأسبوع المقبل مؤتمراً دولياً للطاقة المتجددة بمشاركة 40 دولة.</p>' +
  '<script>alert(1)</script><p onclick="steal()">ويناقش المؤتمر تمويل مشاريع الطاقة الشمسية.</p>';

function item(over: Partial<WireItemInput> & { guid: string; headline: string }): WireItemInput {
  return {
    version: null,
    slugline: '',
    byline: '',
    summary: '',
    bodyHtml: '<p>نص الخبر.</p>',
    link: null,
    language: 'ar',
    subjects: [],
    sentAt: null,
    sentOffsetMinutes: null,
    status: 'usable',
    ...over,
  };
}

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let folder: string;
  /** The newsroom's wire folder (MIDAD_WIRE_FOLDERS), inside `folder`. */
  let newsroomFolder: string;
  let editor: AdminClient;
  let sana = '';
  let qna = '';
  let economy = '';
  const deps = () => ({ database: site.database, now: () => NOW, sanitize: sanitizeHere });
  const idOf = async (headline: string) =>
    (await listWireQueue(deps(), staff.editor, { q: headline })).items.find(
      (i) => i.headline === headline,
    )?.id ?? '';
  const signedIn = async (role: keyof Staff) => {
    const client = new AdminClient(site.app);
    expect((await client.signIn(`${role}@news.example`, `${role} password 1`)).statusCode).toBe(
      303,
    );
    return client;
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'midad-wire-desk-'));
    newsroomFolder = join(folder, 'newsroom');
    mkdirSync(join(newsroomFolder, 'wam'), { recursive: true });
    site = await testSite({ MIDAD_WIRE_FOLDERS: newsroomFolder }, { dialect, demo: false });
    staff = await createStaff(site.database, () => NOW);
    economy = (await ensureSection(site.database.db, { slug: 'اقتصاد', name: 'اقتصاد' }, NOW)).id;
    sana = (
      await addWireSource(deps(), null, {
        name: 'sana-ar',
        agency: 'سانا',
        folder: join(folder),
      })
    ).id;
    qna = (
      await addWireSource(deps(), null, {
        name: 'qna-ar',
        agency: 'قنا',
        folder: join(folder),
        sectionSlug: 'اقتصاد',
      })
    ).id;
    await ingestWireItems(
      deps(),
      sana,
      [
        item({
          guid: 'sana-1',
          headline: ASSAD,
          sentAt: new Date(NOW.getTime() - 3 * HOUR),
          sentOffsetMinutes: 180,
        }),
        item({ guid: 'sana-2', headline: WHEAT, sentAt: new Date(NOW.getTime() - 1 * HOUR) }),
      ],
      NOW,
    );
    await ingestWireItems(
      deps(),
      qna,
      [
        item({
          guid: 'qna-1',
          headline: ENERGY,
          summary: 'مؤتمر دولي في الدوحة.',
          bodyHtml: ENERGY_BODY,
          link: 'https://qna.example/ar/news/1',
          sentAt: new Date(NOW.getTime() - 2 * HOUR),
          sentOffsetMinutes: 180,
        }),
      ],
      NOW,
    );
    editor = await signedIn('editor');
  });
  afterAll(async () => {
    await site?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('lists the queue newest first, linked from the menu', async () => {
    const res = await editor.get('/admin/wire');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1>${t('admin.wire.title')}</h1>`);
    expect(res.body).toContain(`<a href="/admin/wire">${t('admin.nav.wire')}</a>`);
    const order = [WHEAT, ENERGY, ASSAD].map((h) => res.body.indexOf(html(h)));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.body).toContain('3 أخبار');
    expect(res.body).toContain('قبل ساعة');
    expect(res.body).toContain('قبل 3 ساعات');
  });

  it('finds «الأسد» when searched as «الاسد», and nothing else', async () => {
    const res = await editor.get(`/admin/wire?q=${encodeURIComponent('الاسد')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(html(ASSAD));
    expect(res.body).not.toContain(html(WHEAT));
    expect(res.body).not.toContain(html(ENERGY));
    expect(res.body).toContain('خبر واحد');
  });

  it('answers 404 for an item not in the queue, and shows the desk in English left to right', async () => {
    expect((await editor.get('/admin/wire/items/999999')).statusCode).toBe(404);
    expect((await editor.get('/admin/wire/items/..%2Fx')).statusCode).toBe(404);
    const english = await signedIn('editor');
    english.cookies.set(LANGUAGE_COOKIE, 'en');
    const res = await english.get('/admin/wire?page=abc&used=maybe&section=x');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain('<h1>Wire desk</h1>');
    expect(res.body).toContain('3 items');
  });

  it('filters by source, and by section', async () => {
    const bySource = await editor.get(`/admin/wire?source=${qna}`);
    expect(bySource.body).toContain(html(ENERGY));
    expect(bySource.body).not.toContain(html(ASSAD));
    expect(bySource.body).not.toContain(html(WHEAT));
    const bySection = await editor.get(`/admin/wire?section=${economy}`);
    expect(bySection.body).toContain(html(ENERGY));
    expect(bySection.body).not.toContain(html(WHEAT));
  });

  it('shows an item whole, sanitised, with the agency link and the use button', async () => {
    const res = await editor.get(`/admin/wire/items/${await idOf(ENERGY)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(await sanitizeHere(ENERGY_BODY));
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('href="https://qna.example/ar/news/1"');
    expect(res.body).toContain(
      `<dt>${t('admin.wire.agencyTime')}</dt><dd>29 نوفمبر/ تشرين الثاني 2026، 13:00 <bdi dir="ltr">(UTC+03:00)</bdi></dd>`,
    );
    expect(res.body).toContain(t('admin.wire.use'));
  });

  it("leaves the agency's images, figures and captions out of the body, and says how many", async () => {
    const BRIDGE = 'افتتاح جسر جديد فوق نهر العاصي في حماة';
    const report = await ingestWireItems(
      deps(),
      sana,
      [
        item({
          guid: 'sana-images',
          headline: BRIDGE,
          bodyHtml:
            '<p>افتُتح اليوم الجسر الجديد.</p><img src="x" onerror="alert(1)">' +
            '<figure><img src="https://cdn.agency.example/bridge.jpg" alt="الجسر">' +
            '<figcaption>الجسر الجديد (سانا)</figcaption></figure><p>ويربط الجسر ضفتي النهر.</p>',
        }),
      ],
      NOW,
    );
    expect(report.added).toBe(1);
    const id = await idOf(BRIDGE);
    const res = await editor.get(`/admin/wire/items/${id}`);
    expect(res.body).toContain('<p class="notice">أُسقطت صورتان من نص الوكالة');
    expect(res.body).toContain(
      '<div class="wire-item__body" dir="auto"><p>افتُتح اليوم الجسر الجديد.</p><p>ويربط الجسر ضفتي النهر.</p></div>',
    );
    expect(res.body).not.toContain('الجسر الجديد (سانا)');
    const plain = await editor.get(`/admin/wire/items/${await idOf(ASSAD)}`);
    expect(plain.body).not.toContain('أُسقطت');
  });

  it('makes a draft with the exact headline, body, agency and section; a second use lands on it', async () => {
    const id = await idOf(ENERGY);
    await editor.get(`/admin/wire/items/${id}`);
    const first = await editor.post(`/admin/wire/items/${id}/use`);
    expect(first.statusCode).toBe(303);
    const location = String(first.headers.location);
    expect(location).toMatch(/^\/admin\/articles\/[0-9]+\/edit\?notice=wire-draft$/);
    const articleId = /articles\/([0-9]+)\//.exec(location)?.[1] ?? '';

    const article = await loadArticle(deps(), articleId as never);
    expect({
      headline: article.headline,
      bodyHtml: article.bodyHtml,
      sectionId: article.sectionId,
      status: article.status,
    }).toEqual({
      headline: ENERGY,
      bodyHtml:
        '<p>تستضيف الدوحة الأسبوع المقبل مؤتمراً دولياً للطاقة المتجددة بمشاركة 40 دولة.</p>' +
        '<p>ويناقش المؤتمر تمويل مشاريع الطاقة الشمسية.</p>',
      sectionId: economy,
      status: 'draft',
    });
    const row = await site.database.db
      .selectFrom('articles')
      .select(['byline', 'source_url'])
      .where('id', '=', articleId as never)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ byline: 'قنا', source_url: 'https://qna.example/ar/news/1' });

    const page = await editor.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(t('admin.wire.draftMade'));
    expect(page.body).toContain(t('admin.wire.fromAgency', { agency: '\u2068قنا\u2069' }));
    expect(page.body).toContain(`href="/admin/wire/items/${id}"`);

    const again = await editor.post(`/admin/wire/items/${id}/use`);
    expect([again.statusCode, again.headers.location]).toEqual([303, location]);

    const item = await editor.get(`/admin/wire/items/${id}`);
    expect(item.body).toContain(t('admin.wire.usedBy', { name: 'محرر الصفحة الأولى' }));
    expect(item.body).toContain(`href="/admin/articles/${articleId}/edit"`);
  });

  it("lets the editor see and change the draft's source credit (the agency), kept when a form lacks the field", async () => {
    const CREDIT = 'وزير الاقتصاد يعلن خطة لدعم الصناعات الصغيرة';
    await ingestWireItems(deps(), sana, [item({ guid: 'sana-credit', headline: CREDIT })], NOW);
    const id = await idOf(CREDIT);
    await editor.get(`/admin/wire/items/${id}`);
    const used = await editor.post(`/admin/wire/items/${id}/use`);
    const articleId = /articles\/([0-9]+)\//.exec(String(used.headers.location))?.[1] ?? '';
    const page = await editor.get(`/admin/articles/${articleId}/edit`);
    expect(page.body).toContain(
      `<label for="field-byline">${t('admin.field.sourceCredit')}</label>`,
    );
    expect(page.body).toMatch(
      /<input id="field-byline" name="byline" dir="auto"[^>]* value="سانا"/,
    );
    const bylineOf = async () =>
      (
        await site.database.db
          .selectFrom('articles')
          .select('byline')
          .where('id', '=', articleId as never)
          .executeTakeFirstOrThrow()
      ).byline;
    const form = { headline: CREDIT, body_html: '<p>نص الخبر.</p>' };
    expect(
      (await editor.post(`/admin/articles/${articleId}`, { ...form, byline: ' سانا  ووكالات ' }))
        .statusCode,
    ).toBe(303);
    expect(await bylineOf()).toBe('سانا ووكالات');
    await editor.post(`/admin/articles/${articleId}`, form);
    expect(await bylineOf()).toBe('سانا ووكالات');
    await editor.post(`/admin/articles/${articleId}`, { ...form, byline: '' });
    expect(await bylineOf()).toBe(null);
    const long = await editor.post(`/admin/articles/${articleId}`, {
      ...form,
      byline: 'س'.repeat(201),
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain(html(t('admin.error.ARTICLE_BYLINE_TOO_LONG', { max: 200 })));
  });

  it('keeps the desk from a contributor until an administrator opens it, then read-only', async () => {
    const contributor = await signedIn('contributor');
    const id = await idOf(WHEAT);
    expect((await contributor.get('/admin/wire')).statusCode).toBe(403);
    expect((await contributor.get(`/admin/wire/items/${id}`)).statusCode).toBe(403);
    expect((await contributor.get('/admin')).body).not.toContain('href="/admin/wire"');

    const admin = await signedIn('administrator');
    await admin.get('/admin/wire/sources');
    const opened = await admin.post('/admin/wire/access', { open: 'yes' });
    expect([opened.statusCode, opened.headers.location]).toEqual([
      303,
      '/admin/wire/sources?notice=wire-desk-opened',
    ]);
    try {
      const queue = await contributor.get('/admin/wire');
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(html(WHEAT));
      expect(queue.body).toContain(t('admin.wire.readOnly'));
      expect(queue.body).toContain(`<a href="/admin/wire">${t('admin.nav.wire')}</a>`);
      const page = await contributor.get(`/admin/wire/items/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(html(WHEAT));
      expect(page.body).not.toContain(t('admin.wire.use'));
      expect(page.body).not.toContain(`/admin/wire/items/${id}/use`);
      expect((await contributor.post(`/admin/wire/items/${id}/use`)).statusCode).toBe(403);
      expect((await listWireQueue(deps(), staff.editor, { q: WHEAT })).items[0]?.used).toBe(null);
    } finally {
      await admin.post('/admin/wire/access', { open: 'no' });
    }
    expect((await contributor.get('/admin/wire')).statusCode).toBe(403);
  });

  it('refuses «use as draft» without its CSRF token', async () => {
    const id = await idOf(WHEAT);
    const res = await editor.post(`/admin/wire/items/${id}/use`, { _csrf: 'forged' });
    expect(res.statusCode).toBe(403);
    expect((await listWireQueue(deps(), staff.editor, { q: WHEAT })).items[0]?.used).toBe(null);
  });

  it('says every problem of a bad source at once, keeping what was typed', async () => {
    const admin = await signedIn('administrator');
    await admin.get('/admin/wire/sources');
    const res = await admin.post('/admin/wire/sources', {
      name: '',
      agency: '',
      url: 'ftp://wire.example/feed',
      folder: '',
      everyMinutes: '0',
    });
    expect(res.statusCode).toBe(422);
    const summary = res.body.slice(res.body.indexOf('class="error-summary"'));
    for (const key of [
      'admin.error.WIRE_NAME_INVALID',
      'admin.error.WIRE_AGENCY_INVALID',
      'admin.error.WIRE_URL_INVALID',
      'admin.error.WIRE_EVERY_INVALID',
    ] as const) {
      expect(summary).toContain(html(t(key)));
    }
    expect(res.body).toContain('value="ftp://wire.example/feed"');
    expect(res.body).toContain('value="0"');
  });

  it('refuses from the newsroom a folder outside MIDAD_WIRE_FOLDERS, however it is named', async () => {
    const admin = await signedIn('administrator');
    await admin.get('/admin/wire/sources');
    symlinkSync(folder, join(newsroomFolder, 'escape'));
    const outside = html(
      t('admin.error.WIRE_FOLDER_OUTSIDE', { folders: `\u2066${newsroomFolder}\u2069` }),
    );
    for (const where of [
      '/etc',
      folder,
      join(newsroomFolder, 'wam', '..', '..'),
      join(newsroomFolder, 'escape'),
    ]) {
      const res = await admin.post('/admin/wire/sources', {
        name: 'etc',
        agency: 'وكالة',
        url: '',
        folder: where,
        everyMinutes: '5',
      });
      expect([where, res.statusCode]).toEqual([where, 422]);
      expect(res.body).toContain(outside);
    }
    expect((await listWireSources(deps(), null)).map((s) => s.name).sort()).toEqual([
      'qna-ar',
      'sana-ar',
    ]);
  });

  it('keeps the checkbox and the private-address error in the same words', () => {
    expect(t('admin.error.WIRE_PRIVATE_ADDRESS')).toContain(
      `«${t('admin.wire.sources.allowPrivate')}»`,
    );
    expect(translator('en')('admin.error.WIRE_PRIVATE_ADDRESS')).toContain(
      `“${translator('en')('admin.wire.sources.allowPrivate')}”`,
    );
  });

  it("labels a source's last error as the technical English message, left to right", async () => {
    await site.database.db
      .updateTable('wire_sources')
      .set({ last_error: 'fetch failed: 500' })
      .where('id', '=', sana as never)
      .execute();
    const admin = await signedIn('administrator');
    const page = await admin.get('/admin/wire/sources');
    await site.database.db
      .updateTable('wire_sources')
      .set({ last_error: null })
      .where('id', '=', sana as never)
      .execute();
    expect(page.body).toContain(
      '<dd class="wire-sources__error">رسالة الخطأ (بالإنجليزية): <bdi dir="ltr" lang="en">fetch failed: 500</bdi></dd>',
    );
  });

  it('adds a source through the form, lists it, and switches it off', async () => {
    const admin = await signedIn('administrator');
    await admin.get('/admin/wire/sources');
    const added = await admin.post('/admin/wire/sources', {
      name: 'wam-ar',
      agency: 'وام',
      url: '',
      folder: join(newsroomFolder, 'wam'),
      sectionSlug: 'اقتصاد',
      everyMinutes: '١٥',
    });
    expect([added.statusCode, added.headers.location]).toEqual([
      303,
      '/admin/wire/sources?notice=wire-source-added',
    ]);
    const page = await admin.get('/admin/wire/sources?notice=wire-source-added');
    expect(page.body).toContain(t('admin.wire.sources.added'));
    expect(page.body).toContain('wam-ar');
    expect(page.body).toContain(t('admin.wire.sources.everyValue', { minutes: '15' }));
    const wam = (await listWireSources(deps(), null)).find((s) => s.name === 'wam-ar');
    expect([wam?.agency, wam?.section?.slug, wam?.everyMinutes, wam?.enabled]).toEqual([
      'وام',
      'اقتصاد',
      15,
      true,
    ]);
    const off = await admin.post(`/admin/wire/sources/${wam?.id}`, { enabled: 'no' });
    expect(off.headers.location).toBe('/admin/wire/sources?notice=wire-source-off');
    expect((await listWireSources(deps(), null)).find((s) => s.name === 'wam-ar')?.enabled).toBe(
      false,
    );
    const removed = await admin.post(`/admin/wire/sources/${wam?.id}/delete`, { confirm: 'yes' });
    expect(removed.headers.location).toBe('/admin/wire/sources?notice=wire-source-removed');
    expect((await listWireSources(deps(), null)).map((s) => s.name).sort()).toEqual([
      'qna-ar',
      'sana-ar',
    ]);
    expect((await editor.get('/admin/wire/sources')).statusCode).toBe(403);
  });

  it('flags a draft whose item the agency updated after it was used', async () => {
    const id = await idOf(ASSAD);
    await editor.get(`/admin/wire/items/${id}`);
    const location = String((await editor.post(`/admin/wire/items/${id}/use`)).headers.location);
    expect((await editor.get(location)).body).not.toContain('notice--warning');

    const later = new Date(NOW.getTime() + 2 * HOUR);
    const report = await ingestWireItems(
      { ...deps(), now: () => later },
      sana,
      [
        item({
          guid: 'sana-1',
          headline: ASSAD,
          bodyHtml: '<p>وأكد الجانبان أهمية تعزيز العلاقات الثنائية.</p>',
          sentAt: new Date(NOW.getTime() - 3 * HOUR),
          sentOffsetMinutes: 180,
        }),
      ],
      later,
    );
    expect(report.updated).toBe(1);
    const page = await editor.get(location);
    expect(page.body).toContain(
      t('admin.wire.updatedSinceUse', { time: '29 نوفمبر/ تشرين الثاني 2026، 17:00' }),
    );
    const queue = await editor.get('/admin/wire');
    expect(queue.body).toContain(t('admin.wire.updatedAfterUse'));

    // A new version dated by the agency after the use: its time, then our arrival time.
    const arrived = new Date(NOW.getTime() + 3 * HOUR);
    await ingestWireItems(
      { ...deps(), now: () => arrived },
      sana,
      [
        item({
          guid: 'sana-1',
          headline: ASSAD,
          bodyHtml: '<p>وأكد الجانبان أهمية تعزيز العلاقات الثنائية والتعاون.</p>',
          sentAt: new Date(NOW.getTime() + 2.5 * HOUR),
          sentOffsetMinutes: 180,
        }),
      ],
      arrived,
    );
    expect((await editor.get(location)).body).toContain(
      `${t('admin.wire.updatedSinceUse', { time: '29 نوفمبر/ تشرين الثاني 2026، 17:30' })} ${t('admin.wire.arrivedAt', { time: '29 نوفمبر/ تشرين الثاني 2026، 18:00' })} `,
    );
  });

  it('pages the queue, fifty items a page, keeping the filters in the links', async () => {
    const many = Array.from({ length: 50 }, (_, n) =>
      item({
        guid: `qna-bulk-${n}`,
        headline: `نشرة الطقس رقم ${n + 1} لمحافظات الشمال`,
        sentAt: new Date(NOW.getTime() - (10 + n) * 60_000),
      }),
    );
    expect((await ingestWireItems(deps(), qna, many, NOW)).added).toBe(50);
    const first = await editor.get('/admin/wire');
    expect(first.body).toContain(t('admin.wire.pageOf', { page: '1', pages: '2' }));
    expect(first.body).toContain('<a href="/admin/wire?page=2" rel="next">');
    expect(first.body).not.toContain(html(ENERGY));
    const second = await editor.get('/admin/wire?page=2');
    expect(second.body).toContain(html(ENERGY));
    expect(second.body).toContain('<a href="/admin/wire" rel="prev">');
    const filtered = await editor.get(`/admin/wire?source=${qna}&section=${economy}`);
    expect(filtered.body).toContain(
      `<a href="/admin/wire?source=${qna}&amp;section=${economy}&amp;page=2" rel="next">`,
    );
  });

  it('marks an item the agency withdrew on the queue and its page, refuses its use, and tells the draft made before', async () => {
    const g2 = (
      await addWireSource(deps(), null, {
        name: 'wire-g2',
        agency: 'وكالة الأنباء التجريبية',
        folder: join(folder),
      })
    ).id;
    const fixture = async (name: string) =>
      (
        await readWireDocument(readFileSync(new URL(`../fixtures/wire/${name}`, import.meta.url)), {
          fileName: name,
        })
      ).items;
    const BUDGET = 'البرلمان يقر مشروع موازنة 2027 بعد تسوية بشأن الدعم';
    expect(
      (await ingestWireItems(deps(), g2, await fixture('newsml-g2-item-v3.xml'), NOW)).added,
    ).toBe(1);
    const id = await idOf(BUDGET);
    expect((await editor.get(`/admin/wire/items/${id}`)).body).not.toContain('wire-withdrawn');
    const location = String((await editor.post(`/admin/wire/items/${id}/use`)).headers.location);

    const later = new Date(NOW.getTime() + HOUR);
    const canceled = await fixture('newsml-g2-item-v3-canceled.xml');
    expect((await ingestWireItems(deps(), g2, canceled, later)).updated).toBe(1);

    const queue = await editor.get(`/admin/wire?source=${g2}`);
    expect(queue.body).toContain(
      `<p class="notice notice--error wire-withdrawn wire-withdrawn--canceled" role="alert">${t('admin.wire.canceled')}</p>`,
    );
    expect(t('admin.wire.canceled')).toBe('سحبت الوكالة هذا الخبر — لا تنشره');
    const page = await editor.get(`/admin/wire/items/${id}`);
    expect(page.body).toContain(
      `wire-withdrawn--canceled" role="alert">${t('admin.wire.canceled')}`,
    );
    // Used before it was withdrawn: the link to the draft stays, the draft says it was withdrawn.
    expect(page.body).toContain(`href="/admin/articles/`);
    const draft = await editor.get(location);
    expect(draft.body).toContain(
      `<p class="notice notice--error notice--wire-withdrawn" role="alert">${t('admin.wire.canceledSinceUse')} `,
    );
    expect(draft.body).not.toContain('class="notice notice--wire"');

    // Publishing it is refused, and what was typed with the press is saved.
    const articleId = /\/admin\/articles\/(\d+)\/edit/.exec(location)?.[1] ?? '';
    const pressed = await editor.post(`/admin/articles/${articleId}`, {
      headline: 'البرلمان يقر موازنة 2027',
      body_html: '<p>أقر البرلمان الموازنة.</p>',
      move: 'publish',
    });
    expect(pressed.statusCode).toBe(422);
    expect(pressed.body).toContain(html(t('admin.error.PUBLISH_WIRE_WITHDRAWN')));
    const kept = await site.database.db
      .selectFrom('articles')
      .select(['headline', 'status'])
      .where('id', '=', BigInt(articleId))
      .executeTakeFirstOrThrow();
    expect([kept.headline, kept.status]).toEqual(['البرلمان يقر موازنة 2027', 'draft']);

    // Withheld and never used: the use button is disabled, and the service refuses too.
    const HELD = 'خبر محجوب عن مشروع الموازنة حتى الظهر';
    await ingestWireItems(
      deps(),
      g2,
      [item({ guid: 'held-1', headline: HELD, status: 'withheld', sentAt: NOW })],
      later,
    );
    const heldId = await idOf(HELD);
    const held = await editor.get(`/admin/wire/items/${heldId}`);
    expect(held.body).toContain(
      `wire-withdrawn--withheld" role="alert">${t('admin.wire.withheld')}`,
    );
    expect(held.body).toContain(
      `<button type="button" class="button" disabled aria-describedby="wire-use-withdrawn">${t('admin.wire.use')}</button>`,
    );
    expect(held.body).not.toContain(`action="/admin/wire/items/${heldId}/use"`);
    const refused = await editor.post(`/admin/wire/items/${heldId}/use`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(html(t('admin.error.WIRE_ITEM_WITHDRAWN')));
    expect(
      (
        await site.database.db
          .selectFrom('articles')
          .select('id')
          .where('wire_item_id', '=', BigInt(heldId))
          .execute()
      ).length,
    ).toBe(0);
  });

  it('tells an article published before the agency withheld its item is live, in the editor, on the item and in the list', async () => {
    const LIVE = 'افتتاح جسر جديد على نهر العاصي في حماة';
    await ingestWireItems(
      deps(),
      sana,
      [item({ guid: 'live-1', headline: LIVE, sentAt: NOW })],
      NOW,
    );
    const id = await idOf(LIVE);
    const location = String((await editor.post(`/admin/wire/items/${id}/use`)).headers.location);
    const articleId = /\/admin\/articles\/(\d+)\/edit/.exec(location)?.[1] ?? '';
    expect(
      (await editor.post(`/admin/articles/${articleId}/move`, { move: 'publish' })).statusCode,
    ).toBe(303);
    expect((await editor.get(`/admin/wire/items/${id}`)).body).toContain(
      `<p class="notice wire-actions__published">${t('admin.wire.draftPublished')}</p>`,
    );
    const row = `href="/admin/articles/${articleId}/edit">${LIVE}</a><span class="badge badge--published">${t('admin.status.published')}</span>`;
    expect((await editor.get('/admin')).body).toContain(`${row}<span class="article-row__meta">`);

    const later = new Date(NOW.getTime() + HOUR);
    await ingestWireItems(
      deps(),
      sana,
      [item({ guid: 'live-1', headline: LIVE, sentAt: NOW, status: 'withheld' })],
      later,
    );
    expect(t('admin.wire.withheldAfterPublish')).toBe(
      'حجبت الوكالة هذا الخبر بعد نشره: ألغِ نشره أو صحّحه.',
    );
    expect((await editor.get(location)).body).toContain(
      `<p class="notice notice--error notice--wire-withdrawn" role="alert">${t('admin.wire.withheldAfterPublish')} `,
    );
    expect((await editor.get(`/admin/wire/items/${id}`)).body).toContain(
      `<p class="notice notice--error wire-actions__published">${t('admin.wire.draftPublished')}</p>`,
    );
    expect((await editor.get('/admin')).body).toContain(
      `${row}<span class="badge badge--wire-withdrawn">${t('admin.articles.wireWithheld')}</span>`,
    );
  });

  it('names on an item the sources its dropped copies came from', async () => {
    const eco = (
      await addWireSource(deps(), null, { name: 'sana-eco', agency: 'سانا', folder: join(folder) })
    ).id;
    const copies = [
      item({ guid: 'eco-1', headline: WHEAT, sentAt: NOW }),
      item({ guid: 'eco-2', headline: `${WHEAT}.`, sentAt: NOW }),
    ];
    expect((await ingestWireItems(deps(), eco, copies, NOW)).duplicates).toBe(2);
    expect((await ingestWireItems(deps(), eco, copies, NOW)).duplicates).toBe(2);
    const page = await editor.get(`/admin/wire/items/${await idOf(WHEAT)}`);
    expect(page.body).toContain(
      `<p class="wire-item__copies">${t('admin.wire.alsoFrom', { sources: '\u2068sana-eco\u2069 (2)' })}</p>`,
    );
    expect(t('admin.wire.alsoFrom', { sources: 'sana-eco (2)' })).toBe('وصل أيضاً من: sana-eco (2)');
  });
});
