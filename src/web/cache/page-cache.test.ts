import { describe, expect, it } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, PageCache, type CachedPage } from './page-cache.js';

/** An entry of about `bytes` bytes labelled with `keys`, fresh until `expiresAt`. */
function page(keys: string[], bytes = 1000, expiresAt = Infinity): CachedPage {
  return {
    contentType: 'text/html; charset=utf-8',
    gzip: Buffer.alloc(bytes),
    br: Buffer.alloc(0),
    plainLength: bytes,
    etag: 'W/"x"',
    lastModified: new Date(0),
    keys,
    expiresAt,
    hits: 0,
  };
}

describe('PageCache', () => {
  it('evicts by surrogate key exactly, and forgets the labels of what it evicted', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    cache.set('/a/1', page(['a1', 'breaking']));
    cache.set('/', page(['a1', 'a2', 'home', 'breaking']));
    cache.set('/section/x', page(['a2', 's5', 'breaking']));
    expect(cache.purge(['a1']).sort()).toEqual(['/', '/a/1']);
    expect(cache.get('/section/x')).toBeDefined();
    expect(cache.purge(['a1', 'home'])).toEqual([]);
    expect(cache.purge(['breaking'])).toEqual(['/section/x']);
    expect(cache.size).toBe(0);
  });

  it('keeps within its byte bound, dropping the least recently used first', () => {
    const cache = new PageCache({ maxBytes: 3 * (1000 + ENTRY_OVERHEAD_BYTES) });
    cache.set('/1', page(['a1']));
    cache.set('/2', page(['a2']));
    cache.set('/3', page(['a3']));
    cache.get('/1');
    cache.set('/4', page(['a4']));
    expect([cache.get('/1'), cache.get('/2')].map(Boolean)).toEqual([true, false]);
    expect(cache.bytes).toBe(3 * (1000 + ENTRY_OVERHEAD_BYTES));
    // The dropped entry's label no longer names it.
    expect(cache.purge(['a2'])).toEqual([]);
  });

  it('counts the memory behind a buffer, not its length', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    // What zlib hands back: 3,000 bytes at the start of a 16 KiB output chunk.
    const slice = Buffer.alloc(16_384).subarray(0, 3000);
    cache.set('/a/1', { ...page(['a1']), gzip: slice, br: Buffer.alloc(2500) });
    expect(cache.bytes).toBe(16_384 + 2500 + ENTRY_OVERHEAD_BYTES);
  });

  it('replaces an entry with its new labels only', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    cache.set('/', page(['a1', 'home']));
    cache.set('/', page(['a2', 'home']));
    expect(cache.purge(['a1'])).toEqual([]);
    expect(cache.purge(['a2'])).toEqual(['/']);
  });

  it('does not serve an entry past its expiry', () => {
    let now = 1000;
    const cache = new PageCache({ maxBytes: 1_000_000, now: () => now });
    cache.set('/', page(['home'], 10, 2000));
    expect(cache.get('/')).toBeDefined();
    now = 2000;
    expect(cache.get('/')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing with a bound of 0, and no entry larger than the bound', () => {
    const off = new PageCache({ maxBytes: 0 });
    off.set('/', page(['home'], 10));
    expect([off.get('/'), off.size]).toEqual([undefined, 0]);
    const cache = new PageCache({ maxBytes: 500 });
    cache.set('/', page(['home'], 1000));
    expect(cache.get('/')).toBeUndefined();
    expect(cache.purge(['home'])).toEqual([]);
  });

  it('empties on a purge of everything', () => {
    const cache = new PageCache({ maxBytes: 1_000_000 });
    cache.set('/', page(['home']));
    cache.set('/a/1', page(['a1']));
    expect(cache.purge('all').sort()).toEqual(['/', '/a/1']);
    expect(cache.size).toBe(0);
  });

  it('dates a new entry one second past the one it follows under its key in the same second', () => {
    let now = 5_000_400;
    const cache = new PageCache({ maxBytes: 1_000_000, now: () => now });
    const at = (key: string) => cache.lastModified(key, 'W/"new"');
    expect(at('/a/1').getTime()).toBe(5_000_000);
    cache.set('/a/1', { ...page(['a1']), etag: 'W/"1"', lastModified: at('/a/1') });
    cache.purge(['a1']);
    expect([at('/a/1').getTime(), at('/a/2').getTime()]).toEqual([5_001_000, 5_000_000]);
    cache.set('/a/1', { ...page(['a1']), etag: 'W/"2"', lastModified: at('/a/1') });
    cache.purge('all');
    expect(at('/a/1').getTime()).toBe(5_002_000);
    // Until the clock passes the last one given, the next is still one second past it.
    now = 5_001_999;
    expect(at('/a/1').getTime()).toBe(5_002_000);
    now = 5_002_000;
    expect(at('/a/1').getTime()).toBe(5_002_000);
  });

  it('keeps the date of the entry it follows when the body is the same', () => {
    let now = 7_000_000;
    const cache = new PageCache({ maxBytes: 1_000_000, now: () => now });
    cache.set('/rss.xml', {
      ...page(['latest'], 1000, now + 60_000),
      etag: 'W/"feed-1"',
      lastModified: cache.lastModified('/rss.xml', 'W/"feed-1"'),
    });
    // A minute on, the entry has expired and is made again: the same body keeps its date…
    now = 7_060_500;
    expect(cache.get('/rss.xml')).toBeUndefined();
    expect(cache.lastModified('/rss.xml', 'W/"feed-1"').getTime()).toBe(7_000_000);
    // …and a changed one is dated now.
    expect(cache.lastModified('/rss.xml', 'W/"feed-2"').getTime()).toBe(7_060_000);
    // While an entry is held, a render beside it is dated against it too.
    cache.set('/a/1', { ...page(['a1']), etag: 'W/"a"', lastModified: new Date(7_060_000) });
    expect(cache.lastModified('/a/1', 'W/"a"').getTime()).toBe(7_060_000);
    expect(cache.lastModified('/a/1', 'W/"b"').getTime()).toBe(7_061_000);
  });
});
