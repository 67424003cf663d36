import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { CachedPages, CACHED_ROUTE } from './cached-pages.js';
import { PageCache } from './page-cache.js';

describe('CachedPages', () => {
  it('keeps a page in buffers of its own size, not in zlib’s 16 KiB output chunks', async () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    const pages = new CachedPages({
      cache,
      maxAgeMs: 60_000,
      sharedMaxAgeS: 60,
      now: () => new Date(),
    });
    const app = Fastify();
    // About 20 KB of Arabic, as an article page: a few KB once compressed.
    const body = `<p>${Array.from({ length: 400 }, (_, i) => `خبر رقم ${i} من حلب`).join(' ')}</p>`;
    app.get('/a/1', CACHED_ROUTE, async (request, reply) => {
      await pages.serve(request, reply, '/a/1', async () => ({
        body,
        contentType: 'text/html; charset=utf-8',
        keys: [],
      }));
      return reply;
    });
    const res = await app.inject({ url: '/a/1', headers: { 'accept-encoding': 'br' } });
    expect([res.statusCode, res.headers['content-encoding']]).toEqual([200, 'br']);

    const page = cache.get('/a/1');
    expect(page).toBeDefined();
    expect(page?.br.buffer.byteLength).toBe(page?.br.length);
    expect(page?.gzip.buffer.byteLength).toBe(page?.gzip.length);
    // Both bodies and the entry's overhead, each well under one 16 KiB chunk.
    expect(cache.bytes).toBe((page?.br.length ?? 0) + (page?.gzip.length ?? 0) + 256);
    expect(cache.bytes).toBeLessThan(16_384);
    await app.close();
  });
});
