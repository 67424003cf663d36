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
import { onionLocation } from './onion-location.js';
import type { CachedPage } from './page-cache.js';

/** Whether the page came from the cache or was just made: the `X-Cache` header. */
export type CacheOutcome = 'HIT' | 'MISS';

/** A page's answer to one request. */
export interface PageAnswer {
  status: 200 | 304;
  /** Flat header list: names at even indexes, their values after them. */
  headers: readonly string[];
  /** The bytes to send; null for a 304 and for HEAD (whose Content-Length is still GET's). */
  body: Buffer | null;
}

type Encoding = 'br' | 'gzip' | 'identity';

const encodings = new Negotiator<Encoding>({ supportedValues: ['br', 'gzip', 'identity'] });

/**
 * Accept-Encoding values are few (one per browser build): each is read
 * once, and its encoding found again by the value as sent. The 200 values
 * used last, of up to KNOWN_LENGTH characters, are kept; a longer one is
 * read each time.
 */
const known = new LRUCache<string, Encoding>({ max: 200 });
const KNOWN_LENGTH = 256;

/**
 * The encoding of the body for a request's `Accept-Encoding` (RFC 9110
 * §12.5.3). Content codings are case-insensitive (§8.4.1), and `x-gzip` is
 * gzip (§8.4.1.3); the negotiator compares exactly, so the value is put in
 * that form first.
 */
export function encodingFor(acceptEncoding: string | undefined): Encoding {
  const raw = acceptEncoding ?? '';
  let encoding = known.get(raw);
  if (encoding !== undefined) return encoding;
  const value = raw.toLowerCase().replace(/(^|[\s,])x-gzip\b/g, '$1gzip');
  encoding = encodings.negotiate(value) ?? 'identity';
  if (raw.length <= KNOWN_LENGTH) known.set(raw, encoding);
  return encoding;
}

/**
 * What a request with `headers` gets of `page`: `304` when its copy is
 * current (RFC 9110 §13; `now`, ms since the epoch, judges
 * `If-Modified-Since`), else a 200 in the encoding it accepts. Both the
 * route and the fast path choose with it.
 */
export function pageChoice(
  page: CachedPage,
  headers: IncomingHttpHeaders,
  now: number,
): 304 | Encoding {
  if (clientCopyIsCurrent(headers, page, now)) return 304;
  return encodingFor(headers['accept-encoding']);
}

/**
 * The body of `page` in `encoding`. Nearly every client takes gzip: the
 * plain body is not kept, but unzipped when asked for.
 */
export function pageBody(page: CachedPage, encoding: Encoding): Buffer {
  return encoding === 'identity' ? gunzipSync(page.gzip) : page[encoding];
}

/**
 * The headers of `page` for one response: representation and cache
 * headers, validators, the page's own Content-Security-Policy when it has
 * one (it replaces the site's: the route's header wins over the one every
 * response is given first, and the fast path leaves the site's out), then
 * `Content-Encoding` and `Content-Length` of its body in `encoding` (none
 * for a 304: null). `sharedMaxAgeS` is the site's `s-maxage`
 * (CachedPagesOptions.sharedMaxAgeS).
 */
export function pageHeaders(
  page: CachedPage,
  sharedMaxAgeS: number,
  outcome: CacheOutcome,
  encoding: Encoding | null,
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
    // An HTML page is another one for a browser asking to save data (save-data.ts).
    page.contentType.startsWith('text/html') ? 'Accept-Encoding, Save-Data' : 'Accept-Encoding',
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
  if (page.contentSecurityPolicy !== undefined)
    headers.push('content-security-policy', page.contentSecurityPolicy);
  if (encoding === null) return headers;
  if (encoding !== 'identity') headers.push('content-encoding', encoding);
  const length = encoding === 'identity' ? page.plainLength : page[encoding].length;
  headers.push('content-length', String(length));
  return headers;
}

/**
 * `headers` with the page's `Onion-Location` for `request` appended, when
 * it has one (onion-location.ts); `headers` itself otherwise.
 */
export function withOnionLocation(
  headers: string[],
  page: CachedPage,
  request: { url?: string | undefined; headers: IncomingHttpHeaders },
): string[] {
  const location = onionLocation(page.onion, request.url ?? '', request.headers);
  return location === null ? headers : [...headers, 'onion-location', location];
}

/**
 * The answer of `page` to `request`, made anew (a miss, or a hit through
 * the router); `now` (ms since the epoch) judges its `If-Modified-Since`.
 * HEAD gets GET's headers and no body: a plain body is not even unzipped.
 */
export function pageAnswer(
  page: CachedPage,
  request: { method: string; url?: string | undefined; headers: IncomingHttpHeaders },
  sharedMaxAgeS: number,
  outcome: CacheOutcome,
  now: number,
): PageAnswer {
  const choice = pageChoice(page, request.headers, now);
  const encoding = choice === 304 ? null : choice;
  const headers = withOnionLocation(
    pageHeaders(page, sharedMaxAgeS, outcome, encoding),
    page,
    request,
  );
  if (encoding === null) return { status: 304, headers, body: null };
  return {
    status: 200,
    headers,
    body: request.method === 'HEAD' ? null : pageBody(page, encoding),
  };
}
