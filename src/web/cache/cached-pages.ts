/**
 * Serving public pages through the page cache (page-cache.ts).
 *
 * A miss renders the page once, however many readers ask for it at that
 * moment, compresses it with gzip and brotli, keeps both (not the plain
 * body, which is unzipped for the rare client that takes neither), and tells any CDN
 * in front how to keep it too. A hit is answered from memory in the
 * encoding the reader accepts, or with `304 Not Modified` when the reader's
 * copy is current (RFC 9110 §13). Each response names what it shows in
 * `Surrogate-Key` (Fastly, space-separated) and `Cache-Tag` (Cloudflare,
 * comma-separated), so that a purge by key reaches the CDN's copies as well.
 */
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  gunzipSync,
  gzip,
  gzipSync,
} from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { OnionAddress } from '../../domain/alternate-addresses.js';
import { surrogateKey } from '../../domain/public-change.js';
import { etagOf } from '../feeds/conditional-get.js';
import { encodingFor, pageAnswer } from './page-answer.js';
import type { CachedPage, PageCache } from './page-cache.js';
import type { RequestKeys } from './request-keys.js';
import { saveDataOn } from '../save-data.js';

/** Ends the cache key of a page made for a browser sending `Save-Data: on` (no URL holds it). */
const SAVE_DATA_KEY = '\nsave-data';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Route options of the routes served through the cache: they send bodies
 * compressed already, so @fastify/compress must leave them alone (it would
 * otherwise deflate them anew for a client that takes only deflate).
 */
export const CACHED_ROUTE = { compress: false } as const;

/** What a route renders for the cache. */
export interface RenderedPage {
  body: string;
  /** `Content-Type`, with charset. */
  contentType: string;
  /** Surrogate keys beyond the articles the body links to (its listing, `front`, `breaking`). */
  keys: readonly string[];
  /** The latest time the page may be kept, UTC (a breaking-news flag that ends); none by default. */
  expires?: Date | null;
  /** How long it may be kept at most, ms; the default of CachedPagesOptions otherwise. */
  maxAgeMs?: number;
  /**
   * How long a CDN or other shared cache may keep it at most, seconds: its
   * `s-maxage` and `stale-while-revalidate` are the smaller of this and
   * CachedPagesOptions.sharedMaxAgeS (a live article asks for 30).
   */
  sharedMaxAgeS?: number;
  /**
   * Kept only when asked for a second time within SECOND_ASK_MS (searches:
   * most queries in a spike are the same few words, and a reader typing
   * random ones must not push the articles everyone reads out of the
   * cache's bound). The first answer is sent uncached.
   */
  keepOnSecondAsk?: boolean;
  /** The site's onion service, for an HTML page: its answers carry `Onion-Location` (onion-location.ts). */
  onion?: OnionAddress | null;
  /** Its own Content-Security-Policy, sent in place of the site's (a lite page's: lite-policy.ts). */
  contentSecurityPolicy?: string;
}

/** How long a page kept on its second ask waits for it, ms. */
export const SECOND_ASK_MS = 60_000;
/** Most cache keys remembered as asked lately (a key is at most some 300 characters). */
const ASKED_ONCE_MAX = 10_000;

export interface CachedPagesOptions {
  cache: PageCache;
  /** How long a page is kept at most, ms, even with no change announced. */
  maxAgeMs: number;
  /** `s-maxage` for a CDN or other shared cache, seconds (0: shared caches must ask every time). */
  sharedMaxAgeS: number;
  /** The clock (UTC). */
  now: () => Date;
  /**
   * Where each request answered here is remembered with its page's cache
   * key, so that the fast path (fast-path.ts) finds the page again before
   * the router; none by default.
   */
  requestKeys?: RequestKeys;
}

