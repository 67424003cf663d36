import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { searchIndexFor } from '../../src/search/index-for.js';
import { SEARCHES_AT_ONCE, searchArticles } from '../../src/services/search-articles.js';
import { BROWSER, NOW, SEED_HEADLINE, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, { dialect });
    await importJsonl(
      { database: site.database, now: () => NOW },
      new URL('../fixtures/search/test-articles.jsonl', import.meta.url).pathname,
      { timeZone: 'Asia/Damascus' },
    );
  });
  afterAll(async () => {
    await site.close();
  });

  const get = (url: string) => site.app.inject({ url, headers: { 'user-agent': BROWSER } });
  const api = async (params: Record<string, string>) =>
    (await get(`/api/search?${new URLSearchParams(params).toString()}`)).json() as {
      total: number;
      results: Array<{
        id: string;
        headline: string;
        publishedAt: string | null;
        snippet: string;
        snippetHtml: string;
      }>;
    };
  const marks = (html: string) => [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);

  describe('highlighting in the original text of the seed', () => {
    it.each([
      ['غدا', 'غداً'],
      ['اي', 'أيّ'],
      ['الالمانيه', 'الألمانية'],
      ['الأسَد', 'الأسد'],
      ['الأســد', 'الأسد'],
      ['والأسد', 'الأسد'],
      ['اﻷسد', 'الأسد'],
    ])('the query %s marks %s', async (q, word) => {
      const { results } = await api({ q });
      expect(results[0]?.id).toBe(SEED_ID);
      expect(marks(results[0]?.snippetHtml ?? '')).toContain(word);
    });

    it('marks only the word after a clitic: اي inside وأيّ', async () => {
      const { results } = await api({ q: 'اي' });
      expect(results[0]?.snippetHtml).toContain('و<mark>أيّ</mark> دولة');
    });
  });

  describe('the search API', () => {
    it('returns results in rank order with id, headline, publishedAt and snippet', async () => {
      const body = await api({ q: 'النقل', limit: '5' });
      expect(body.total).toBe(2);
      expect(body.results.map((r) => r.id)).toEqual(['9100002', '9100014']);
      expect(body.results[0]).toMatchObject({
        headline: 'الحكومة تعلن خطة جديدة للنقل العام',
        publishedAt: '2024-04-01T21:00:00.000Z',
      });
      expect(body.results[0]?.snippet.startsWith('أعلنت الحكومة خطة لتطوير النقل العام')).toBe(
        true,
      );
    });

    it('ranks a headline match above a body-only match, and an exact form above a stem-only one', async () => {
      expect((await api({ q: 'مستشفى' })).results.map((r) => r.id)).toEqual(['9100003']);
      const ranked = (await api({ q: 'الأطفال' })).results.map((r) => r.id);
      expect(ranked[0]).toBe('9100003');
      expect(ranked).toEqual(expect.arrayContaining(['9100012', '9100013', '9100015']));
    });

    it('filters by section and date, and sorts by date', async () => {
      expect(
        (await api({ q: 'الأطفال', section: 'مجتمع' })).results.map((r) => r.id).sort(),
      ).toEqual(['9100003', '9100013', '9100015']);
      const dated = await api({ q: 'الأطفال', from: '2024-05-01', to: '2024-12-31' });
      expect(dated.results.map((r) => r.id).sort()).toEqual(['9100013', '9100015']);
      const byDate = (await api({ q: 'الأطفال', sort: 'date' })).results.map((r) => r.id);
      expect(byDate).toEqual(['9100015', '9100013', '9100012', '9100003']);
    });

    it('pages through results with limit and page', async () => {
      const first = await api({ q: 'الأطفال', sort: 'date', limit: '2' });
      const second = await api({ q: 'الأطفال', sort: 'date', limit: '2', page: '2' });
      expect([first.total, second.total]).toEqual([4, 4]);
      expect([...first.results, ...second.results].map((r) => r.id)).toEqual([
        '9100015',
        '9100013',
        '9100012',
        '9100003',
      ]);
    });

    it.each([
      ['an empty query', ''],
      ['punctuation only', '؟!،...«»'],
      ['FTS syntax', '"* NEAR( : OR AND NOT ^ -'],
      ['a 1,000-character query', 'أ'.repeat(1000)],
      ['an unclosed quote', '"وقف إطلاق'],
      ['a column filter', 'headline_exact:الأسد'],
    ])('answers %s sensibly, never with an error', async (_name, q) => {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const page = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(page.statusCode).toBe(200);
    });

    it('reads FTS words as plain words: a column filter finds the word itself', async () => {
      const { results } = await api({ q: 'headline_exact:الأسد' });
      expect(results).toEqual([]);
      expect((await api({ q: 'NEAR الأسد' })).results).toEqual([]);
      expect((await api({ q: '*الأسد*' })).results.map((r) => r.id)).toEqual([SEED_ID]);
    });
  });

  describe('the search page', () => {
    it('shows the results with marks, the count and the filters, in Arabic', async () => {
      const res = await get(`/search?q=${encodeURIComponent('الأسد')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>نتائج البحث عن «\u2068الأسد\u2069» | مداد</title>');
      expect(res.body).toContain('<p class="search-count" role="status">نتيجة واحدة</p>');
      expect(res.body).toContain(`<a href="/a/${SEED_ID}">${SEED_HEADLINE}</a>`);
      expect(res.body).toContain('<mark>الأسد</mark>');
      expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    });

    it('says the count of results in the dual and the plural', async () => {
      expect((await get(`/search?q=${encodeURIComponent('النقل')}`)).body).toContain(
        '<p class="search-count" role="status">نتيجتان</p>',
      );
    });

    it('explains what to do with an empty query, and says when nothing matched', async () => {
      expect((await get('/search')).body).toContain('اكتب كلمة أو أكثر للبحث.');
      expect((await get(`/search?q=${encodeURIComponent('زلزال')}`)).body).toContain(
        'لا نتائج لـ «<bdi>زلزال</bdi>».',
      );
    });

    it('says a page past the last one is past it, and links the last page', async () => {
      const body = (await get(`/search?q=${encodeURIComponent('النقل')}&page=3`)).body;
      expect(body).toContain(
        'هذه الصفحة بعد آخر صفحات النتائج عن «<bdi>النقل</bdi>». <a href="/search?q=%D8%A7%D9%84%D9%86%D9%82%D9%84">إلى الصفحة الأخيرة</a>',
      );
      expect(body).not.toContain('لا نتائج لـ');
    });

    it('has a search box in the header of every page', async () => {
      const home = (await get('/')).body;
      expect(home).toContain(
        '<form class="site-search" method="get" action="/search" role="search">',
      );
    });

    it('escapes the query everywhere it is shown', async () => {
      const res = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      expect(res.body).not.toContain('<script>alert(1)</script>');
      expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
    });
  });

  describe('searches at once', () => {
    it(`runs at most ${SEARCHES_AT_ONCE} searches at once on a database, and every one in turn`, async () => {
      const index = searchIndexFor(site.database);
      const search = index.search.bind(index);
      let running = 0;
      let most = 0;
      const spy = vi.spyOn(index, 'search').mockImplementation(async (...args) => {
        running += 1;
        most = Math.max(most, running);
        try {
          await new Promise((done) => setTimeout(done, 5));
          return await search(...args);
        } finally {
          running -= 1;
        }
      });
      try {
        const request = { filters: {}, sort: 'relevance', page: 1, limit: 10 } as const;
        const outcomes = await Promise.all(
          Array.from({ length: 12 }, () =>
            searchArticles({ database: site.database }, { ...request, q: 'الأسد' }),
          ),
        );
        expect(most).toBe(SEARCHES_AT_ONCE);
        expect(spy).toHaveBeenCalledTimes(12);
        expect(new Set(outcomes.map((o) => o.results[0]?.id))).toEqual(new Set([SEED_ID]));
      } finally {
        spy.mockRestore();
      }
    });
  });
});
