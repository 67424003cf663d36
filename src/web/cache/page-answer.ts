/**
 * The answer to a request for a cached page, without a framework: its
 * status, its headers as one flat list (`[name, value, name, value, …]`, the
 * form `res.writeHead()` takes) and its body. Fastify's route (cached-pages.ts)
 * and the fast path before the router (fast-path.ts) both answer with it, so
 * that a hit carries the same headers whichever of them serves it.
 *
 * The body is in the encoding the request accepts (brotli, gzip, or plain,
 * unzipped for the rare client that takes neither), or none with
 * `304 Not Modified` when the reader's copy is current (RFC 9110 §13).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';
import { clientCopyIsCurrent } from '../feeds/conditional-get.js';
import type { CachedPage } from './page-cache.js';

/** Whether the page came from the cache or was just made: the `X-Cache` header. */
export type CacheOutcome = 'HIT' | 'MISS';

/** A page's answer to one request. */
export interface PageAnswer {
  status: 200 | 304;
  /** Flat header list: names at even indexes, their values after them. */
  headers: readonly string[];
  /** The bytes to send (also for HEAD, whose body the server leaves out); null for a 304. */
  body: Buffer | null;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** Accept-Encoding values are few (one per browser build): each is parsed once. */
const encodings = new Negotiator<Encoding>({
  supportedValues: ['br', 'gzip', 'identity'],
  cache: new LRUCache<string, string>({ max: 200 }),
});

/**
 * The encoding of the body for a request's `Accept-Encoding` (RFC 9110
 * §12.5.3). Content codings are case-insensitive (§8.4.1), and `x-gzip` is
 * gzip (§8.4.1.3); the negotiator compares exactly, so the value is put in
 * that form first.
 */
export function encodingFor(acceptEncoding: string | undefined): Encoding {
  const value = (acceptEncoding ?? '').toLowerCase().replace(/(^|[\s,])x-gzip\b/g, '$1gzip');
  return encodings.negotiate(value) ?? 'identity';
}

/**
 * The headers of `page` for one response: representation and cache
 * headers, validators, then `Content-Encoding` and `Content-Length` when
 * `body` is given (none for a 304). `sharedMaxAgeS` is the site's
 * `s-maxage` (CachedPagesOptions.sharedMaxAgeS).
 */
export function pageHeaders(
  page: CachedPage,
  sharedMaxAgeS: number,
  outcome: CacheOutcome,
  body: { encoding: Encoding; length: number } | null,
): string[] {
  const shared = page.sharedMaxAgeS ?? sharedMaxAgeS;
  const headers = [
    'content-type',
    page.contentType,
    'cache-control',
    shared > 0
      ? `public, max-age=0, s-maxage=${shared}, stale-while-revalidate=${shared}`
      : 'public, no-cache',
    'vary',
    'Accept-Encoding',
    'surrogate-key',
    page.keys.join(' '),
    'cache-tag',
    page.keys.join(','),
    'x-cache',
    outcome,
    'etag',
    page.etag,
    'last-modified',
    page.lastModified.toUTCString(),
  ];
  if (body === null) return headers;
  if (body.encoding !== 'identity') headers.push('content-encoding', body.encoding);
  headers.push('content-length', String(body.length));
  return headers;
}

/**
 * The answer of `page` to a request with `headers`, made anew (a miss, or a
 * hit through the router); `now` (ms since the epoch) judges its
 * `If-Modified-Since`.
 */
export function pageAnswer(
  page: CachedPage,
  headers: IncomingHttpHeaders,
  sharedMaxAgeS: number,
  outcome: CacheOutcome,
  now: number,
): PageAnswer {
  if (clientCopyIsCurrent(headers, page, now)) {
    return { status: 304, headers: pageHeaders(page, sharedMaxAgeS, outcome, null), body: null };
  }
  const encoding = encodingFor(headers['accept-encoding']);
  // Nearly every client takes gzip: the plain body is not kept, but unzipped when asked for.
  const body = encoding === 'identity' ? gunzipSync(page.gzip) : page[encoding];
  return {
    status: 200,
    headers: pageHeaders(page, sharedMaxAgeS, outcome, { encoding, length: body.length }),
    body,
  };
}
