/**
 * The rendered-page cache: whole responses (article, home, listing and feed
 * pages) kept in memory, compressed only, bounded by their size in bytes
 * with least-recently-used eviction (lru-cache), and labelled with
 * surrogate keys (domain/public-change.ts) so that a change evicts exactly
 * the pages that show it. An entry may also carry its own expiry (a
 * breaking-news flag that ends, a most-read list that moves).
 */
import { LRUCache } from 'lru-cache';
import type { OnionAddress } from '../../domain/alternate-addresses.js';

/** One cached response: a 200 page in every encoding we serve. */
export interface CachedPage {
  /** `Content-Type`, with charset. */
  contentType: string;
  /** The body as rendered, compressed with gzip and with brotli. */
  gzip: Buffer;
  br: Buffer;
  /**
   * Bytes its two bodies are counted for in the bound when one of them is
   * made only on first use (cached-pages.ts, RenderedBodies); absent: the
   * memory behind both.
   */
  heldBytes?: number;
  /** The body's length uncompressed, bytes (a plain answer's `Content-Length`, HEAD's too). */
  plainLength: number;
  /** Weak entity tag of the rendered body, `W/"…"` (the same page in every encoding). */
  etag: string;
  /** When it was rendered (UTC), sent as `Last-Modified`. */
  lastModified: Date;
  /** Surrogate keys: what the page shows. */
  keys: readonly string[];
  /** Time (ms since the epoch, by the cache's clock) after which it must be rendered again. */
  expiresAt: number;
  /** Times served from the cache. */
  hits: number;
  /**
   * `s-maxage` (and `stale-while-revalidate`) for a shared cache, seconds,
   * when the page asked for less than the site's (a live article: 30 s);
   * absent: the site's (CachedPagesOptions.sharedMaxAgeS).
   */
  sharedMaxAgeS?: number;
  /** The site's onion service when the page was made, for HTML pages (onion-location.ts); absent: none. */
  onion?: OnionAddress;
  /**
   * Its own `Content-Security-Policy`, sent in place of the site's (a lite
   * page's: lite-policy.ts); absent: the site's, which every response carries.
   */
  contentSecurityPolicy?: string;
}

export interface PageCacheOptions {
  /** Most bytes held (both encodings of every entry). 0 keeps nothing. */
  maxBytes: number;
  /** The clock, ms since the epoch (tests pin it). */
  now?: () => number;
}

/**
 * Bytes an entry holds besides its buffers: its key, headers' strings,
 * surrogate-key sets and the LRU's own nodes, the C heap's bookkeeping
 * around small buffers, and what a cache that keeps replacing its entries
 * leaves behind (V8's heap and the C heap do not shrink back between the
 * live ones). Measured (issue 21, item 5), at 100,000 articles with
 * bench/memory.ts: a full cache of article pages cost some 55 MiB at rest
 * against its 32 MiB bound when 4,096 was counted; 3,000 entries of
 * 4.6 KB bodies written four times over a cache that holds them grew
 * resident memory by 22 KB each after a collection, 8 KB each when written
 * once. 256 was counted at first, then 4,096.
 */
export const ENTRY_OVERHEAD_BYTES = 8192;

/**
 * Bytes an entry holds, counted for the bound: the memory behind its
 * buffers, not their length, since a slice keeps all of its backing store
 * alive (zlib hands back slices of its 16 KiB output chunks), and
 * ENTRY_OVERHEAD_BYTES.
 */
function sizeOf(page: CachedPage): number {
  const bodies = page.heldBytes ?? page.gzip.buffer.byteLength + page.br.buffer.byteLength;
  return bodies + ENTRY_OVERHEAD_BYTES;
}

/**
 * Keys whose last entry's validators are remembered once it has gone
 * (PageCache.lastModified): some 150 bytes each.
 */
const PREVIOUS_KEYS = 5000;

/** What a later entry under the same key is dated against. */
interface Validators {
  etag: string;
  /** Its `Last-Modified`, ms since the epoch. */
  at: number;
}

function validatorsOf(page: CachedPage): Validators {
  return { etag: page.etag, at: page.lastModified.getTime() };
}

