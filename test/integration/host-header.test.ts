/**
 * The Host header (issue 13, item 7): a malformed one is answered 400 on
 * every route, and without MIDAD_BASE_URL only an allowed host is ever
 * written into a page, a feed, a sitemap or a header.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/dialects.js';
import { send } from '../helpers/raw-http.js';
import { BROWSER, SEED_ID, SEED_SLUG, testSite, type TestSite } from '../helpers/site.js';

type Route = { method: 'GET' | 'POST'; url: string };

/** A URL that fails before routing (a broken percent-escape). */
const BAD_URL = '/%E0%A4%A';

/** One route of every kind: site pages, listings, feeds, sitemaps, files, admin, API, beacon, unknown. */
async function everyKindOfRoute(site: TestSite): Promise<Route[]> {
  const page = await site.app.inject({ url: `/a/${SEED_ID}`, headers: { host: 'localhost:3000' } });
  const asset = /(?:href|src)="(\/assets\/[^"]+)"/.exec(page.body)?.[1];
  expect(asset).toBeDefined();
  return [
    ...[
      '/',
      '/?page=2',
      `/a/${SEED_ID}`,
      '/section/news',
      '/tag/x',
      '/author/x',
      '/section/news/rss.xml',
      '/search?q=%D8%A5%D8%AF%D9%84%D8%A8',
      '/api/search?q=x',
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
      '/sitemap.xml',
      '/sitemaps/news.xml',
      '/robots.txt',
      asset as string,
      '/favicon.ico',
      '/media/1/w640.webp',
      '/preview/abc',
      '/admin',
      '/admin/login',
      '/api/content/v1/articles',
      '/api/openapi.json',
      '/no-such-page',
      BAD_URL,
    ].map((url) => ({ method: 'GET' as const, url })),
    { method: 'POST', url: `/views/${SEED_ID}` },
    { method: 'POST', url: '/admin/login' },
  ];
}

const MALFORMED = [
  'evil.example/x',
  'evil example',
  'me@evil.example',
  '<script>evil</script>',
  'évil.example',
  'evil.example:99999',
  'evil:b:c',
  '[::evil',
];

