import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { setBreaking } from '../../src/services/front-page.js';
import { moveArticle } from '../../src/services/move-article.js';
import { createSection, renameSectionTo } from '../../src/services/taxonomy.js';
import { listSections } from '../../src/storage/repositories/sections.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const enc = encodeURIComponent;
const AUTHOR_PAGE = `/author/${enc('كاتب-الأخبار')}`;
const EDITOR_PAGE = `/author/${enc('محرر-الصفحة-الأولى')}`;

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let politics: string;
  let sport: string;
  /** Published in politics, tagged تقنية, by the author. */
  let first: ArticleId;
  /** Published in sport, tagged رياضة, by the editor. */
  let second: ArticleId;
  const deps = () => ({
    database: site.database,
    now: () => NOW,
    onPublicChange: site.app.publicChange,
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ url, headers: { 'user-agent': BROWSER, ...headers } });

  /** Whether each page came from the cache (`HIT`) or was made again (`MISS`). */
  const cacheStates = async (urls: string[]) => {
    const states: Record<string, string> = {};
    for (const url of urls) states[url] = String((await get(url)).headers['x-cache']);
    return states;
  };

  async function publish(over: Parameters<typeof content>[1], authorId: string) {
    const id = await createDraft(deps(), staff.author);
    await saveArticle(deps(), staff.editor, id, content([authorId], over));
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
    await createSection(deps(), staff.administrator, 'سياسة');
    await createSection(deps(), staff.administrator, 'رياضة');
    const sections = await listSections(site.database.db);
    politics = sections.find((s) => s.name === 'سياسة')!.id;
    sport = sections.find((s) => s.name === 'رياضة')!.id;
    first = await publish(
      { headline: 'خبر السياسة الأول', sectionId: politics, tags: ['تقنية'] },
      staff.author.id,
    );
    second = await publish(
      { headline: 'خبر الرياضة الأول', sectionId: sport, tags: ['رياضة'] },
      staff.editor.id,
    );
  });
  afterEach(async () => {
    await site.close();
  });

  const pages = () => ({
    home: '/',
    first: `/a/${first}`,
    second: `/a/${second}`,
    seed: `/a/${SEED_ID}`,
    politics: `/section/${enc('سياسة')}`,
    sport: `/section/${enc('رياضة')}`,
    techTag: `/tag/${enc('تقنية')}`,
    sportTag: `/tag/${enc('رياضة')}`,
    author: AUTHOR_PAGE,
    editor: EDITOR_PAGE,
    siteFeed: '/rss.xml',
    siteJsonFeed: '/feed.json',
    politicsFeed: `/section/${enc('سياسة')}/atom.xml`,
    sportFeed: `/section/${enc('رياضة')}/rss.xml`,
    authorFeed: `${AUTHOR_PAGE}/rss.xml`,
  });

  /** Asks for every page twice, so that each is cached; returns their names by URL. */
  async function warm(): Promise<Record<string, string>> {
    const byUrl = Object.fromEntries(Object.entries(pages()).map(([name, url]) => [url, name]));
    const states = await cacheStates(Object.keys(byUrl));
    expect(Object.values(states).every((s) => s === 'MISS')).toBe(true);
    const again = await cacheStates(Object.keys(byUrl));
    expect(Object.values(again).every((s) => s === 'HIT')).toBe(true);
    return byUrl;
  }

  /** The names of the pages that were made again (or are gone) since `warm`. */
  async function madeAgain(byUrl: Record<string, string>): Promise<string[]> {
    const states = await cacheStates(Object.keys(byUrl));
    return Object.entries(states)
      .filter(([, state]) => state !== 'HIT')
      .map(([url]) => byUrl[url]!)
      .sort();
  }

  describe('page cache invalidation', () => {
    it('a publish evicts the home page, its section, tag and author pages and their feeds, and nothing else', async () => {
      const byUrl = await warm();
      await publish(
        { headline: 'خبر عاجل في السياسة', sectionId: politics, tags: ['تقنية'] },
        staff.author.id,
      );
      expect(await madeAgain(byUrl)).toEqual([
        'author',
        'authorFeed',
        'home',
        'politics',
        'politicsFeed',
        'siteFeed',
        'siteJsonFeed',
        'techTag',
      ]);
    });

    it('an update evicts the pages that show the article, and not the listings it stays out of', async () => {
      const byUrl = await warm();
      await saveArticle(
        deps(),
        staff.editor,
        second,
        content([staff.editor.id], {
          headline: 'خبر الرياضة الأول (محدّث)',
          sectionId: sport,
          tags: ['رياضة'],
        }),
      );
      expect(await madeAgain(byUrl)).toEqual([
        'editor',
        'home',
        'second',
        'siteFeed',
        'siteJsonFeed',
        'sport',
        'sportFeed',
        'sportTag',
      ]);
      expect((await get(pages().sport)).body).toContain('خبر الرياضة الأول (محدّث)');
    });

    it('moving an article to another section evicts both sections', async () => {
      const byUrl = await warm();
      await saveArticle(
        deps(),
        staff.editor,
        second,
        content([staff.editor.id], {
          headline: 'خبر الرياضة الأول',
          sectionId: politics,
          tags: ['رياضة'],
        }),
      );
      const again = await madeAgain(byUrl);
      expect(again).toContain('politics');
      expect(again).toContain('politicsFeed');
      expect(again).toContain('sport');
      expect(again).not.toContain('techTag');
      expect(again).not.toContain('first');
      expect(again).not.toContain('author');
    });

    it('an unpublish evicts its pages, which then answer 404', async () => {
      const byUrl = await warm();
      await moveArticle(deps(), staff.editor, first, 'unpublish');
      expect(await madeAgain(byUrl)).toEqual([
        'author',
        'authorFeed',
        'first',
        'home',
        'politics',
        'politicsFeed',
        'siteFeed',
        'siteJsonFeed',
        'techTag',
      ]);
      expect((await get(pages().first)).statusCode).toBe(404);
      expect((await get(pages().politics)).body).not.toContain('خبر السياسة الأول');
    });

    it('a saved draft evicts nothing', async () => {
      const byUrl = await warm();
      const draft = await createDraft(deps(), staff.author);
      await saveArticle(
        deps(),
        staff.author,
        draft,
        content([staff.author.id], { sectionId: sport }),
      );
      expect(await madeAgain(byUrl)).toEqual([]);
    });

    it('a breaking-news flag evicts every page with the ticker, and only the feeds that list the article', async () => {
      const byUrl = await warm();
      await setBreaking(deps(), staff.editor, first, 60);
      const again = await madeAgain(byUrl);
      expect(again).toEqual(
        Object.keys(pages())
          .filter((name) => name !== 'sportFeed')
          .sort(),
      );
      expect((await get(pages().seed)).body).toContain('خبر السياسة الأول');
    });

    it('renaming a section evicts every page', async () => {
      const byUrl = await warm();
      await renameSectionTo(deps(), staff.administrator, sport, 'الرياضة');
      expect((await madeAgain(byUrl)).length).toBe(Object.keys(pages()).length);
    });
  });

  describe('cached responses', () => {
    it('serve the same page compressed with brotli, gzip, or not at all', async () => {
      const plain = await get(`/a/${SEED_ID}`, { 'accept-encoding': 'identity' });
      const br = await get(`/a/${SEED_ID}`, { 'accept-encoding': 'gzip, deflate, br' });
      const gz = await get(`/a/${SEED_ID}`, { 'accept-encoding': 'gzip' });
      expect([plain.headers['content-encoding'], br.headers['content-encoding']]).toEqual([
        undefined,
        'br',
      ]);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      // An HTML page is another one for a browser saving data (lite-pages.test.ts).
      expect(br.headers.vary).toBe('Accept-Encoding, Save-Data');
      expect(br.headers.etag).toBe(plain.headers.etag);
      // A client that takes only deflate gets the plain page, not one deflated on every request.
      const deflate = await get(`/a/${SEED_ID}`, { 'accept-encoding': 'deflate' });
      expect([deflate.headers['content-encoding'], deflate.headers.vary]).toEqual([
        undefined,
        'Accept-Encoding, Save-Data',
      ]);
      expect(deflate.body).toBe(plain.body);
    });

    it('answer 304 to a matching ETag or a date not older than Last-Modified', async () => {
      const first = await get('/');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
      expect(first.headers['last-modified']).toBe(NOW.toUTCString());
      const byTag = await get('/', { 'if-none-match': etag });
      expect([byTag.statusCode, byTag.body]).toEqual([304, '']);
      const byStrongTag = await get('/', { 'if-none-match': etag.slice(2) });
      expect(byStrongTag.statusCode).toBe(304);
      const byDate = await get('/', { 'if-modified-since': NOW.toUTCString() });
      expect(byDate.statusCode).toBe(304);
      const otherTag = await get('/', { 'if-none-match': 'W/"other"' });
      expect(otherTag.statusCode).toBe(200);
      const older = await get('/', { 'if-modified-since': 'Sun, 29 Nov 2026 11:59:59 GMT' });
      expect(older.statusCode).toBe(200);
    });

    it('tell a CDN how long to keep a page and which keys purge it', async () => {
      const page = await get(`/a/${first}`);
      expect(page.headers['cache-control']).toBe(
        'public, max-age=0, s-maxage=60, stale-while-revalidate=60',
      );
      const keys = String(page.headers['surrogate-key']).split(' ');
      expect(keys).toContain(`a${first}`);
      expect(keys).toContain('breaking');
      expect(String(page.headers['cache-tag']).split(',')).toEqual(keys);
      const section = await get(pages().politics);
      expect(String(section.headers['surrogate-key']).split(' ')).toEqual(
        expect.arrayContaining([`s${politics}`, `a${first}`, 'breaking']),
      );
    });
  });
});

describe('page cache settings', () => {
  it('MIDAD_PAGE_CACHE_MB=0 renders every request', async () => {
    const site = await testSite({ MIDAD_PAGE_CACHE_MB: '0' });
    try {
      const states = [];
      for (let i = 0; i < 2; i++) states.push((await site.app.inject('/')).headers['x-cache']);
      expect(states).toEqual(['MISS', 'MISS']);
    } finally {
      await site.close();
    }
  });

  it('keys a page by its origin, so that a page made for one host is not served to another', async () => {
    const site = await testSite({
      MIDAD_BASE_URL: '',
      MIDAD_ALLOWED_HOSTS: 'news.example,www.news.example',
    });
    try {
      const www = await site.app.inject({ url: '/', headers: { host: 'www.news.example' } });
      expect(www.body).toContain('http://www.news.example/');
      const good = await site.app.inject({ url: '/', headers: { host: 'news.example' } });
      expect(good.headers['x-cache']).toBe('MISS');
      expect(good.body).not.toContain('www.news.example');
    } finally {
      await site.close();
    }
  });
});
