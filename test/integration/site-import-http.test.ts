/**
 * Old links after a WordPress and a Ghost import, over HTTP on both
 * engines: every kind of old address answers 301 to the new canonical
 * URL, which serves the article with its image.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/importers/import-files.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { makeImage, MEDIA_LIMITS } from '../helpers/images.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const WXR = 'test/fixtures/wordpress/block-editor-wxr-1.2.xml';
/** A blog that lived in a folder: http://sham.example/blog. */
const FOLDER_WXR = 'test/fixtures/wordpress/classic-wxr-1.0.xml';
const GHOST = 'test/fixtures/ghost/ghost-5-lexical.json';

/** WordPress writes escapes in lower case. */
const wp = (text: string) =>
  encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
const enc = encodeURIComponent;

describeEachDialect((dialect) => {
  let site: TestSite;
  // Made for the whole suite (testFolder's folders live for one test).
  const scratch = mkdtempSync(join(tmpdir(), 'midad-site-import-http-'));

  beforeAll(async () => {
    site = await testSite({}, { demo: false, dialect });
    const uploads = join(scratch, 'uploads');
    mkdirSync(join(uploads, '2024', '03'), { recursive: true });
    writeFileSync(join(uploads, '2024', '03', 'derby.jpg'), await makeImage('jpeg', 1200, 800));
    const mediaDir = join(scratch, 'media');
    const files = [WXR, FOLDER_WXR, GHOST];
    const outcomes = await importFiles({ database: site.database, now: () => NOW }, files, {
      timeZone: 'Asia/Riyadh',
      date: undefined,
      site: {
        postTypes: [],
        viewsMetaKeys: [],
        dryRun: false,
        images: { uploadsDir: uploads, fetch: false },
        media: { ...MEDIA_LIMITS, mediaDir },
      },
    });
    expect(outcomes.map((o) => o.line)).toEqual([
      `${WXR}: 7 created, 0 updated, 0 kept, 0 refused`,
      `${FOLDER_WXR}: 1 created, 0 updated, 0 kept, 0 refused`,
      `${GHOST}: 4 created, 0 updated, 0 kept, 0 refused`,
    ]);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const get = (url: string) => site.app.inject({ method: 'GET', url });
  const section = (slug: string) => `/section/${enc(slug)}`;
  async function redirectOf(url: string): Promise<[number, string | undefined]> {
    const response = await get(url);
    return [response.statusCode, response.headers.location as string | undefined];
  }

  const derbySlug = 'الهلال-يفوز-بالديربي';
  const derby = `/a/101/${enc(derbySlug)}`;

  describe('WordPress', () => {
    it('sends the permalink, in every spelling, to the canonical article', async () => {
      const path = `/2024/03/05/${wp(derbySlug)}/`;
      for (const url of [
        path,
        path.toUpperCase().replace(/^\/2024\/03\/05\//, '/2024/03/05/'),
        path.slice(0, -1),
        `/2024/03/05/${derbySlug}/`,
        `${path}?utm_source=facebook`,
      ]) {
        expect(await redirectOf(url), url).toEqual([301, derby]);
      }
    });

    it('sends ?p= and ?page_id= links, keeping only what names the post', async () => {
      expect(await redirectOf('/?p=101')).toEqual([301, derby]);
      expect(await redirectOf('/?utm_campaign=x&p=101')).toEqual([301, derby]);
      expect(await redirectOf('/?page_id=110')).toEqual([301, `/p/${enc('من-نحن')}`]);
      expect(await redirectOf(`/${wp('من-نحن')}/`)).toEqual([301, `/p/${enc('من-نحن')}`]);
    });

    it('sends categories (nested too), tags, authors and feeds to their new pages', async () => {
      expect(await redirectOf(`/category/${wp('أخبار')}/${wp('رياضة')}/`)).toEqual([
        301,
        `/section/${enc('رياضة')}`,
      ]);
      expect(
        await redirectOf(`/category/${wp('أخبار')}/${wp('رياضة')}/${wp('كرة-القدم')}/`),
      ).toEqual([301, `/section/${enc('كرة-القدم')}`]);
      expect(await redirectOf(`/tag/${wp('الدوري')}/`)).toEqual([301, `/tag/${enc('الدوري')}`]);
      expect(await redirectOf('/author/salma/')).toEqual([301, '/author/salma']);
      expect(await redirectOf('/feed/')).toEqual([301, '/rss.xml']);
      expect(await redirectOf(`/category/${wp('أخبار')}/feed/`)).toEqual([
        301,
        `/section/${enc('أخبار')}/rss.xml`,
      ]);
    });

    it('serves the article at its new address with its views and image', async () => {
      const response = await get(derby);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<h1');
      expect(response.body).toContain('الهلال يفوز بالديربي');
      expect(response.body).toContain('15,230');
      expect(response.body).toMatch(/<img[^>]+src="\/media\/\d+\/w\d+\.webp"/);
    });

    it('leaves a draft’s old link a 404: a draft has no public address', async () => {
      expect((await get('/?p=104')).statusCode).toBe(404);
    });

    it('sends each old feed to the matching feed: Atom to Atom, an author’s to the author’s', async () => {
      const news = `/category/${wp('أخبار')}`;
      for (const [from, to] of <Array<[string, string]>>[
        ['/feed/atom/', '/atom.xml'],
        ['/wp-atom.php', '/atom.xml'],
        ['/rss2/', '/rss.xml'],
        ['/?feed=atom', '/atom.xml'],
        ['/?feed=rss2', '/rss.xml'],
        [`${news}/feed/atom/`, `${section('أخبار')}/atom.xml`],
        [`${news}/?feed=atom`, `${section('أخبار')}/atom.xml`],
        [`/tag/${wp('الدوري')}/feed/`, `/tag/${enc('الدوري')}/rss.xml`],
        ['/author/salma/feed/', '/author/salma/rss.xml'],
        ['/author/salma/feed/atom/', '/author/salma/atom.xml'],
        ['/?author=1', '/author/salma'],
        ['/?author=1&feed=atom', '/author/salma/atom.xml'],
      ]) {
        expect(await redirectOf(from), from).toEqual([301, to]);
      }
    });

    it('answers old WordPress addresses by rule: comments feed, AMP, PATHINFO, paging', async () => {
      const permalink = `/2024/03/05/${wp(derbySlug)}`;
      for (const [from, to] of <Array<[string, string]>>[
        [`${permalink}/feed/`, derby],
        [`${permalink}/feed/atom/`, derby],
        [`${permalink}/amp/`, derby],
        [`${permalink}/?amp=1`, derby],
        ['/?p=101&feed=rss2', derby],
        ['/index.php?p=101', derby],
        [`/index.php${permalink}/`, derby],
        [`/category/${wp('أخبار')}/page/2/`, `${section('أخبار')}?page=2`],
        [`/category/${wp('أخبار')}/${wp('رياضة')}/page/3/`, `${section('رياضة')}?page=3`],
        ['/author/salma/page/2/', '/author/salma?page=2'],
        ['/page/2/', '/?page=2'],
        [`/?tag=${wp('الدوري')}`, `/tag/${enc('الدوري')}`],
        [`/?s=${wp('الهلال يفوز')}`, `/search?q=${enc('الهلال يفوز')}`],
        ['/?s=derby+final', '/search?q=derby%20final'],
        ['/sitemap_index.xml', '/sitemap.xml'],
        ['/post-sitemap.xml', '/sitemap.xml'],
        ['/page-sitemap.xml', '/sitemap.xml'],
        ['/category-sitemap.xml', '/sitemap.xml'],
        ['/wp-sitemap.xml', '/sitemap.xml'],
      ]) {
        expect(await redirectOf(from), from).toEqual([301, to]);
      }
    });

    it('answers by rule only what would be a 404, only to GET and HEAD, only with something underneath', async () => {
      expect((await get('/sitemap.xml')).statusCode).toBe(200);
      expect((await get('/?s=')).statusCode).toBe(200);
      const head = await site.app.inject({ method: 'HEAD', url: '/index.php?p=101' });
      expect([head.statusCode, head.headers.location]).toEqual([301, derby]);
      const post = await site.app.inject({ method: 'POST', url: '/index.php?p=101' });
      expect(post.statusCode).toBe(404);
      for (const url of [
        '/2024/03/05/nothing/feed/',
        '/2024/03/05/nothing/amp/',
        `/2024/03/05/${wp(derbySlug)}/page/2/`,
        '/category/nothing/page/2/',
        '/index.php?p=99999',
        '/category/nothing/feed/',
        '/?author=99',
      ]) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
    });
  });

  describe('WordPress in a folder', () => {
    const amsiya = 'أمسية-شعرية';
    let article = '';
    beforeAll(async () => {
      const row = await site.database.db
        .selectFrom('import_records')
        .select('article_id')
        .where('source', '=', 'wordpress http://sham.example/blog')
        .where('item_key', '=', '12')
        .executeTakeFirstOrThrow();
      article = `/a/${String(row.article_id)}/${enc(amsiya)}`;
    });

    it('answers the old addresses under the folder, and not without it', async () => {
      for (const [from, to] of <Array<[string, string]>>[
        [`/blog/2010/04/20/${wp(amsiya)}/`, article],
        ['/blog/?p=12', article],
        ['/blog/index.php?p=12', article],
        [`/blog/2010/04/20/${wp(amsiya)}/feed/`, article],
        [`/blog/category/${wp('ثقافة')}/`, section('ثقافة')],
        [`/blog/category/${wp('ثقافة')}/${wp('مسرح')}/`, section('مسرح')],
        [`/blog/category/${wp('ثقافة')}/feed/atom/`, `${section('ثقافة')}/atom.xml`],
        [`/blog/category/${wp('ثقافة')}/page/2/`, `${section('ثقافة')}?page=2`],
        [`/blog/tag/${wp('شعر')}/`, `/tag/${enc('شعر')}`],
        [`/blog/?tag=${wp('شعر')}`, `/tag/${enc('شعر')}`],
        ['/blog/author/nizar/', '/author/nizar'],
        ['/blog/author/nizar/feed/', '/author/nizar/rss.xml'],
        ['/blog/feed/', '/rss.xml'],
        ['/blog/feed/atom/', '/atom.xml'],
        ['/blog/?feed=atom', '/atom.xml'],
        ['/blog/?s=x', '/search?q=x'],
        ['/blog/sitemap_index.xml', '/sitemap.xml'],
      ]) {
        expect(await redirectOf(from), from).toEqual([301, to]);
      }
      for (const url of [`/2010/04/20/${wp(amsiya)}/`, `/category/${wp('ثقافة')}/`]) {
        expect((await get(url)).statusCode, url).toBe(404);
      }
    });
  });

  describe('Ghost', () => {
    it('sends post slugs, a primary tag (now a section), authors and the feed to their new pages', async () => {
      const row = await site.database.db
        .selectFrom('import_records')
        .select('article_id')
        .where('source', '=', 'ghost')
        .where('item_key', '=', '655a00000000000000000001')
        .executeTakeFirstOrThrow();
      const id = String(row.article_id);
      expect(await redirectOf(`/${enc('سيول-الوادي')}/`)).toEqual([
        301,
        `/a/${id}/${enc('سيول-الوادي')}`,
      ]);
      // The tag became a section: its old address leads there in one hop, slash or not.
      expect(await redirectOf('/tag/weather/')).toEqual([301, '/section/weather']);
      expect(await redirectOf('/tag/weather')).toEqual([301, '/section/weather']);
      expect(await redirectOf('/tag/weather/rss/')).toEqual([301, '/section/weather/rss.xml']);
      expect(await redirectOf('/author/layla/')).toEqual([301, '/author/layla']);
      expect(await redirectOf('/rss/')).toEqual([301, '/rss.xml']);
    });

    it('sends a section’s and an author’s feeds and old listing pages to theirs', async () => {
      // «weather» is a post's primary tag: a section now, and its old addresses lead there.
      expect(await redirectOf('/tag/weather/rss/')).toEqual([301, '/section/weather/rss.xml']);
      expect(await redirectOf('/author/layla/rss/')).toEqual([301, '/author/layla/rss.xml']);
      expect(await redirectOf('/tag/weather/page/2/')).toEqual([301, '/section/weather?page=2']);
      expect(await redirectOf('/author/layla/page/3/')).toEqual([301, '/author/layla?page=3']);
      expect(await redirectOf('/?tag=weather')).toEqual([301, '/section/weather']);
      expect(await redirectOf('/tag/weather/feed/atom/')).toEqual([
        301,
        '/section/weather/atom.xml',
      ]);
      // `?author=` takes a WordPress user id: a Ghost slug there names nothing.
      expect(await redirectOf('/?author=layla')).toEqual([404, undefined]);
    });
  });
});
