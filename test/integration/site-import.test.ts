import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWordPressExport } from '../../src/importers/wordpress/read-wordpress-export.js';
import { AppError } from '../../src/lib/errors.js';
import {
  importSite,
  SITE_IMPORT_BATCH,
  THREADED_FROM_POSTS,
} from '../../src/services/site-import/import-site.js';
import { searchArticles } from '../../src/services/search-articles.js';
import type { Database } from '../../src/storage/database.js';
import { insertRedirect } from '../../src/storage/repositories/redirects.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { emptyDatabase, NOW } from '../helpers/site.js';
import { siteExport, sitePost } from '../helpers/site-export.js';
import { HTML_PAGE, MEDIA_LIMITS, makeImage } from '../helpers/images.js';
import { testFolder } from '../helpers/temp-folder.js';

const OPTIONS = { dryRun: false, images: { uploadsDir: null, fetch: false } };

describeEachDialect((dialect) => {
  let database: Database;
  const deps = () => ({
    database,
    now: () => NOW,
    media: { ...MEDIA_LIMITS, mediaDir: testFolder('site-import-media') },
  });
  beforeEach(async () => {
    database = await emptyDatabase(dialect);
  });
  afterEach(async () => {
    await database.close();
  });

  async function article(id: string) {
    return database.db
      .selectFrom('articles')
      .select([
        'id',
        'kind',
        'status',
        'headline',
        'slug',
        'section_id',
        'published_at',
        'scheduled_at',
        'view_count',
        'body_html',
        'excerpt',
        'seo_title',
      ])
      .where('id', '=', BigInt(id))
      .executeTakeFirst();
  }

  describe('importing a site export', () => {
    it('keeps WordPress ids, maps every status, and counts every item', async () => {
      const site = siteExport([
        sitePost({ key: '123', views: 4500, seoTitle: 'عنوان البحث', tagKeys: ['syria'] }),
        sitePost({
          key: '124',
          status: 'scheduled',
          publishedAt: new Date('2030-01-01T08:00:00Z'),
        }),
        sitePost({ key: '125', status: 'draft', publishedAt: null }),
        sitePost({ key: '126', status: 'pending' }),
        sitePost({ key: '127', status: 'private' }),
        sitePost({ key: '7', kind: 'page', slug: 'من-نحن', headline: 'من نحن', sectionKey: null }),
      ]);
      const report = await importSite(deps(), site, OPTIONS);
      expect(report).toMatchObject({
        articles: { published: 1, scheduled: 1, draft: 1, pending: 1, private: 1 },
        pages: 1,
        created: 6,
        updated: 0,
        kept: [],
        refused: [],
        authors: { created: 2, existing: 0 },
        sections: { created: 2, existing: 0 },
        tags: { created: 1, existing: 0 },
        skipped: { attachment: 2 },
        comments: 5,
      });
      expect(await article('123')).toMatchObject({
        kind: 'article',
        status: 'published',
        headline: 'خبر رقم 123',
        slug: 'خبر-123',
        seo_title: 'عنوان البحث',
        excerpt: 'نص الخبر 123.',
      });
      expect(Number((await article('123'))!.view_count)).toBe(4500);
      expect(await article('124')).toMatchObject({ status: 'scheduled', published_at: null });
      expect(new Date((await article('124'))!.scheduled_at!).toISOString()).toBe(
        '2030-01-01T08:00:00.000Z',
      );
      expect((await article('125'))!.status).toBe('draft');
      expect((await article('126'))!.status).toBe('pending');
      expect((await article('127'))!.status).toBe('unpublished');
      expect(await article('7')).toMatchObject({
        kind: 'page',
        status: 'published',
        slug: 'من-نحن',
      });
    });

    it('makes authors inactive accounts that serve as bylines, in order', async () => {
      await importSite(
        deps(),
        siteExport([sitePost({ key: '5', authorKeys: ['sara', 'ahmad'] })]),
        OPTIONS,
      );
      const users = await database.db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'slug', 'status', 'role'])
        .orderBy('id')
        .execute();
      expect(users.map((u) => [u.email, u.display_name, u.slug, u.status, u.role])).toEqual([
        ['ahmad@old.example', 'أحمد الكاتب', 'ahmad', 'deactivated', 'author'],
        ['سارة@imported.invalid', 'سارة', 'سارة', 'deactivated', 'author'],
      ]);
      const bylines = await database.db
        .selectFrom('article_authors')
        .innerJoin('users', 'users.id', 'article_authors.user_id')
        .select(['users.slug', 'article_authors.position'])
        .where('article_id', '=', 5n)
        .orderBy('position')
        .execute();
      expect(bylines.map((b) => b.slug)).toEqual(['سارة', 'ahmad']);
    });

    it('keeps a nested category under its parent', async () => {
      await importSite(deps(), siteExport([sitePost({ key: '5', sectionKey: 'local' })]), OPTIONS);
      const sections = await database.db
        .selectFrom('sections')
        .select(['id', 'slug', 'parent_id', 'description'])
        .orderBy('id')
        .execute();
      expect(sections.map((s) => [s.slug, s.description])).toEqual([
        ['أخبار', 'آخر الأخبار'],
        ['محليات', ''],
      ]);
      expect(String(sections[1]!.parent_id)).toBe(String(sections[0]!.id));
      expect(String((await article('5'))!.section_id)).toBe(String(sections[1]!.id));
    });

    it('gives a new id when the WordPress id belongs to another article', async () => {
      await importSite(deps(), siteExport([sitePost({ key: '9' })]), OPTIONS);
      const other = siteExport(
        [sitePost({ key: '9', headline: 'خبر آخر', sourceUrl: null, oldPaths: ['/other/'] })],
        { source: 'ghost' },
      );
      const report = await importSite(deps(), other, OPTIONS);
      expect(report.created).toBe(1);
      expect((await article('9'))!.headline).toBe('خبر رقم 9');
      const rows = await database.db.selectFrom('articles').select(['id', 'headline']).execute();
      expect(rows.map((r) => r.headline).sort()).toEqual(['خبر آخر', 'خبر رقم 9']);
    });

    it('writes a batch whose posts repeat, share a slug, or mix kept and new ids', async () => {
      await importSite(deps(), siteExport([sitePost({ key: '2', sourceUrl: null })]), OPTIONS);
      const site = siteExport(
        [
          sitePost({ key: '1', views: 10, tagKeys: ['syria'] }),
          // Its WordPress id is taken: a new id, from the sequence, after id 1 was given.
          sitePost({ key: '2', slug: 'خبر-1', sourceUrl: null, oldPaths: ['/two/'] }),
          // Post 1 again, later in the same batch: its last copy wins, stored once.
          sitePost({ key: '1', views: 30, headline: 'النسخة الأخيرة', tagKeys: ['syria'] }),
        ],
        { source: 'ghost' },
      );
      const report = await importSite(deps(), site, OPTIONS);
      expect([report.created, report.updated, report.refused]).toEqual([2, 1, []]);
      const rows = await database.db
        .selectFrom('articles')
        .select(['id', 'headline', 'slug', 'view_count'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [Number(r.id), r.headline, r.slug, Number(r.view_count)])).toEqual([
        [1, 'النسخة الأخيرة', 'خبر-1', 30],
        [2, 'خبر رقم 2', 'خبر-2', 0],
        [3, 'خبر رقم 2', 'خبر-1-2', 0],
      ]);
      const tags = await database.db
        .selectFrom('article_tags')
        .select('article_id')
        .where('article_id', '=', 1n)
        .execute();
      expect(tags).toHaveLength(1);
      const records = await database.db
        .selectFrom('import_records')
        .select(['item_key', 'article_id'])
        .where('source', 'like', 'ghost%')
        .orderBy('item_key')
        .execute();
      expect(records.map((r) => [r.item_key, Number(r.article_id)])).toEqual([
        ['1', 1],
        ['2', 3],
      ]);
    });

    // Real headlines of the seed's page; WordPress names a post saved without a title `<id>`.
    it.each([
      [
        'its own slug',
        'وقف-النار-في-إدلب',
        'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
        'وقف-النار-في-إدلب',
      ],
      [
        'no slug',
        '',
        'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
        'توافق-أمريكي-تركي-بخصوص-وقف-إطلاق-النار-في-إدلب',
      ],
      [
        'a bare number',
        '4821',
        'واشنطن تؤكد استعدادها لدعم تركيا فيما يخص إدلب',
        'واشنطن-تؤكد-استعدادها-لدعم-تركيا-فيما-يخص-إدلب',
      ],
      [
        'an escape cut mid-character',
        'idlib-%d8',
        'واشنطن تؤكد استعدادها لدعم تركيا فيما يخص إدلب',
        'واشنطن-تؤكد-استعدادها-لدعم-تركيا-فيما-يخص-إدلب',
      ],
    ])('gives a post with %s (%j, «%s») the slug %s', async (_, slug, headline, expected) => {
      await importSite(deps(), siteExport([sitePost({ key: '40', slug, headline })]), OPTIONS);
      expect((await article('40'))?.slug).toBe(expected);
    });

    it('makes post 101 of another site a new article, never an update of this one', async () => {
      await importSite(deps(), siteExport([sitePost({ key: '101' })]), OPTIONS);
      const other = siteExport(
        [sitePost({ key: '101', headline: 'خبر موقع آخر', sourceUrl: 'https://other.example/x/' })],
        { siteUrl: 'https://other.example' },
      );
      const report = await importSite(deps(), other, OPTIONS);
      expect([report.created, report.updated]).toEqual([1, 0]);
      expect((await article('101'))!.headline).toBe('خبر رقم 101');
    });

    it('imports again without duplicating, never lowers views, and keeps an article edited since', async () => {
      const first = [sitePost({ key: '1', views: 100 }), sitePost({ key: '2', views: 50 })];
      await importSite(deps(), siteExport(first), OPTIONS);
      // The newsroom edits article 2 after the import.
      await database.db
        .updateTable('articles')
        .set({ headline: 'عنوان عدّله المحرر', updated_at: '2026-12-01T09:00:00.000Z' })
        .where('id', '=', 2n)
        .execute();
      const again = [
        sitePost({ key: '1', views: 20, headline: 'عنوان جديد' }),
        sitePost({ key: '2', views: 90, headline: 'عنوان من الموقع القديم' }),
      ];
      const report = await importSite(deps(), siteExport(again), OPTIONS);
      expect(report.created).toBe(0);
      expect(report.updated).toBe(1);
      expect(report.kept).toEqual([
        {
          key: '2',
          headline: 'عنوان من الموقع القديم',
          reason: 'edited in the newsroom since it was imported; article 2 was kept as it is',
        },
      ]);
      expect(await article('1')).toMatchObject({ headline: 'عنوان جديد' });
      expect(Number((await article('1'))!.view_count)).toBe(100);
      expect((await article('2'))!.headline).toBe('عنوان عدّله المحرر');
      const count = await database.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(2);
    });

    it('rewrites links between articles to the new addresses', async () => {
      const site = siteExport([
        sitePost({
          key: '1',
          bodyHtml:
            '<p>اقرأ <a href="https://old.example/?p=2">الخبر الثاني</a> و<a href="https://www.old.example/2021/01/03/%d8%ae%d8%a8%d8%b1-2">بلا شرطة</a> و<a href="https://other.example/x">موقع آخر</a>.</p>',
        }),
        sitePost({ key: '2' }),
      ]);
      await importSite(deps(), site, OPTIONS);
      expect((await article('1'))!.body_html).toBe(
        '<p>اقرأ <a href="/a/2">الخبر الثاني</a> و<a href="/a/2">بلا شرطة</a> و<a href="https://other.example/x">موقع آخر</a>.</p>',
      );
    });

    it('rewrites links to posts of an earlier export file by their redirects, keeping fragments', async () => {
      const first = siteExport([sitePost({ key: '200' }), sitePost({ key: '201' })]);
      await importSite(deps(), first, OPTIONS);
      // A redirect made in the newsroom to another site is never a link's target.
      await insertRedirect(
        database.db,
        {
          fromKey: '/moved',
          fromPath: '/moved/',
          toPath: 'https://elsewhere.example/x',
          status: 301,
        },
        'newsroom',
        NOW,
      );
      const permalink200 = '/2021/01/03/%d8%ae%d8%a8%d8%b1-200/';
      const second = siteExport([
        sitePost({
          key: '230',
          bodyHtml: [
            '<p><a href="https://www.old.example/?p=201">أ</a>',
            `<a href="http://old.example${permalink200}">ب</a>`,
            '<a href="/?p=200">ج</a>',
            '<a href="https://old.example/?p=201#section-2">د</a>',
            '<a href="https://old.example/category/news/">هـ</a>',
            '<a href="/?p=999">و</a>',
            '<a href="/moved/">ز</a></p>',
          ].join(' '),
        }),
      ]);
      await importSite(deps(), second, OPTIONS);
      const to200 = '/a/200/%D8%AE%D8%A8%D8%B1-200';
      const to201 = '/a/201/%D8%AE%D8%A8%D8%B1-201';
      expect((await article('230'))!.body_html).toBe(
        [
          `<p><a href="${to201}">أ</a>`,
          `<a href="${to200}">ب</a>`,
          `<a href="${to200}">ج</a>`,
          `<a href="${to201}#section-2">د</a>`,
          '<a href="/section/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1">هـ</a>',
          '<a href="/?p=999">و</a>',
          '<a href="/moved/">ز</a></p>',
        ].join(' '),
      );
    });

    it('sanitises bodies as the editor does', async () => {
      const site = siteExport([
        sitePost({
          key: '1',
          bodyHtml:
            '<p onclick="steal()">نص<script>alert(1)</script> <a href="javascript:alert(2)">رابط</a></p><img src=x onerror=alert(3)>',
        }),
      ]);
      await importSite(deps(), site, OPTIONS);
      expect((await article('1'))!.body_html).toBe('<p>نص <a>رابط</a></p>');
    });

    it('lists the published posts with an image lacking alt text, in the body or featured', async () => {
      const uploads = testFolder('site-import-alt');
      await mkdir(join(uploads, '2021/01'), { recursive: true });
      await writeFile(join(uploads, '2021/01/a.jpg'), await makeImage('jpeg', 64, 48));
      const withAlt = '<p>نص</p><p><img src="/wp-content/uploads/2021/01/a.jpg" alt="السوق"></p>';
      const withoutAlt = '<p>نص</p><p><img src="/wp-content/uploads/2021/01/a.jpg"></p>';
      const featured = (alt: string) => ({
        url: '/wp-content/uploads/2021/01/a.jpg',
        alt,
        caption: '',
      });
      const site = siteExport([
        sitePost({ key: '1', bodyHtml: withoutAlt }),
        sitePost({ key: '2', bodyHtml: withAlt, featuredImage: featured('') }),
        sitePost({ key: '3', bodyHtml: withAlt, featuredImage: featured('السوق') }),
        sitePost({ key: '4', bodyHtml: withoutAlt, status: 'draft', publishedAt: null }),
        sitePost({ key: '5', bodyHtml: '<p>نص فقط</p>' }),
      ]);

      const report = await importSite(deps(), site, {
        dryRun: false,
        images: { uploadsDir: uploads, fetch: false },
      });

      expect(report.missingAlt).toEqual({
        count: 2,
        posts: [
          { key: '1', headline: 'خبر رقم 1' },
          { key: '2', headline: 'خبر رقم 2' },
        ],
      });
      expect((await article('1'))!.status).toBe('published');
    });

    it('counts in a dry run the images the import brings in: a page named .jpg is missing in both', async () => {
      const uploads = testFolder('site-import-uploads');
      await mkdir(join(uploads, '2021/01'), { recursive: true });
      await writeFile(join(uploads, '2021/01/a.jpg'), await makeImage('jpeg', 64, 48));
      await writeFile(join(uploads, '2021/01/page.jpg'), HTML_PAGE);
      const site = () =>
        siteExport([
          sitePost({
            key: '1',
            bodyHtml:
              '<p>نص</p><p><img src="https://old.example/wp-content/uploads/2021/01/a.jpg"></p>' +
              '<p><img src="/wp-content/uploads/2021/01/page.jpg"></p>',
            featuredImage: { url: '/wp-content/uploads/2021/01/a.jpg', alt: '', caption: '' },
          }),
        ]);
      const images = { uploadsDir: uploads, fetch: false };

      const dryRun = await importSite(deps(), site(), { dryRun: true, images });
      expect(await database.db.selectFrom('media').selectAll().execute()).toEqual([]);
      const real = await importSite(deps(), site(), { dryRun: false, images });

      expect(real.images).toEqual({
        imported: 2,
        missing: 1,
        missingUrls: ['/wp-content/uploads/2021/01/page.jpg: not an image (text/html)'],
      });
      expect(dryRun.images).toEqual(real.images);
      expect((await database.db.selectFrom('media').select('id').execute()).length).toBe(1);
    });

    it('counts each attachment of a [gallery] the export lacks as a missing image', async () => {
      const file = join(testFolder('site-import-gallery'), 'export.xml');
      const fixture = await readFile('test/fixtures/wordpress/classic-wxr-1.0.xml', 'utf8');
      await writeFile(
        file,
        fixture.replace(
          'وحضرها جمهور كبير.]]>',
          'وحضرها جمهور كبير.\n\n[gallery ids="9001,9002"]]]>',
        ),
      );
      const site = await readWordPressExport(file, {
        timeZone: 'Asia/Damascus',
        postTypes: [],
        viewsMetaKeys: [],
      });

      const report = await importSite(deps(), site, OPTIONS);

      expect(report.images).toEqual({
        imported: 0,
        missing: 4,
        missingUrls: [
          'http://sham.example/blog/wp-content/uploads/2010/04/amsiya-300x200.jpg: neither an uploads folder nor fetching was asked for',
          // The post's featured image.
          'http://sham.example/blog/wp-content/uploads/2010/04/amsiya.jpg: neither an uploads folder nor fetching was asked for',
          'attachment 9001 (post 12): not in the export',
          'attachment 9002 (post 12): not in the export',
        ],
      });
    });

    it('publishes a post with an empty body and lists it in the report', async () => {
      const site = siteExport([
        sitePost({ key: '1', bodyHtml: '' }),
        sitePost({ key: '2', bodyHtml: '<p> </p>\n<p><br></p>' }),
        sitePost({ key: '3', bodyHtml: '<p>نص</p>' }),
        sitePost({ key: '4', bodyHtml: '', status: 'draft', publishedAt: null }),
      ]);

      const report = await importSite(deps(), site, OPTIONS);

      expect(report.emptyBodies).toEqual([
        { key: '1', headline: 'خبر رقم 1' },
        { key: '2', headline: 'خبر رقم 2' },
      ]);
      expect([(await article('1'))!.status, (await article('2'))!.status]).toEqual([
        'published',
        'published',
      ]);
    });

    it('refuses an old address with a lone surrogate as a redirect, saying why in the report', async () => {
      const site = siteExport([sitePost({ key: '1', oldPaths: ['/x\uD800/', '/?p=1'] })]);

      const report = await importSite(deps(), site, OPTIONS);

      expect(report.notes).toEqual([
        'Old address not redirected: /x\uD800/: it has a broken character (a lone UTF-16 surrogate, half of a character).',
      ]);
      const keys = await database.db.selectFrom('redirects').select('from_key').execute();
      expect(keys.map((r) => r.from_key).includes('/?p=1')).toBe(true);
      expect(report.redirects).toBe(keys.length);
    });

    it('prepares the bodies of a large export on worker threads, with the same outcome, refusals in order', async () => {
      const posts = Array.from({ length: THREADED_FROM_POSTS + 1 }, (_, i) =>
        sitePost({
          key: String(i + 1),
          headline: i === 10 ? '' : `خبر رقم ${i + 1}`,
          bodyHtml: `<p onclick="x()">نص الخبر ${i + 1} عن مهرجان قرطاج.<script>alert(1)</script></p><p>فقرة ثانية.</p>`,
        }),
      );
      // Deep only once parsed as a browser does (each </span> closes the <div>): refused in the thread.
      posts[4] = { ...posts[4]!, bodyHtml: '<span><div></span>'.repeat(20) };
      // Too deep for the tokenizer: refused on the calling thread before any thread sees it.
      posts[2] = { ...posts[2]!, bodyHtml: '<ul><li>'.repeat(20_000) };

      const report = await importSite(deps(), siteExport(posts), OPTIONS);

      expect([report.created, report.refused.map((r) => [r.key, r.reason])]).toEqual([
        THREADED_FROM_POSTS - 1,
        [
          ['3', 'The article body is nested too deeply: at most 32 elements inside one another.'],
          ['5', 'The article body is nested too deeply: at most 32 elements inside one another.'],
        ],
      ]);
      expect(await article('150')).toMatchObject({
        headline: 'خبر رقم 150',
        body_html: '<p>نص الخبر 150 عن مهرجان قرطاج.</p><p>فقرة ثانية.</p>',
        excerpt: 'نص الخبر 150 عن مهرجان قرطاج.',
      });
      // A post without a headline takes its body's first words, read in the thread.
      expect((await article('11'))!.headline).toBe('نص الخبر 11 عن مهرجان قرطاج. فقرة ثانية.');
      const found = await searchArticles(
        { database },
        { q: 'مهرجان قرطاج', filters: {}, sort: 'relevance', page: 1, limit: 10 },
      );
      expect(found.total).toBe(THREADED_FROM_POSTS - 1);
    });

    it('keeps the first 20 tags of a post with 25 and says so in the report', async () => {
      const tags = Array.from({ length: 25 }, (_, i) => ({
        key: `t${i}`,
        name: `وسم ${i}`,
        slug: `t${i}`,
        description: '',
        oldPaths: [`/tag/t${i}/`],
      }));
      const report = await importSite(
        deps(),
        siteExport([sitePost({ key: '1', tagKeys: tags.map((t) => t.key) })], { tags }),
        OPTIONS,
      );
      expect(report.notes).toEqual([
        'Post 1 has 25 tags: the first 20 are kept (an article carries 20 at most), the other 5 are not on it.',
      ]);
      const kept = await database.db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select('tags.slug')
        .where('tags.slug', 'like', 't%')
        .orderBy('article_tags.position')
        .execute();
      expect(kept.map((t) => t.slug)).toEqual(tags.slice(0, 20).map((t) => t.slug));
    });

    it('imports two posts with the same address as two articles, says so, and does it again unchanged', async () => {
      const link = 'https://old.example/2021/01/03/%d8%ae%d8%a8%d8%b1/';
      const site = () =>
        siteExport([
          sitePost({ key: '1', headline: 'الخبر الأول', sourceUrl: link }),
          sitePost({ key: '2', headline: 'الخبر الثاني', sourceUrl: link }),
        ]);

      const first = await importSite(deps(), site(), OPTIONS);
      const again = await importSite(deps(), site(), OPTIONS);

      const note = `Post 2 has the same address as an earlier post (${link}): it is imported as an article of its own, and that old address leads to the last of them.`;
      expect([first.created, first.refused, first.notes]).toEqual([2, [], [note]]);
      expect([again.created, again.updated, again.refused, again.notes]).toEqual([
        0,
        2,
        [],
        [note],
      ]);
      const rows = await database.db
        .selectFrom('articles')
        .select(['id', 'headline', 'source_url'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [String(r.id), r.headline, r.source_url])).toEqual([
        ['1', 'الخبر الأول', link],
        ['2', 'الخبر الثاني', null],
      ]);
    });

    it('writes every batch read before the reader fails, then says why', async () => {
      const posts = Array.from({ length: 2 * SITE_IMPORT_BATCH + 50 }, (_, i) =>
        sitePost({ key: String(i + 1) }),
      );
      const changed = new AppError('IMPORT_FILE_CHANGED', 'The export changed while it was read.');
      const site = siteExport(posts, {
        async *posts() {
          yield* posts;
          throw changed;
        },
      });

      await expect(importSite(deps(), site, OPTIONS)).rejects.toBe(changed);

      // Two whole batches are written; the 50 posts of the batch being gathered are not.
      const { n } = await database.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(2 * SITE_IMPORT_BATCH);
    });

    it('writes nothing in a dry run, and reports what it would do', async () => {
      const report = await importSite(
        deps(),
        siteExport([sitePost({ key: '1' }), sitePost({ key: '2', status: 'draft' })]),
        { dryRun: true, images: { uploadsDir: null, fetch: false } },
      );
      expect(report).toMatchObject({ dryRun: true, created: 2, authors: { created: 2 } });
      for (const table of ['articles', 'users', 'sections', 'tags', 'import_records'] as const) {
        const rows = await database.db.selectFrom(table).selectAll().execute();
        expect(rows, table).toEqual([]);
      }
    });
  });
});