export class PageCache {
  readonly #lru: LRUCache<string, CachedPage> | null;
  /** Surrogate key → cache keys of the entries labelled with it. */
  readonly #bySurrogateKey = new Map<string, Set<string>>();
  /**
   * The validators of the entry last held under each key, of the
   * PREVIOUS_KEYS keys that lost one last (purged, expired, evicted or
   * replaced): what the next entry under that key is dated against.
   */
  readonly #previous = new LRUCache<string, Validators>({ max: PREVIOUS_KEYS });
  readonly #now: () => number;

  constructor(options: PageCacheOptions) {
    this.#now = options.now ?? Date.now;
    this.#lru =
      options.maxBytes > 0
        ? new LRUCache<string, CachedPage>({
            maxSize: options.maxBytes,
            sizeCalculation: sizeOf,
            dispose: (page, key) => this.#unlabel(key, page),
          })
        : null;
  }

  /**
   * `Last-Modified` for a new entry under `key` whose body has the entity
   * tag `etag`, made now. The same body as the entry last held under `key`
   * keeps that entry's date: the representation has not changed, so a
   * reader's `If-Modified-Since` copy is still current (a feed re-rendered
   * when its entry expires). A changed body gets the current second, or one
   * second past the entry it follows when that is as late: the date rises
   * strictly per key, so that a reader's copy made before a purge and a
   * re-render in the same second is not taken as current
   * (`If-Modified-Since` compares whole seconds; RFC 9110 §8.8.2, §13.1.3).
   */
  lastModified(key: string, etag: string): Date {
    const second = Math.floor(this.#now() / 1000) * 1000;
    const held = this.#lru?.peek(key);
    const previous = held ? validatorsOf(held) : this.#previous.get(key);
    if (previous === undefined) return new Date(second);
    if (previous.etag === etag) return new Date(previous.at);
    return new Date(previous.at < second ? second : previous.at + 1000);
  }

  /** The fresh entry stored under `key` (a request path), or undefined. */
  get(key: string): CachedPage | undefined {
    const page = this.#lru?.get(key);
    if (page === undefined) return undefined;
    if (page.expiresAt <= this.#now()) {
      this.#lru?.delete(key);
      return undefined;
    }
    return page;
  }

  /** Stores `page` under `key`, replacing what was there; too big an entry is not kept. */
  set(key: string, page: CachedPage): void {
    if (!this.#lru) return;
    this.#lru.set(key, page);
    if (!this.#lru.has(key)) return;
    for (const label of page.keys) {
      let keys = this.#bySurrogateKey.get(label);
      if (!keys) this.#bySurrogateKey.set(label, (keys = new Set()));
      keys.add(key);
    }
  }

  /**
   * Notes `page`, served under `key` but not stored (a search asked for
   * once, a page made while a purge came): the next entry under `key` is
   * dated against it, as against one that was held (lastModified).
   */
  servedWithoutKeeping(key: string, page: CachedPage): void {
    if (this.#lru) this.#previous.set(key, validatorsOf(page));
  }

  /**
   * Evicts every entry labelled with one of `surrogateKeys`, or every entry
   * for `'all'`. Returns the cache keys evicted.
   */
  purge(surrogateKeys: readonly string[] | 'all'): string[] {
    if (!this.#lru) return [];
    if (surrogateKeys === 'all') {
      const all = [...this.#lru.keys()];
      this.#lru.clear();
      return all;
    }
    const evicted = new Set<string>();
    for (const label of surrogateKeys) {
      for (const key of this.#bySurrogateKey.get(label) ?? []) evicted.add(key);
    }
    for (const key of evicted) this.#lru.delete(key);
    return [...evicted];
  }

  /** Entries held. */
  get size(): number {
    return this.#lru?.size ?? 0;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.#lru?.calculatedSize ?? 0;
  }

  #unlabel(key: string, page: CachedPage): void {
    this.#previous.set(key, validatorsOf(page));
    for (const label of page.keys) {
      const keys = this.#bySurrogateKey.get(label);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.#bySurrogateKey.delete(label);
    }
  }
}