/**
 * Compression levels of a page's first bodies, made on each miss: fast,
 * since most pages are read a few times at most (a spread of distinct
 * articles): gzip level 1 and brotli quality 2 (RFC 7932). Measured on
 * 17 KB article pages (2 cores, one call): gzip 6 took 0.22 ms for 4,359
 * bytes, 1 took 0.12 ms for 4,804 (+10 %). Brotli, over 200 article pages
 * of 16.3 KB (issue 21, least of 5 rounds): quality 5 took 297 µs for
 * 3,796 bytes, 4 253 µs for 4,250, 3 145 µs for 4,536, 2 120 µs for 4,596
 * (+8 % on 4, under one TCP packet more: the same first round trip for a
 * reader), 1 79 µs for 4,902. Brotli was the largest single cost of a
 * distinct article's page once its gzip body was no longer made on the
 * miss (firstBodies). A page asked for HOT_HITS
 * times is redone at gzip 6 and brotli 11, the smallest, off the event loop
 * (brotli 11 costs some 30 ms of CPU: worth it only for the pages a spike
 * is about).
 */
const FAST_GZIP = 1;
const FAST_BROTLI = 2;
/**
 * Largest body (bytes, before compression) compressed on a miss with
 * brotli at SMALL_BROTLI rather than FAST_BROTLI. On a small page brotli
 * at quality 2 comes out larger than gzip at level 1, so a reader who
 * takes both would get the larger body: measured (Node 20, 2 cores, least
 * of 5 rounds of 200) on the demo site's lite article, 5,351 bytes raw,
 * brotli 2 gave 2,528 bytes against gzip 1's 2,455, quality 5 2,009 in
 * 76 µs instead of 39 (quality 11: 1,782 in 6.6 ms); on its lite home
 * page (2,295 raw) 1,365 against 1,298, quality 5 1,085; on its home page
 * (5,785 raw) 2,229 against 2,187, quality 5 1,795 in 114 µs. Quality 6
 * gains nothing on 5 there. Its full article (18,725 raw, over the bound)
 * stays at quality 2: 5,520 bytes in 74 µs against gzip 1's 5,613, and
 * 208 µs at quality 5.
 */
const SMALL_PAGE_BYTES = 16 * 1024;
const SMALL_BROTLI = 5;
const BEST_GZIP = 6;
const BEST_BROTLI = constants.BROTLI_MAX_QUALITY;
const HOT_HITS = 20;

/** Article ids in links to article pages: `/a/<id>` relative or absolute. */
const ARTICLE_LINK = /\/a\/([1-9][0-9]{0,18})(?![0-9])/g;

/** Surrogate keys of the articles that `body` links to, once each. */
export function linkedArticleKeys(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(ARTICLE_LINK)) ids.add(match[1]!);
  return [...ids].map(surrogateKey.article);
}

/**
 * Brotli's window (WBITS, RFC 7932 §9.1), as a power of two: just large
 * enough for the body, between 16 and the encoder's default of 22. A
 * back-reference never reaches before the body's start, so a larger window
 * gains nothing, while a smaller one makes the encoder's tables smaller and
 * quicker to set up: a 19 KB page compresses at quality 5 in 0.14 ms
 * instead of 0.20.
 */
function windowBits(bytes: number): number {
  return Math.min(22, Math.max(16, Math.ceil(Math.log2(bytes + 1))));
}

/** Brotli's parameters for `body` at `quality` (text mode, window and size hint fitted to it). */
function brotliOptions(body: Buffer, quality: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_LGWIN]: windowBits(body.length),
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  };
}

/** `body` compressed with brotli at `quality`, in libuv's thread pool. */
function brotli(body: Buffer, quality: number): Promise<Buffer> {
  return brotliAsync(body, brotliOptions(body, quality));
}

/**
 * Largest body compressed on the event loop, bytes: a few tenths of a
 * millisecond of work. A larger one (a live page with hundreds of updates)
 * goes to libuv's thread pool, so as not to hold other requests.
 */
const ON_LOOP_BYTES = 64 * 1024;

