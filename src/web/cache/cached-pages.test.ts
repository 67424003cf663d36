import Fastify, { type FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { CachedPages, CACHED_ROUTE } from './cached-pages.js';
import { ENTRY_OVERHEAD_BYTES, PageCache } from './page-cache.js';

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

/** A Fastify app whose `/a/1` is `body` as HTML, served through `pages`. */
function appServing(pages: CachedPages, body: string): FastifyInstance {
  const app = Fastify();
  app.get('/a/1', CACHED_ROUTE, async (request, reply) => {
    await pages.serve(request, reply, '/a/1', async () => ({
      body,
      contentType: 'text/html; charset=utf-8',
      keys: [],
    }));
    return reply;
  });
  return app;
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
    expect(page?.br.buffer.byteLength).toBe(page?.br.length);
    expect(page?.gzip.buffer.byteLength).toBe(page?.gzip.length);
    // Both bodies and the entry's overhead, each well under one 16 KiB chunk.
    expect(cache.bytes).toBe(
      (page?.br.length ?? 0) + (page?.gzip.length ?? 0) + ENTRY_OVERHEAD_BYTES,
    );
    expect(cache.bytes).toBeLessThan(16_384);
    await app.close();
  });

  it('makes fast bodies on a miss and smaller ones, of the same page, once it is asked for 20 times', async () => {
    const { cache, pages } = cachedPages();
    // Less regular than the page above, so that the better levels find more to save.
    const kinds = ['خبر', 'نبأ', 'تقرير', 'بيان'];
    const cities = ['حلب', 'دمشق', 'حمص', 'اللاذقية', 'تونس'];
    const words = Array.from(
      { length: 400 },
      (_, i) => `${kinds[(i * 7) % 4]} رقم ${(i * 7919) % 1000} من ${cities[(i * 13) % 5]}`,
    );
    const body = `<p>${words.join(' ')}</p>`;
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
});
