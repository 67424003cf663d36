/**
 * Page-cache hits answered before the router (cache/fast-path.ts), over real
 * HTTP: app.inject() goes around the server, so the site listens. The fast
 * path has no database code of its own: SQLite only.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { send, type ReaderRequest, type ReaderResponse } from '../helpers/raw-http.js';
import { NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const ARTICLE = `/a/${SEED_ID}`;
/** Allowed hosts; the proxy at 127.0.0.2 is believed, nobody else. */
const ENV = {
  MIDAD_BASE_URL: '',
  MIDAD_ALLOWED_HOSTS: 'news.example,www.news.example',
  MIDAD_TRUST_PROXY: '127.0.0.2',
};

describe('page-cache hits before the router', () => {
  let site: TestSite;
  let port: number;
  let staff: Staff;

  beforeAll(async () => {
    site = await testSite(ENV);
    staff = await createStaff(site.database, () => NOW);
    port = Number(new URL(await site.app.listen({ host: '127.0.0.1', port: 0 })).port);
  });
  afterAll(() => site.close());

  /** Sends `req` with Host news.example and gzip; resolves to the answer and whether the fast path gave it. */
  async function fetch(
    req: ReaderRequest,
  ): Promise<{ res: ReaderResponse; raw: Buffer; fast: boolean }> {
    const before = site.app.fastPath.served;
    const res = await send(port, {
      ...req,
      headers: { host: 'news.example', 'accept-encoding': 'gzip', ...req.headers },
    });
    return { res, raw: res.bytes, fast: site.app.fastPath.served === before + 1 };
  }

  /** Headers but the ones that change with each response. */
  const stable = (res: ReaderResponse) => {
    const { date: _date, ...rest } = res.headers;
    return rest;
  };

  it('answers the second request from the fast path, with the bytes and headers the router sends', async () => {
    const first = await fetch({ path: ARTICLE });
    expect([first.res.status, first.res.headers['x-cache'], first.fast]).toEqual([
      200,
      'MISS',
      false,
    ]);
    const fast = await fetch({ path: ARTICLE });
    expect([fast.res.status, fast.res.headers['x-cache'], fast.fast]).toEqual([200, 'HIT', true]);
    // Another signature for the same page (an X-Forwarded-Host from a client that is not the
    // proxy, so not believed): a hit answered by the router.
    const routed = await fetch({
      path: ARTICLE,
      headers: { 'x-forwarded-host': 'www.news.example' },
    });
    expect([routed.res.headers['x-cache'], routed.fast]).toEqual(['HIT', false]);
    expect(stable(fast.res)).toEqual(stable(routed.res));
    expect(fast.res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(fast.res.headers['x-content-type-options']).toBe('nosniff');
    expect(fast.res.headers['content-encoding']).toBe('gzip');
    expect(fast.res.headers['vary']).toBe('Accept-Encoding, Save-Data');
    expect(fast.res.headers['surrogate-key']).toBe(first.res.headers['surrogate-key']);
    expect(fast.res.headers['content-length']).toBe(String(fast.raw.length));
    expect(fast.raw.equals(routed.raw)).toBe(true);
    expect(gunzipSync(fast.raw).toString()).toBe(gunzipSync(first.raw).toString());
  });

  it('never answers a browser saving data with the full page, nor another browser with the lite one', async () => {
    const full = await fetch({ path: ARTICLE });
    expect([full.res.headers['x-cache'], full.fast]).toEqual(['HIT', true]);
    const first = await fetch({ path: ARTICLE, headers: { 'save-data': 'on' } });
    const second = await fetch({ path: ARTICLE, headers: { 'save-data': 'on' } });
    expect([first.res.headers['x-cache'], first.fast]).toEqual(['MISS', false]);
    expect([second.res.headers['x-cache'], second.fast]).toEqual(['HIT', true]);
    const lite = gunzipSync(second.raw).toString();
    expect(lite).toContain('<p>تصلك النسخة الخفيفة لأن متصفحك يطلب توفير البيانات.</p>');
    expect(gunzipSync(first.raw).toString()).toBe(lite);
    const fullAgain = await fetch({ path: ARTICLE });
    expect(fullAgain.fast).toBe(true);
    expect(gunzipSync(fullAgain.raw).equals(gunzipSync(full.raw))).toBe(true);
    expect(gunzipSync(full.raw).toString()).not.toContain('<p>تصلك النسخة الخفيفة');
  });

  it('sends a lite page’s own Content-Security-Policy, alone, as the router does', async () => {
    const saveData = { 'save-data': 'on' };
    for (const req of [
      { path: `/lite/a/${SEED_ID}` },
      { path: ARTICLE, headers: saveData },
      { path: '/', headers: saveData },
    ]) {
      await fetch(req);
      const fast = await fetch(req);
      // The same page through the router (an X-Forwarded-Host that is not believed).
      const routed = await fetch({
        ...req,
        headers: { ...req.headers, 'x-forwarded-host': 'www.news.example' },
      });
      expect([req.path, fast.fast, routed.fast]).toEqual([req.path, true, false]);
      expect(stable(fast.res)).toEqual(stable(routed.res));
      expect(fast.res.headers['content-security-policy']).toMatch(
        /^default-src 'none';style-src 'sha256-[A-Za-z0-9+/]+={0,2}';img-src 'self';base-uri 'none';form-action 'none';frame-ancestors 'self'$/,
      );
    }
    const full = await fetch({ path: ARTICLE });
    expect(full.fast).toBe(true);
    expect(full.res.headers['content-security-policy']).toContain(
      "default-src 'self';script-src 'self' 'sha256-",
    );
  });

  it('answers HEAD with the headers of GET and no body, remembered once for both', async () => {
    const get = await fetch({ path: ARTICLE });
    const fast = await fetch({ method: 'HEAD', path: ARTICLE });
    // Another signature (an X-Forwarded-Proto not believed): through the router.
    const routed = await fetch({
      method: 'HEAD',
      path: ARTICLE,
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect([routed.fast, fast.fast, fast.res.status, fast.raw.length]).toEqual([
      false,
      true,
      200,
      0,
    ]);
    expect(stable(fast.res)).toEqual(stable(get.res));
    expect(stable(fast.res)).toEqual(stable(routed.res));
    // Plain: the length of the page unzipped.
    const plain = gunzipSync(get.raw);
    const head = await fetch({
      method: 'HEAD',
      path: ARTICLE,
      headers: { 'accept-encoding': 'identity' },
    });
    expect([
      head.fast,
      head.res.headers['content-length'],
      head.res.headers['content-encoding'],
    ]).toEqual([true, String(plain.length), undefined]);
    const routedPlain = await fetch({
      method: 'HEAD',
      path: ARTICLE,
      // Another signature again, so that this one too goes through the router.
      headers: { 'accept-encoding': 'identity', 'x-forwarded-proto': 'http, http' },
    });
    expect([
      routedPlain.fast,
      routedPlain.raw.length,
      routedPlain.res.headers['content-length'],
      routedPlain.res.headers['content-encoding'],
    ]).toEqual([false, 0, String(plain.length), undefined]);
  });

  it('answers 304 to If-None-Match, or to If-Modified-Since when no tag is sent', async () => {
    const page = await fetch({ path: ARTICLE });
    const etag = String(page.res.headers['etag']);
    const lastModified = String(page.res.headers['last-modified']);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    // Later than the server's clock (NOW), or not an HTTP-date: ignored (RFC 9110 §13.1.3).
    const future = new Date(NOW.getTime() + 1000).toUTCString();
    const answers = [];
    const conditions: Record<string, string>[] = [
      { 'if-none-match': etag },
      { 'if-none-match': `"other", ${etag.slice(2)}` },
      { 'if-modified-since': lastModified },
      { 'if-modified-since': earlier },
      { 'if-modified-since': future },
      { 'if-modified-since': '2099-01-01' },
      { 'if-modified-since': `${lastModified}, ${lastModified}` },
      { 'if-none-match': 'W/"other"', 'if-modified-since': lastModified },
    ];
    for (const headers of conditions) {
      const { res, raw, fast } = await fetch({ path: ARTICLE, headers });
      answers.push([res.status, raw.length > 0, fast]);
    }
    expect(answers).toEqual([
      [304, false, true],
      [304, false, true],
      [304, false, true],
      [200, true, true],
      [200, true, true],
      [200, true, true],
      [200, true, true],
      [200, true, true],
    ]);
    const fast304 = await fetch({ path: ARTICLE, headers: { 'if-none-match': etag } });
    const routed304 = await fetch({
      path: ARTICLE,
      headers: { 'if-none-match': etag, 'x-forwarded-proto': 'https' },
    });
    expect([fast304.fast, routed304.fast, routed304.res.status]).toEqual([true, false, 304]);
    expect(stable(fast304.res)).toEqual(stable(routed304.res));
    expect(fast304.res.headers['content-length']).toBeUndefined();
    expect(fast304.res.headers['etag']).toBe(etag);
  });

  it('sends brotli, gzip or the plain page as the reader accepts', async () => {
    const plain = gunzipSync((await fetch({ path: ARTICLE })).raw).toString();
    const answers: Record<string, unknown> = {};
    for (const accept of ['br', 'gzip', 'identity', 'gzip;q=0, br;q=0']) {
      const { res, raw, fast } = await fetch({
        path: ARTICLE,
        headers: { 'accept-encoding': accept },
      });
      const encoding = res.headers['content-encoding'];
      const body =
        encoding === 'br'
          ? brotliDecompressSync(raw)
          : encoding === 'gzip'
            ? gunzipSync(raw)
            : Buffer.from(res.body);
      answers[accept] = [res.status, encoding ?? null, body.toString() === plain, fast];
      expect(res.headers['content-length']).toBe(String(raw.length));
    }
    expect(answers).toEqual({
      br: [200, 'br', true, true],
      gzip: [200, 'gzip', true, true],
      identity: [200, null, true, true],
      'gzip;q=0, br;q=0': [200, null, true, true],
    });
  });

  it('makes a page again after an edit purges it', async () => {
    const deps = { database: site.database, now: () => NOW, onPublicChange: site.app.publicChange };
    const id = await createDraft(deps, staff.author);
    await saveArticle(deps, staff.editor, id, content([staff.author.id], { headline: 'قبل' }));
    await moveArticle(deps, staff.editor, id, 'publish');
    const path = `/a/${id}`;
    await fetch({ path });
    const before = await fetch({ path });
    expect(before.fast).toBe(true);
    await saveArticle(deps, staff.editor, id, content([staff.author.id], { headline: 'بعد' }));
    // Made again in the same second (the site's clock is pinned): a copy from before is not current.
    const since = String(before.res.headers['last-modified']);
    const after = await fetch({ path, headers: { 'if-modified-since': since } });
    expect([after.res.status, after.res.headers['x-cache'], after.fast]).toEqual([
      200,
      'MISS',
      false,
    ]);
    expect(Date.parse(String(after.res.headers['last-modified'])) - Date.parse(since)).toBe(1000);
    expect(gunzipSync(after.raw).toString()).toContain('بعد');
    const again = await fetch({ path });
    expect([again.res.headers['x-cache'], again.fast]).toEqual(['HIT', true]);
    expect(gunzipSync(again.raw).toString()).toContain('بعد');
  });

  it("never answers one host's request with another host's page", async () => {
    const origins = async (req: Omit<ReaderRequest, 'path'>) => {
      const { res, raw, fast } = await fetch({ ...req, path: '/' });
      const body = res.status === 200 ? gunzipSync(raw).toString() : '';
      return [
        res.status,
        body.includes('http://www.news.example/'),
        body.includes('http://news.example/'),
        fast,
      ];
    };
    const www = { host: 'www.news.example' };
    const proxied = { 'x-forwarded-host': 'www.news.example' };
    expect([
      await origins({}),
      await origins({}),
      await origins({ headers: www }),
      await origins({ headers: www }),
      await origins({ headers: { host: 'evil.example' } }),
      await origins({ headers: { host: 'evil.example' } }),
      // The proxy is believed; the same headers from anyone else are not.
      await origins({ from: '127.0.0.2', headers: proxied }),
      await origins({ from: '127.0.0.2', headers: proxied }),
      await origins({ from: '127.0.0.3', headers: proxied }),
      await origins({ from: '127.0.0.3', headers: proxied }),
      await origins({ from: '127.0.0.2', headers: { 'x-forwarded-host': 'evil.example' } }),
      await origins({ from: '127.0.0.2', headers: { 'x-forwarded-host': 'evil.example' } }),
    ]).toEqual([
      [200, false, true, false],
      [200, false, true, true],
      [200, true, false, false],
      [200, true, false, true],
      [400, false, false, false],
      [400, false, false, false],
      [200, true, false, false],
      [200, true, false, true],
      [200, false, true, false],
      [200, false, true, true],
      [400, false, false, false],
      [400, false, false, false],
    ]);
  });

  it('keeps query strings apart, and leaves other methods to the router', async () => {
    await fetch({ path: ARTICLE });
    const query = [
      await fetch({ path: `${ARTICLE}?x=1` }),
      await fetch({ path: `${ARTICLE}?x=1` }),
      await fetch({ path: '/?page=2' }),
      await fetch({ path: '/?page=2' }),
    ].map(({ res, fast }) => [res.status, res.headers['x-cache'] ?? null, fast]);
    expect(query).toEqual([
      [200, 'HIT', false],
      [200, 'HIT', true],
      [404, null, false],
      [404, null, false],
    ]);
    const post = await fetch({ method: 'POST', path: ARTICLE, body: 'x=1' });
    const withBody = await fetch({ path: ARTICLE, body: 'x=1' });
    // A path served for GET answers another method 405, with the methods it takes (RFC 9110 §15.5.6).
    expect([post.res.status, post.res.headers['allow'], post.fast, withBody.fast]).toEqual([
      405,
      'GET, HEAD',
      false,
      false,
    ]);
    expect(post.res.body).toContain('طريقة غير مسموح بها');
    expect(withBody.res.headers['x-cache']).toBe('HIT');
  });

  it('answers an address too long to read 414 with a message, and headers too large 431', async () => {
    const long = await fetch({ path: `${ARTICLE}?q=${'x'.repeat(20_000)}` });
    expect([long.res.status, long.res.headers['content-type'], long.res.body]).toEqual([
      414,
      'text/plain; charset=utf-8',
      '414 عنوان أطول من اللازم: هذا العنوان أطول مما يقرؤه الخادم (16 كيلوبايت مع الترويسات). تحقّق من الرابط.\n',
    ]);
    const headers = await fetch({ path: ARTICLE, headers: { 'x-note': 'x'.repeat(20_000) } });
    expect(headers.res.status).toBe(431);
  });
});
