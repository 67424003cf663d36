/**
 * Old addresses on the reader site (issue 15): a request nothing serves
 * gets its stored redirect, whatever the spelling of its Arabic, escapes,
 * trailing slash or tracking parameters; a page that exists is never
 * shadowed; hits are counted; misses are listed until a redirect exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/roles.js';
import { mostMissedPaths, saveMissedPaths } from '../../src/services/missed-paths.js';
import {
  createRedirect,
  redirectsPage,
  saveImportRedirects,
} from '../../src/services/redirects.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff } from '../helpers/newsroom.js';
import { BROWSER, NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const NEWS = '/2021/01/03/خبر-عاجل/';
const NEWS_ENCODED = `/2021/01/03/${encodeURIComponent('خبر-عاجل')}/`;

describeEachDialect((dialect) => {
  let site: TestSite;
  let editor: Actor;
  const deps = () => ({ database: site.database, now: () => NOW });
  const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') =>
    site.app.inject({ method, url, headers: { 'user-agent': BROWSER } });
  const hitsOf = async (fromKey: string) =>
    (await redirectsPage(deps(), editor, { search: fromKey, page: 1 })).redirects.find(
      (r) => r.fromKey === fromKey,
    )?.hits;

  beforeAll(async () => {
    site = await testSite({}, { dialect });
    editor = (await createStaff(site.database, () => NOW)).editor;
    const saved = await site.database.db.transaction().execute((trx) =>
      saveImportRedirects(
        trx,
        [
          { oldPath: NEWS, target: `/a/${SEED_ID}` },
          { oldPath: 'https://old.example/?p=123', target: '/a/123/خبر' },
          { oldPath: '/?page_id=9', target: '/p/من-نحن' },
          { oldPath: '/category/a/b/', target: '/section/b' },
          // An article that exists: the redirect must never shadow it.
          { oldPath: `/a/${SEED_ID}`, target: '/section/b' },
          { oldPath: '/api/v1/old', target: '/' },
          { oldPath: '/admin/old', target: '/' },
          { oldPath: 'not a path', target: '/' },
          { oldPath: '/x/', target: '/x' },
          { oldPath: '/\uD83D/', target: '/y' },
        ],
        NOW,
      ),
    );
    expect(saved).toEqual({
      saved: 7,
      stored: [
        NEWS.slice(0, -1),
        '/?p=123',
        '/?page_id=9',
        '/category/a/b',
        `/a/${SEED_ID}`,
        '/api/v1/old',
        '/admin/old',
      ],
      kept: 0,
      refused: [
        {
          oldPath: 'not a path',
          reason: 'not a path or an http(s) address of at most 2,000 characters',
        },
        {
          oldPath: '/\uD83D/',
          reason: 'it has a broken character (a lone UTF-16 surrogate, half of a character)',
        },
      ],
    });
  });
  afterAll(() => site.close());

  it.each([
    ['raw Arabic', encodeURI(NEWS)],
    ['upper-case escapes', NEWS_ENCODED],
    ['lower-case escapes', NEWS_ENCODED.toLowerCase()],
    ['no trailing slash', NEWS_ENCODED.slice(0, -1)],
    ['a tracking query', `${NEWS_ENCODED}?utm_source=x&fbclid=y`],
  ])('answers the old article address with %s by a 301 to the article', async (_name, url) => {
    const res = await get(url);
    expect([res.statusCode, res.headers.location, res.headers['cache-control']]).toEqual([
      301,
      `/a/${SEED_ID}`,
      'public, max-age=3600',
    ]);
  });

  it('leads an old address to the article by its slug of today in one hop, after an editor changed it', async () => {
    await site.database.db
      .transaction()
      .execute((trx) =>
        saveImportRedirects(trx, [
          { oldPath: '/2021/01/04/عنوان-قديم/', target: `/a/${SEED_ID}/عنوان-قديم` },
        ]),
      );
    const setSlug = (slug: string | null) =>
      site.database.db
        .updateTable('articles')
        .set({ slug })
        .where('id', '=', BigInt(SEED_ID))
        .execute();
    await setSlug('عنوان-اليوم');
    try {
      const today = `/a/${SEED_ID}/${encodeURIComponent('عنوان-اليوم')}`;

      const res = await get(encodeURI('/2021/01/04/عنوان-قديم/'));

      expect([res.statusCode, res.headers.location]).toEqual([301, today]);
      expect((await get(today)).statusCode).toBe(200);
    } finally {
      await setSlug(null);
    }
  });

  it('leads an old address whose slug was cut in the middle of a character, which Fastify cannot read, to its article', async () => {
    const cut = '/2017/01/%d8%ae%d8%a8%d8%b1-%d8%b5%d9%81%d8/';
    await site.database.db
      .transaction()
      .execute((trx) => saveImportRedirects(trx, [{ oldPath: cut, target: `/a/${SEED_ID}` }], NOW));
    const res = await get(cut);
    expect([res.statusCode, res.headers.location]).toEqual([301, `/a/${SEED_ID}`]);
    // Without a redirect, or outside the reader site, such an address is still a 400.
    expect((await get('/2017/01/other-%d8/')).statusCode).toBe(400);
    expect((await get(`/api/content/v1/x${cut}`)).statusCode).toBe(400);
    expect((await get(cut, 'POST')).statusCode).toBe(400);
  });

  it('answers a HEAD too', async () => {
    const res = await get(NEWS_ENCODED, 'HEAD');
    expect([res.statusCode, res.headers.location]).toEqual([301, `/a/${SEED_ID}`]);
  });

  it.each([
    ['/?p=123&utm_source=x', '/a/123/%D8%AE%D8%A8%D8%B1'],
    ['/?utm_source=x&p=123', '/a/123/%D8%AE%D8%A8%D8%B1'],
    ['/?page_id=9', '/p/%D9%85%D9%86-%D9%86%D8%AD%D9%86'],
    ['/category/a/b/', '/section/b'],
    ['/category/a/b', '/section/b'],
  ])('answers %s with a 301 to %s', async (url, location) => {
    const res = await get(url);
    expect([res.statusCode, res.headers.location]).toEqual([301, location]);
  });

  it('never shadows a page that exists, nor answers a redirect for /api, /admin or a POST', async () => {
    expect((await get(`/a/${SEED_ID}`)).statusCode).toBe(200);
    expect((await get('/')).statusCode).toBe(200);
    expect((await get('/?page=1&utm_source=x')).statusCode).toBe(200);
    const api = await get('/api/v1/old');
    expect([api.statusCode, api.headers.location]).toEqual([404, undefined]);
    const admin = await get('/admin/old');
    expect([admin.statusCode, admin.headers.location]).toEqual([404, undefined]);
    const post = await get(NEWS_ENCODED, 'POST');
    expect([post.statusCode, post.headers.location]).toEqual([404, undefined]);
  });

  it('answers an old item query without a redirect with a 404, not the home page', async () => {
    expect((await get('/?p=999')).statusCode).toBe(404);
  });

  it('counts each use of a redirect in memory, and writes the uses of each in one statement when flushed', async () => {
    await site.app.redirectHits.flush();
    const before = await hitsOf('/category/a/b');
    await get('/category/a/b/');
    await get('/category/a/b/?utm_medium=social');
    // Counted in memory, written by the next flush.
    expect(await hitsOf('/category/a/b')).toBe(before);
    await site.app.redirectHits.flush();
    expect(await hitsOf('/category/a/b')).toBe((before ?? 0) + 2);
  });

  it('lists a missed address until a redirect exists for it, then redirects it', async () => {
    const missed = `/2019/05/${encodeURIComponent('قديم')}/`;
    expect((await get(missed)).statusCode).toBe(404);
    expect((await get(encodeURI('/2019/05/قديم'))).statusCode).toBe(404);
    expect((await get('/?p=999')).statusCode).toBe(404);
    expect((await get('/wp-login.php')).statusCode).toBe(404);
    await site.app.missedPaths.flush();
    const listed = await mostMissedPaths(deps(), editor);
    expect(listed).toEqual([
      { path: '/2019/05/قديم', hits: 2, lastDay: '2026-11-29' },
      { path: '/?p=999', hits: 2, lastDay: '2026-11-29' },
    ]);

    await createRedirect(deps(), editor, { from: '/2019/05/قديم', to: '/section/b', status: '' });
    expect(await mostMissedPaths(deps(), editor)).toEqual([
      { path: '/?p=999', hits: 2, lastDay: '2026-11-29' },
    ]);
    const res = await get(missed);
    expect([res.statusCode, res.headers.location]).toEqual([301, '/section/b']);
  });

  it('adds misses of several flushes and forgets the days older than 30', async () => {
    const old = new Date('2026-10-30T23:00:00.000Z');
    await saveMissedPaths(site.database, new Map([['/قديم-جداً', 5]]), old);
    await saveMissedPaths(site.database, new Map([['/أمس', 2]]), new Date('2026-11-28T10:00:00Z'));
    await saveMissedPaths(site.database, new Map([['/أمس', 3]]), NOW);
    const listed = await mostMissedPaths(deps(), editor);
    expect(listed.filter((m) => m.path !== '/?p=999')).toEqual([
      { path: '/أمس', hits: 5, lastDay: '2026-11-29' },
    ]);
    const days = await site.database.db
      .selectFrom('missed_paths')
      .select(['path', 'day', 'hits'])
      .where('path', 'in', ['/قديم-جداً', '/أمس'])
      .orderBy('day')
      .execute();
    expect(days.map((d) => [d.path, d.day, Number(d.hits)])).toEqual([
      ['/أمس', '2026-11-28', 2],
      ['/أمس', '2026-11-29', 3],
    ]);
  });

  it("stores at most the day's share of new addresses, still counting the known ones", async () => {
    const day = new Date('2026-11-20T08:00:00.000Z');
    await saveMissedPaths(
      site.database,
      new Map([
        ['/م1', 1],
        ['/م2', 1],
      ]),
      day,
      3,
    );
    await saveMissedPaths(
      site.database,
      new Map([
        ['/م2', 4],
        ['/م3', 1],
        ['/م4', 1],
        ['/م5', 1],
      ]),
      day,
      3,
    );
    const rows = await site.database.db
      .selectFrom('missed_paths')
      .select(['path', 'hits'])
      .where('day', '=', '2026-11-20')
      .orderBy('path')
      .execute();
    expect(rows.map((r) => [r.path, Number(r.hits)])).toEqual([
      ['/م1', 1],
      ['/م2', 5],
      ['/م3', 1],
    ]);
  });

  it('answers a temporary redirect with its code and keeps it out of caches', async () => {
    await createRedirect(deps(), editor, {
      from: '/مؤقت/',
      to: 'https://other.example/x',
      status: '302',
    });
    const res = await get(encodeURI('/مؤقت'));
    expect([res.statusCode, res.headers.location, res.headers['cache-control']]).toEqual([
      302,
      'https://other.example/x',
      'no-store',
    ]);
  });

  it('keeps a redirect made in the newsroom when the import is run again', async () => {
    await createRedirect(deps(), editor, { from: '/عن-الموقع/', to: '/p/about', status: '301' });
    const again = await site.database.db.transaction().execute((trx) =>
      saveImportRedirects(trx, [
        { oldPath: '/عن-الموقع/', target: '/p/other' },
        { oldPath: '/category/a/b/', target: '/section/new-b' },
      ]),
    );
    expect(again).toEqual({ saved: 1, stored: ['/category/a/b'], kept: 1, refused: [] });
    expect((await get(encodeURI('/عن-الموقع/'))).headers.location).toBe('/p/about');
    expect((await get('/category/a/b/')).headers.location).toBe('/section/new-b');
  });
});

describe('a site without redirects', () => {
  it('answers an unknown address with the 404 page', async () => {
    const site = await testSite({}, { demo: false });
    try {
      const res = await site.app.inject({ url: '/nothing/here/' });
      expect([res.statusCode, res.headers['content-type']]).toEqual([
        404,
        'text/html; charset=utf-8',
      ]);
    } finally {
      await site.close();
    }
  });
});