/** An encoding a page is kept in (a plain body is unzipped from gzip when asked for). */
type StoredEncoding = 'gzip' | 'br';

/**
 * `body` compressed in `encoding` at the first levels (FAST_GZIP;
 * SMALL_BROTLI up to SMALL_PAGE_BYTES, FAST_BROTLI above), on the event
 * loop: for a body up to ON_LOOP_BYTES that costs less than handing it
 * to the thread pool. Measured on a 16 KB article page: gzip took 0.20 ms of CPU in one call and 0.35–1.1 ms
 * through the pool, brotli 0.36 ms against 0.56–1.0 (the pool's stream
 * sets up and tears down its state across two threads, and the main
 * thread's part alone exceeded the whole synchronous call). The bytes are
 * the same either way.
 */
function firstCompression(body: Buffer, encoding: StoredEncoding): Buffer {
  return compact(
    encoding === 'gzip'
      ? gzipSync(body, { level: FAST_GZIP })
      : brotliCompressSync(
          body,
          brotliOptions(body, body.length <= SMALL_PAGE_BYTES ? SMALL_BROTLI : FAST_BROTLI),
        ),
  );
}

/**
 * A page's gzip and brotli bodies, one of them made only when first read
 * (a hit in that encoding, or the fast path's first header lists, which
 * need its length): the same bytes as if made on the miss. The cache's
 * bound counts an entry whose second body is not made yet for twice its
 * first body (`heldBytes`): gzip at FAST_GZIP is some 10 % larger than
 * brotli at FAST_BROTLI, so the bound is near what both will hold.
 */
class RenderedBodies {
  #gzip: Buffer | null = null;
  #br: Buffer | null = null;
  /** Bytes the cache's bound counts for both bodies, fixed when the page is kept. */
  readonly heldBytes: number;

  /** @param made one body or both (at least one). */
  constructor(made: { gzip?: Buffer; br?: Buffer }) {
    this.#gzip = made.gzip ?? null;
    this.#br = made.br ?? null;
    const first = (made.gzip ?? made.br)!.buffer.byteLength;
    this.heldBytes = first + (made.br && made.gzip ? made.br.buffer.byteLength : first);
  }

  get gzip(): Buffer {
    return (this.#gzip ??= firstCompression(this.#plain(), 'gzip'));
  }

  set gzip(body: Buffer) {
    this.#gzip = body;
  }

  get br(): Buffer {
    return (this.#br ??= firstCompression(this.#plain(), 'br'));
  }

  set br(body: Buffer) {
    this.#br = body;
  }

  #plain(): Buffer {
    return this.#br === null ? gunzipSync(this.#gzip!) : brotliDecompressSync(this.#br);
  }
}

/**
 * The first bodies of a page: on a miss only the encoding `asked` is
 * made (brotli for a reader who takes it, else gzip, which also serves a
 * plain answer), the other on its first use, from the first one unzipped
 * (RenderedBodies). Most pages of a spread of distinct articles are read
 * once: making the gzip body nobody asked for took about a third of the
 * compression on each miss (issue 21: gzip 1 some 0.12 ms, brotli 4 some
 * 0.26 ms per 17 KB page, when brotli was made at 4). A body over ON_LOOP_BYTES (a live page with
 * hundreds of updates) has both made at once in libuv's thread pool, so
 * as not to hold other requests, neither then waiting for a first use.
 */
async function firstBodies(body: Buffer, asked: StoredEncoding): Promise<RenderedBodies> {
  if (body.length <= ON_LOOP_BYTES)
    return new RenderedBodies({ [asked]: firstCompression(body, asked) });
  const [gz, br] = await Promise.all([
    gzipAsync(body, { level: FAST_GZIP }),
    brotli(body, FAST_BROTLI),
  ]);
  return new RenderedBodies({ gzip: compact(gz), br: compact(br) });
}

/**
 * `buffer` copied into memory of its own, exactly its length. zlib hands
 * back a slice of its 16 KiB output chunk: kept as it is, a 2.5 KB page
 * would hold 16 KiB, and the cache five times its bound.
 */
function compact(buffer: Buffer): Buffer {
  const own = Buffer.allocUnsafeSlow(buffer.length);
  buffer.copy(own);
  return own;
}

export class CachedPages {
  readonly #options: CachedPagesOptions;
  /** Renders in progress, by cache key: concurrent misses wait for one render. */
  readonly #rendering = new Map<string, Promise<CachedPage | null>>();
  /** Counts purges: a render that started before one is served but not kept. */
  #purges = 0;
  /** Cache keys of RenderedPage.keepOnSecondAsk pages rendered within SECOND_ASK_MS. */
  readonly #askedLately = new LRUCache<string, true>({ max: ASKED_ONCE_MAX, ttl: SECOND_ASK_MS });

