import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { saveImportedArticle } from '../../src/services/save-imported-article.js';
import { BROWSER, NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  const get = (url: string) => site.app.inject({ url, headers: { 'user-agent': BROWSER } });

  /** 40 dated articles, number 1 the oldest, one a day before the test clock; the seed has no date. */
  beforeAll(async () => {
    site = await testSite({}, { dialect });
    for (let n = 1; n <= 40; n++) {
      await saveImportedArticle(
        { database: site.database, now: () => NOW },
        {
          id: String(1000 + n) as ArticleId,
          headline: `الخبر رقم ${n}`,
          paragraphs: [`نص الخبر رقم ${n}.`],
          readAlso: [],
          moreHeadlines: [],
          byline: null,
          sectionName: null,
          publishedAt: new Date(NOW.getTime() - (41 - n) * 86_400_000),
          publishedPrecision: n === 40 ? 'day' : 'minute',
          publishedLocalTime: null,
          views: 0,
          sourceUrl: null,
          slug: null,
        },
      );
    }
  });
  afterAll(async () => {
    await site.close();
  });

  const headlines = (html: string) =>
    [...html.matchAll(/class="article-list__headline">([^<]+)</g)].map((m) => m[1]);

  describe('the latest articles, page by page', () => {
    it('puts the newest article in the lead, twelve under it, and links to older ones', async () => {
      const home = (await get('/')).body;
      expect(home).toContain('<a href="/a/1040">الخبر رقم 40</a>');
      const latest = home.slice(home.indexOf('id="latest-heading"'));
      const listed = [...latest.matchAll(/class="story__headline"><a href="[^"]+">([^<]+)</g)];
      expect(listed.map((m) => m[1])).toEqual(
        Array.from({ length: 12 }, (_, i) => `الخبر رقم ${39 - i}`),
      );
      expect(home).toContain('<a href="/?page=2" rel="next">أخبار أقدم</a>');
    });

    it('continues on page 2 and ends on page 3 with the undated seed article', async () => {
      const two = await get('/?page=2');
      expect(two.statusCode).toBe(200);
      expect(two.body).toContain(
        '<h1 id="latest-page-heading" class="page-title">آخر الأخبار، الصفحة 2</h1>',
      );
      expect(headlines(two.body)).toEqual(
        Array.from({ length: 20 }, (_, i) => `الخبر رقم ${27 - i}`),
      );
      expect(two.body).toContain('<a href="/" rel="prev">أخبار أحدث</a>');

      const three = (await get('/?page=3')).body;
      expect(headlines(three)).toEqual([
        ...Array.from({ length: 7 }, (_, i) => `الخبر رقم ${7 - i}`),
        'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      ]);
      expect(three).not.toContain('rel="next"');
    });

    it.each(['/?page=4', '/?page=0', '/?page=abc', '/?page=-1', '/?page=99999'])(
      'answers %s with the 404 page',
      async (url) => {
        expect((await get(url)).statusCode).toBe(404);
      },
    );
  });

  describe('dates and links', () => {
    it('shows a day-only date without a time, and relative times for recent articles', async () => {
      const home = (await get('/')).body;
      expect(home).toMatch(
        /<time class="story__time" datetime="2026-11-28">28 نوفمبر\/ تشرين الثاني 2026<\/time>/,
      );
      expect(home).toContain('>قبل يومين</time>');
    });

    it('redirects an article link written with Arabic-Indic digits to its canonical form', async () => {
      const res = await get('/a/١٠٠١');
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe('/a/1001');
      expect((await get(`/a/${SEED_ID}`)).statusCode).toBe(200);
    });
  });
});
