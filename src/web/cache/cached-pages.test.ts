import Fastify, { type FastifyInstance } from 'fastify';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type * as ZlibModule from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { CachedPages, CACHED_ROUTE } from './cached-pages.js';
import { ENTRY_OVERHEAD_BYTES, PageCache } from './page-cache.js';

// The compressions on the event loop, counted.
vi.mock('node:zlib', async (original) => {
  const zlib = await original<typeof ZlibModule>();
  return {
    ...zlib,
    gzipSync: vi.fn(zlib.gzipSync),
    brotliCompressSync: vi.fn(zlib.brotliCompressSync),
  };
});

/** A page cache of 1 MB and CachedPages over it, pages kept a minute. */
function cachedPages(): { cache: PageCache; pages: CachedPages } {
  const cache = new PageCache({ maxBytes: 1_000_000 });
  const pages = new CachedPages({
    cache,
    maxAgeMs: 60_000,
    sharedMaxAgeS: 60,
    now: () => new Date(),
  });
  return { cache, pages };
}

/** A Fastify app whose every `/a/<id>` is `body` as HTML, served through `pages` under its path. */
function appServing(pages: CachedPages, body: string): FastifyInstance {
  const app = Fastify();
  app.get('/a/:id', CACHED_ROUTE, async (request, reply) => {
    await pages.serve(request, reply, request.url, async () => ({
      body,
      contentType: 'text/html; charset=utf-8',
      keys: [],
    }));
    return reply;
  });
  return app;
}

/** `count` short news lines in Arabic, as a paragraph, less regular than one line repeated. */
function newsWords(count: number): string {
  const kinds = ['خبر', 'نبأ', 'تقرير', 'بيان'];
  const cities = ['حلب', 'دمشق', 'حمص', 'اللاذقية', 'تونس'];
  const words = Array.from(
    { length: count },
    (_, i) => `${kinds[(i * 7) % 4]} رقم ${(i * 7919) % 1000} من ${cities[(i * 13) % 5]}`,
  );
  return `<p>${words.join(' ')}</p>`;
}

