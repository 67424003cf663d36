/**
 * The wire desk over HTTP (issue 18, part 3), on both engines: the queue
 * newest first, its Arabic search and filters, «استخدام كمسودة» making
 * one draft (a second use lands on the same one), who may see and use
 * the desk, CSRF, and the sources form saying every problem at once.
 * Items are put in the queue as a poller would, with ingestWireItems.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WireItemInput } from '../../src/domain/wire-item.js';
import type { Staff } from '../helpers/newsroom.js';
import { translator } from '../../src/i18n/format.js';
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
    ...over,
  };
}

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let folder: string;
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
    site = await testSite({}, { dialect, demo: false });
    staff = await createStaff(site.database, () => NOW);
    folder = mkdtempSync(join(tmpdir(), 'midad-wire-desk-'));
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

  it('adds a source through the form, lists it, and switches it off', async () => {
    const admin = await signedIn('administrator');
    await admin.get('/admin/wire/sources');
    const added = await admin.post('/admin/wire/sources', {
      name: 'wam-ar',
      agency: 'وام',
      url: '',
      folder: folder,
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
});