  constructor(options: CachedPagesOptions) {
    this.#options = options;
  }

  /**
   * Answers `request` with the page cached under `key` (its origin and path),
   * rendering it with `render` on a miss. Resolves to false, having sent
   * nothing, when `render` returns null (the caller sends its 404).
   * (It does not resolve to the reply: a Fastify reply is a thenable.)
   * A request with `Save-Data: on` is another page (the lite one, or one
   * without the web font: save-data.ts), kept under a key of its own.
   */
  async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    pageKey: string,
    render: () => Promise<RenderedPage | null>,
  ): Promise<boolean> {
    const key = saveDataOn(request.headers) ? `${pageKey}${SAVE_DATA_KEY}` : pageKey;
    const cached = this.hit(key);
    if (cached) {
      this.#options.requestKeys?.remember(request.raw, key);
      this.#send(request, reply, cached, 'HIT');
      return true;
    }
    let rendering = this.#rendering.get(key);
    if (!rendering) {
      const asked = encodingFor(request.headers['accept-encoding']) === 'br' ? 'br' : 'gzip';
      const started = this.#renderAndKeep(key, render, asked).finally(() => {
        if (this.#rendering.get(key) === started) this.#rendering.delete(key);
      });
      rendering = started;
      this.#rendering.set(key, rendering);
    }
    const page = await rendering;
    if (page === null) return false;
    this.#options.requestKeys?.remember(request.raw, key);
    this.#send(request, reply, page, 'MISS');
    return true;
  }

  /**
   * The fresh page cached under `key`, counted as a hit, or undefined. A
   * page asked for HOT_HITS times gets smaller bodies (BEST_GZIP,
   * BEST_BROTLI), made off the event loop.
   */
  hit(key: string): CachedPage | undefined {
    const cached = this.#options.cache.get(key);
    if (!cached) return undefined;
    cached.hits += 1;
    if (cached.hits === HOT_HITS) this.#recompress(key, cached);
    return cached;
  }

  /** The site's `s-maxage`, seconds (CachedPagesOptions.sharedMaxAgeS). */
  get sharedMaxAgeS(): number {
    return this.#options.sharedMaxAgeS;
  }

  /** Evicts the pages labelled with `keys` (or all); returns the cache keys evicted. */
  purge(keys: readonly string[] | 'all'): string[] {
    this.#purges += 1;
    // Readers who come after the change wait for a render that started after it.
    this.#rendering.clear();
    return this.#options.cache.purge(keys);
  }

  /** `asked`: the encoding the first reader takes (firstBodies). */
  async #renderAndKeep(
    key: string,
    render: () => Promise<RenderedPage | null>,
    asked: StoredEncoding,
  ): Promise<CachedPage | null> {
    const purgesBefore = this.#purges;
    const rendered = await render();
    if (rendered === null) return null;
    const page = await this.#compress(key, rendered, asked);
    if (this.#purges === purgesBefore && this.#keeps(key, rendered)) {
      this.#options.cache.set(key, page);
    } else {
      this.#options.cache.servedWithoutKeeping(key, page);
    }
    return page;
  }

  /** Whether a page just made is stored: not a search on its first ask in a while. */
  #keeps(key: string, rendered: RenderedPage): boolean {
    if (!rendered.keepOnSecondAsk) return true;
    const askedBefore = this.#askedLately.has(key);
    this.#askedLately.set(key, true);
    return askedBefore;
  }

  /**
   * Makes the bodies of a hot page again at BEST_GZIP and BEST_BROTLI, off
   * the event loop, keeping each new one only where it is smaller: brotli
   * 11 can come out larger than a small page's first body at SMALL_BROTLI
   * (a repetitive 13.7 KB page: 808 bytes against 784).
   */
  #recompress(key: string, page: CachedPage): void {
    const identity = gunzipSync(page.gzip);
    void Promise.all([
      gzipAsync(identity, { level: BEST_GZIP }),
      brotli(identity, BEST_BROTLI),
    ]).then(
      ([gz, br]) => {
        if (this.#options.cache.get(key) !== page) return;
        if (gz.length < page.gzip.length) page.gzip = compact(gz);
        if (br.length < page.br.length) page.br = compact(br);
      },
      () => {},
    );
  }

  /**
   * The cache's entry for `rendered`: its bodies (firstBodies; the
   * accessors of `gzip` and `br` are the RenderedBodies'), validators, keys
   * and expiry.
   */
  async #compress(key: string, rendered: RenderedPage, asked: StoredEncoding): Promise<CachedPage> {
    const now = this.#options.now();
    const identity = Buffer.from(rendered.body);
    const bodies = await firstBodies(identity, asked);
    const etag = etagOf(identity);
    const maxAge = Math.min(rendered.maxAgeMs ?? this.#options.maxAgeMs, this.#options.maxAgeMs);
    const until = rendered.expires ? rendered.expires.getTime() : Infinity;
    const page: Omit<CachedPage, 'gzip' | 'br'> = {
      contentType: rendered.contentType,
      plainLength: identity.length,
      heldBytes: bodies.heldBytes,
      etag,
      lastModified: this.#options.cache.lastModified(key, etag),
      keys: [...new Set([...rendered.keys, ...linkedArticleKeys(rendered.body)])],
      expiresAt: Math.min(now.getTime() + maxAge, until),
      hits: 0,
      ...(rendered.sharedMaxAgeS === undefined
        ? {}
        : { sharedMaxAgeS: Math.min(rendered.sharedMaxAgeS, this.#options.sharedMaxAgeS) }),
      ...(rendered.onion ? { onion: rendered.onion } : {}),
      ...(rendered.contentSecurityPolicy === undefined
        ? {}
        : { contentSecurityPolicy: rendered.contentSecurityPolicy }),
    };
    return Object.defineProperties(page as CachedPage, {
      gzip: {
        get: () => bodies.gzip,
        set: (body: Buffer) => (bodies.gzip = body),
        enumerable: true,
      },
      br: { get: () => bodies.br, set: (body: Buffer) => (bodies.br = body), enumerable: true },
    });
  }

  #send(
    request: FastifyRequest,
    reply: FastifyReply,
    page: CachedPage,
    outcome: 'HIT' | 'MISS',
  ): void {
    const answer = pageAnswer(
      page,
      request,
      this.#options.sharedMaxAgeS,
      outcome,
      this.#options.now().getTime(),
    );
    const headers = answer.headers;
    for (let i = 0; i < headers.length; i += 2) void reply.header(headers[i]!, headers[i + 1]);
    // HEAD: Fastify's HEAD route would set Content-Length from a body (0 for none), but
    // leaves it as set for a stream, which it drains.
    const body = answer.status === 200 && answer.body === null ? Readable.from([]) : answer.body;
    void reply.code(answer.status).send(body ?? undefined);
  }
}