describeEachDialect((dialect) => {
  describe('with MIDAD_BASE_URL', () => {
    let site: TestSite;
    let routes: Route[];
    beforeAll(async () => {
      site = await testSite({}, { dialect });
      routes = await everyKindOfRoute(site);
    });
    afterAll(() => site.close());

    it('answers 400 to a malformed Host on every route, without echoing it', async () => {
      const answers: string[] = [];
      for (const host of MALFORMED) {
        for (const { method, url } of routes) {
          const res = await site.app.inject({
            method,
            url,
            headers: { host, 'user-agent': BROWSER },
          });
          answers.push(`${method} ${url} ${host}: ${res.statusCode}`);
          expect(res.body).not.toContain(host);
          // The security headers too (a malformed URL is answered before any hook, without them).
          if (url !== BAD_URL && !res.headers['content-security-policy']) {
            answers.push(`${method} ${url}: no CSP`);
          }
        }
      }
      expect(answers.filter((a) => !a.endsWith(': 400'))).toEqual([]);
    });

    it('answers a malformed Host under /api with JSON', async () => {
      const res = await site.app.inject({
        url: '/api/content/v1/articles',
        headers: { host: 'evil example' },
      });
      expect([res.statusCode, res.json()]).toEqual([
        400,
        {
          error: {
            code: 'BAD_HOST',
            message: 'The Host header is malformed, or names a host not served here.',
          },
        },
      ]);
    });

    it('serves any well-formed Host, and writes the base URL, not it', async () => {
      const res = await site.app.inject({
        url: `/a/${SEED_ID}`,
        headers: { host: 'other.example', 'user-agent': BROWSER },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(
        `href="https://news.example/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}"`,
      );
      expect(res.body).not.toContain('other.example');
    });
  });

  describe('without MIDAD_BASE_URL', () => {
    let site: TestSite;
    let routes: Route[];
    beforeAll(async () => {
      site = await testSite({ MIDAD_BASE_URL: '', MIDAD_TRUST_PROXY: '127.0.0.1' }, { dialect });
      routes = await everyKindOfRoute(site);
    });
    afterAll(() => site.close());

    it.each([
      ['Host', { host: 'evil.example' }],
      ['Host with the port', { host: 'evil.example:3000' }],
      ['X-Forwarded-Host from the trusted proxy', { 'x-forwarded-host': 'evil.example' }],
    ])('answers 400 to a %s that is not allowed, and never writes it', async (_name, headers) => {
      const answers: string[] = [];
      for (const { method, url } of routes) {
        const res = await site.app.inject({
          method,
          url,
          headers: { host: 'localhost:3000', 'user-agent': BROWSER, ...headers },
        });
        answers.push(`${method} ${url}: ${res.statusCode}`);
        expect(res.body).not.toContain('evil.example');
        expect(JSON.stringify(res.headers)).not.toContain('evil.example');
      }
      expect(answers.filter((a) => !a.endsWith(': 400'))).toEqual([]);
    });

    it('serves the listen address and localhost with the port, and writes that host', async () => {
      for (const host of ['localhost:3000', '127.0.0.1:3000', 'LOCALHOST:3000']) {
        const res = await site.app.inject({
          url: `/a/${SEED_ID}`,
          headers: { host, 'user-agent': BROWSER },
        });
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain(`<link rel="canonical" href="http://${host.toLowerCase()}/a/`);
      }
      const feed = await site.app.inject({ url: '/rss.xml', headers: { host: 'localhost:3000' } });
      expect(feed.statusCode).toBe(200);
      expect(feed.body).toContain('<link>http://localhost:3000/</link>');
    });

    it('refuses localhost on another port', async () => {
      const res = await site.app.inject({ url: '/', headers: { host: 'localhost:8080' } });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('with MIDAD_ALLOWED_HOSTS', () => {
    let site: TestSite;
    beforeAll(async () => {
      site = await testSite(
        { MIDAD_BASE_URL: '', MIDAD_ALLOWED_HOSTS: 'news.example, www.news.example:8443' },
        { dialect },
      );
    });
    afterAll(() => site.close());

    it.each([
      ['news.example', 200],
      ['www.news.example:8443', 200],
      ['news.example:8080', 400],
      ['www.news.example', 400],
      ['localhost:3000', 400],
      ['evil.example', 400],
    ])('answers Host %j with %i', async (host, status) => {
      const res = await site.app.inject({
        url: `/a/${SEED_ID}`,
        headers: { host, 'user-agent': BROWSER },
      });
      expect(res.statusCode).toBe(status);
      if (status === 200)
        expect(res.body).toContain(
          `href="http://${host}/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}"`,
        );
      else expect(res.body).not.toContain(host);
    });
  });
});

describe('a listening site without MIDAD_BASE_URL', () => {
  let site: TestSite;
  let port: number;
  beforeAll(async () => {
    // Port 0: the allowed port is the one the system gave.
    site = await testSite({ MIDAD_BASE_URL: '', PORT: '0' });
    port = Number(new URL(await site.app.listen({ host: '127.0.0.1', port: 0 })).port);
  });
  afterAll(() => site.close());

  it('serves its own address and localhost on its port, and refuses other hosts', async () => {
    const statuses: Record<string, number> = {};
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      'evil.example',
      `evil.example:${port}`,
    ]) {
      const res = await send(port, { path: `/a/${SEED_ID}`, headers: { host } });
      statuses[host] = res.status;
      if (host.startsWith('evil')) expect(res.body).not.toContain('evil.example');
    }
    expect(statuses).toEqual({
      [`127.0.0.1:${port}`]: 200,
      [`localhost:${port}`]: 200,
      'evil.example': 400,
      [`evil.example:${port}`]: 400,
    });
  });
});

/** The status of a raw HTTP/1.0 GET of `path` that sends no Host header. */
function statusWithoutHost(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // Written, not ended: HTTP/1.0 closes the connection after the answer.
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let head = '';
    socket.on('data', (chunk: Buffer) => (head += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.\d (\d{3})/.exec(head)?.[1])));
    socket.on('error', reject);
  });
}

describe('a request without a Host header (HTTP/1.0)', () => {
  it.each([
    ['served with MIDAD_BASE_URL, where the Host is written nowhere', {}, 200],
    ['refused without MIDAD_BASE_URL', { MIDAD_BASE_URL: '' }, 400],
    ['refused with MIDAD_ALLOWED_HOSTS', { MIDAD_ALLOWED_HOSTS: 'news.example' }, 400],
  ])('is %s', async (_name, env: Record<string, string>, status) => {
    const site = await testSite(env);
    try {
      const port = Number(new URL(await site.app.listen({ host: '127.0.0.1', port: 0 })).port);
      expect(await statusWithoutHost(port, `/a/${SEED_ID}`)).toBe(status);
    } finally {
      await site.close();
    }
  });
});
