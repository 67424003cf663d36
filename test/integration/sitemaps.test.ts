import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { monthRange } from '../../src/services/sitemap-entries.js';
import {
  listSitemapRows,
  type SitemapCursor,
} from '../../src/storage/repositories/sitemap-articles.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import {
  BROWSER,
  emptyDatabase,
  NOW,
  SEED_ID,
  SEED_SLUG,
  testSite,
  type TestSite,
} from '../helpers/site.js';
import { enc, TRICKY, trickySite, type TrickySite } from '../helpers/tricky-article.js';
import { parseXml } from '../helpers/xml.js';

const ORIGIN = 'https://news.example';

describe('sitemaps of a small site', () => {
  let site: TrickySite;
  beforeAll(async () => {
    site = await trickySite();
  });
  afterAll(async () => {
    await site.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });

  it('serves robots.txt pointing to the sitemap index and the news sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(
      [
        'User-agent: *',
        'Disallow: /admin',
        'Disallow: /preview/',
        'Disallow: /search',
        '',
        `Sitemap: ${ORIGIN}/sitemap.xml`,
        `Sitemap: ${ORIGIN}/sitemaps/news.xml`,
        '',
      ].join('\n'),
    );
  });

  it('indexes one sitemap per month that has articles', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const index = parseXml(res.body).sitemapindex;
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(index.sitemap).toEqual([
      { loc: `${ORIGIN}/sitemaps/2020-01.xml`, lastmod: '2020-01-18T09:43:00.000Z' },
      { loc: `${ORIGIN}/sitemaps/2026-11.xml`, lastmod: '2026-11-29T11:00:00.000Z' },
    ]);
  });

  it("lists the month's articles at their percent-encoded canonical URLs", async () => {
    const res = await get('/sitemaps/2026-11.xml');
    expect(res.statusCode).toBe(200);
    const urlset = parseXml(res.body).urlset;
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset.url).toEqual([
      {
        loc: `${ORIGIN}/a/${site.id}/${enc(TRICKY.slug)}`,
        lastmod: '2026-11-29T11:00:00.000Z',
      },
    ]);
    expect(urlset.url[0].loc).toMatch(/^[\x21-\x7e]+$/);
    const seed = parseXml((await get('/sitemaps/2020-01.xml')).body).urlset;
    expect(seed.url).toEqual([
      { loc: `${ORIGIN}/a/${SEED_ID}/${enc(SEED_SLUG)}`, lastmod: '2020-01-18T09:43:00.000Z' },
    ]);
  });

  it.each([
    '/sitemaps/2019-01.xml',
    '/sitemaps/2026-13.xml',
    '/sitemaps/2020-01-2.xml',
    '/sitemaps/x.xml',
    '/sitemaps/2020-01',
  ])('answers %s with 404', async (url) => {
    expect((await get(url)).statusCode).toBe(404);
  });

  it('lists the last 48 hours in the Google News sitemap, in the site time zone', async () => {
    const res = await get('/sitemaps/news.xml');
    expect(res.statusCode).toBe(200);
    const urlset = parseXml(res.body).urlset;
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toEqual([
      {
        loc: `${ORIGIN}/a/${site.id}/${enc(TRICKY.slug)}`,
        'news:news': {
          'news:publication': { 'news:name': 'مداد', 'news:language': 'ar' },
          'news:publication_date': '2026-11-29T14:00:00+03:00',
          'news:title': TRICKY.headline,
        },
      },
    ]);
    // The raw XML escapes the ampersand of the headline.
    expect(res.body).toContain(
      '<news:title>بيان "عاجل" من وزارة الصحة &amp; الهلال الأحمر في حلب</news:title>',
    );
  });

  it('answers a current copy of a sitemap with 304', async () => {
    for (const url of ['/sitemap.xml', '/sitemaps/2026-11.xml', '/sitemaps/news.xml']) {
      const first = await get(url);
      const again = await get(url, { 'if-none-match': String(first.headers.etag) });
      expect(again.statusCode, url).toBe(304);
    }
  });
});

/** Inserts `count` published articles dated `publishedAt` (slugs `<word>-<n>`), in multi-row statements. */
async function insertMany(
  database: Database,
  count: number,
  publishedAt: Date,
  word = 'خبر',
): Promise<void> {
  const at = publishedAt.toISOString();
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
      headline: `خبر رقم ${start + i}`,
      headline_key: `خبر ${start + i}`,
      excerpt: '',
      body_html: '<p>نص</p>',
      section_id: null,
      byline: null,
      status: 'published',
      published_at: at,
      published_local_time: null,
      created_at: at,
      updated_at: at,
      source_url: null,
      slug: `${word}-${start + i}`,
    }));
    await database.db.insertInto('articles').values(rows).execute();
  }
}

describe('sitemaps of a large month', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, { demo: false });
    await insertMany(site.database, 50_001, new Date('2026-10-15T08:00:00.000Z'));
  }, 60_000);
  afterAll(async () => {
    await site.close();
  });

  it('splits a month past 50,000 articles into parts, each URL once', async () => {
    const index = parseXml((await site.app.inject('/sitemap.xml')).body).sitemapindex;
    expect(index.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      `${ORIGIN}/sitemaps/2026-10.xml`,
      `${ORIGIN}/sitemaps/2026-10-2.xml`,
    ]);
    const first = parseXml((await site.app.inject('/sitemaps/2026-10.xml')).body).urlset.url;
    const second = parseXml((await site.app.inject('/sitemaps/2026-10-2.xml')).body).urlset.url;
    expect(first).toHaveLength(50_000);
    expect(second).toHaveLength(1);
    const locs = new Set([...first, ...second].map((u: { loc: string }) => u.loc));
    expect(locs.size).toBe(50_001);
    expect(first[0].loc).toMatch(new RegExp(`^${ORIGIN}/a/\\d+/${enc('خبر-0')}$`));
    expect(second[0].loc).toMatch(new RegExp(`/${enc('خبر-50000')}$`));
  }, 60_000);

  it('keeps the news sitemap to 1,000 articles of the last 48 hours', async () => {
    await insertMany(site.database, 1_200, new Date(NOW.getTime() - 60_000), 'عاجل');
    const urlset = parseXml((await site.app.inject('/sitemaps/news.xml')).body).urlset;
    expect(urlset.url).toHaveLength(1_000);
  }, 60_000);
});