describe('CachedPages', () => {
  it('keeps a page in buffers of its own size, not in zlib’s 16 KiB output chunks', async () => {
    const { cache, pages } = cachedPages();
    // About 20 KB of Arabic, as an article page: a few KB once compressed.
    const body = `<p>${Array.from({ length: 400 }, (_, i) => `خبر رقم ${i} من حلب`).join(' ')}</p>`;
    const app = appServing(pages, body);
    const res = await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'br' } });
    expect([res.statusCode, res.headers['content-encoding']]).toEqual([200, 'br']);

    const page = cache.get('/a/1');
    expect(page).toBeDefined();
    // The brotli body asked for, counted twice (its gzip body is made on first use), and the
    // entry's overhead, each well under one 16 KiB chunk.
    expect(cache.bytes).toBe(2 * (page?.br.length ?? 0) + ENTRY_OVERHEAD_BYTES);
    expect(cache.bytes).toBeLessThan(16_384);
    expect(page?.br.buffer.byteLength).toBe(page?.br.length);
    expect(page?.gzip.buffer.byteLength).toBe(page?.gzip.length);
    await app.close();
  });

  it('makes on a miss only the body the reader takes, and the other, the same bytes, on its first use', async () => {
    const { cache, pages } = cachedPages();
    const body = `<p>${Array.from({ length: 400 }, (_, i) => `خبر رقم ${i} من حلب`).join(' ')}</p>`;
    const app = appServing(pages, body);
    const spy = vi.mocked(gzipSync);
    const spyBr = vi.mocked(brotliCompressSync);
    spy.mockClear();
    spyBr.mockClear();
    const br = await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'br, gzip' } });
    expect([br.statusCode, br.headers['content-encoding']]).toEqual([200, 'br']);
    expect([spy.mock.calls.length, spyBr.mock.calls.length]).toEqual([0, 1]);
    const gz = await app.inject({ url: '/a/2', headers: { 'accept-encoding': 'gzip' } });
    expect([gz.statusCode, gz.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect([spy.mock.calls.length, spyBr.mock.calls.length]).toEqual([1, 1]);
    // A hit in the other encoding makes it then, once: the same bytes, length and ETag.
    const later = await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'gzip' } });
    expect([later.headers['content-encoding'], later.headers['x-cache']]).toEqual(['gzip', 'HIT']);
    expect(later.rawPayload).toEqual(gzipSync(Buffer.from(body), { level: 1 }));
    expect(later.headers['content-length']).toBe(String(later.rawPayload.length));
    expect(later.headers.etag).toBe(br.headers.etag);
    await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'gzip' } });
    expect(spy.mock.calls.length).toBe(3); // the 2nd hit in gzip made none, the check above one
    const plain = await app.inject({ url: '/a/2', headers: { 'accept-encoding': 'identity' } });
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, body]);
    expect(brotliDecompressSync(cache.get('/a/2')!.br).toString()).toBe(body);
    await app.close();
  });

  it('makes fast bodies on a miss and smaller ones, of the same page, once it is asked for 20 times', async () => {
    const { cache, pages } = cachedPages();
    // Less regular than the page above, so that the better levels find more to save; over
    // 16 KiB, so that its first brotli body is made at quality 2.
    const body = newsWords(600);
    const app = appServing(pages, body);
    await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'br' } });
    const first = cache.get('/a/1')!;
    const fast = { gzip: first.gzip, br: first.br };
    // The miss and 19 hits: the 20th hit has the bodies redone.
    for (let i = 0; i < 20; i++) pages.hit('/a/1');
    await vi.waitFor(() => expect(first.br).not.toBe(fast.br));
    expect(first.gzip.length).toBeLessThan(fast.gzip.length);
    expect(first.br.length).toBeLessThan(fast.br.length);
    expect(gunzipSync(first.gzip).toString()).toBe(body);
    expect(brotliDecompressSync(first.br).toString()).toBe(body);
    await app.close();
  });

  it('keeps a hot page’s first body where the better level makes it no smaller', async () => {
    const { cache, pages } = cachedPages();
    // 13.7 KB: its first brotli body, at quality 5, is 784 bytes; quality 11 makes 808.
    const body = newsWords(400);
    const app = appServing(pages, body);
    await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'br' } });
    const first = cache.get('/a/1')!;
    const fast = { gzip: first.gzip, br: first.br };
    for (let i = 0; i < 20; i++) pages.hit('/a/1');
    await vi.waitFor(() => expect(first.gzip).not.toBe(fast.gzip));
    expect(first.gzip.length).toBeLessThan(fast.gzip.length);
    expect([first.br, first.br.length]).toEqual([fast.br, 784]);
    await app.close();
  });

  it('dates a search made again on its second ask as its first answer, when it is the same', async () => {
    let now = Date.UTC(2026, 11, 5, 8, 30, 52, 400);
    const cache = new PageCache({ maxBytes: 1_000_000, now: () => now });
    const pages = new CachedPages({
      cache,
      maxAgeMs: 60_000,
      sharedMaxAgeS: 60,
      now: () => new Date(now),
    });
    const app = Fastify();
    app.get('/api/search', CACHED_ROUTE, async (request, reply) => {
      await pages.serve(request, reply, request.url, async () => ({
        body: '{"results":[]}',
        contentType: 'application/json; charset=utf-8',
        keys: [],
        keepOnSecondAsk: true,
      }));
      return reply;
    });
    const ask = () => app.inject({ url: '/api/search?q=x' });
    const first = await ask();
    now += 1000;
    const second = await ask();
    now += 1000;
    const third = await ask();
    expect(
      [first, second, third].map((r) => [r.headers['x-cache'], r.headers['last-modified']]),
    ).toEqual([
      ['MISS', 'Sat, 05 Dec 2026 08:30:52 GMT'],
      ['MISS', 'Sat, 05 Dec 2026 08:30:52 GMT'],
      ['HIT', 'Sat, 05 Dec 2026 08:30:52 GMT'],
    ]);
    await app.close();
  });
});
