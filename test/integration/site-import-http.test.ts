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
    const outcomes = await importFiles({ database: site.database, now: () => NOW }, [WXR, GHOST], {
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
      `${GHOST}: 4 created, 0 updated, 0 kept, 0 refused`,
    ]);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const get = (url: string) => site.app.inject({ method: 'GET', url });
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
      // The tag page's route drops the slash first; the tag's old address then leads to its section.
      expect(await redirectOf('/tag/weather/')).toEqual([301, '/tag/weather']);
      expect(await redirectOf('/tag/weather')).toEqual([301, '/section/weather']);
      expect(await redirectOf('/tag/weather/rss/')).toEqual([301, '/section/weather/rss.xml']);
      expect(await redirectOf('/author/layla/')).toEqual([301, '/author/layla']);
      expect(await redirectOf('/rss/')).toEqual([301, '/rss.xml']);
    });
  });
});