describe('sitemaps of a quiet site', () => {
  it('answers an empty news sitemap when nothing was published in 48 hours', async () => {
    const site = await testSite(); // the demo article only, from 2020
    try {
      const res = await site.app.inject('/sitemaps/news.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(parseXml(res.body).urlset).toEqual({
        '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
        '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      });
    } finally {
      await site.close();
    }
  });

  it('answers an empty sitemap index for a site without articles', async () => {
    const site = await testSite({}, { demo: false });
    try {
      const res = await site.app.inject('/sitemap.xml');
      expect(res.statusCode).toBe(200);
      expect(parseXml(res.body).sitemapindex).toEqual({
        '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      });
    } finally {
      await site.close();
    }
  });
});

describeEachDialect((dialect) => {
  describe('sitemaps filed by the month in the site time zone (Asia/Riyadh, UTC+3)', () => {
    let site: TestSite;
    // [headline, slug, published (UTC), modified (UTC): a note's time]: the month readers see is Riyadh's.
    const ARTICLES = [
      [
        'آخر خبر في آذار بتوقيت الرياض',
        'آخر-آذار',
        '2026-03-31T20:59:00.000Z',
        '2026-03-31T21:10:00.000Z',
      ],
      [
        'أول خبر في نيسان بتوقيت الرياض',
        'أول-نيسان',
        '2026-03-31T21:00:00.000Z',
        '2026-03-31T21:05:00.000Z',
      ],
      [
        'خبر نشر قبل منتصف الليل بتوقيت غرينتش',
        'قبل-منتصف-الليل',
        '2026-03-31T23:30:00.000Z',
        '2026-04-02T08:00:00.000Z',
      ],
    ] as const;
    beforeAll(async () => {
      site = await testSite({ MIDAD_TIMEZONE: 'Asia/Riyadh' }, { demo: false, dialect });
      for (const [headline, slug, published, modified] of ARTICLES) {
        await site.database.db
          .insertInto('articles')
          .values({
            headline,
            headline_key: headline,
            excerpt: '',
            body_html: '<p>نص</p>',
            section_id: null,
            byline: null,
            status: 'published',
            published_at: published,
            published_local_time: null,
            created_at: published,
            // A silent save after the note: it moves no lastmod.
            updated_at: '2026-04-03T00:00:00.000Z',
            modified_at: modified,
            source_url: null,
            slug,
          })
          .execute();
      }
    });
    afterAll(async () => {
      await site.close();
    });
    const locsOf = async (url: string) =>
      parseXml((await site.app.inject(url)).body).urlset.url.map((u: { loc: string }) =>
        decodeURIComponent(u.loc.replace(/^.*\//, '')),
      );

    it('indexes March and April with the last public change of the articles each holds', async () => {
      const index = parseXml((await site.app.inject('/sitemap.xml')).body).sitemapindex;
      expect(index.sitemap).toEqual([
        { loc: `${ORIGIN}/sitemaps/2026-03.xml`, lastmod: '2026-03-31T21:10:00.000Z' },
        { loc: `${ORIGIN}/sitemaps/2026-04.xml`, lastmod: '2026-04-02T08:00:00.000Z' },
      ]);
    });

    it.each([
      ['/sitemaps/2026-03.xml', ['آخر-آذار']],
      ['/sitemaps/2026-04.xml', ['أول-نيسان', 'قبل-منتصف-الليل']],
    ])('lists in %s the articles dated that month in Riyadh', async (url, slugs) => {
      expect(await locsOf(url)).toEqual(slugs);
    });
  });
});

describeEachDialect((dialect) => {
  it('reads a month in batches by publish time then id, each article once', async () => {
    const database = await emptyDatabase(dialect);
    try {
      // Two articles at each of three times, inserted newest first so that id order is not time order.
      for (const day of ['2026-05-20', '2026-05-09', '2026-05-01'])
        await insertMany(database, 2, new Date(`${day}T08:00:00.000Z`), `خبر-${day}`);
      const range = monthRange(2026, 5, 'UTC');
      const all = await listSitemapRows(database.db, range, null, 100);
      const read: string[] = [];
      let after: SitemapCursor | null = null;
      for (;;) {
        const rows: SitemapCursor[] = await listSitemapRows(database.db, range, after, 1);
        if (rows.length === 0) break;
        read.push(...rows.map((r) => r.id));
        after = rows[rows.length - 1]!;
      }
      expect(all.map((r) => r.slug)).toEqual([
        'خبر-2026-05-01-0',
        'خبر-2026-05-01-1',
        'خبر-2026-05-09-0',
        'خبر-2026-05-09-1',
        'خبر-2026-05-20-0',
        'خبر-2026-05-20-1',
      ]);
      expect(read).toEqual(all.map((r) => r.id));
    } finally {
      await database.close();
    }
  });
});
