/**
 * Page-cache hits answered before Fastify's router and hooks, on the raw
 * Node request (issue 21): a hit then costs about what Node itself needs
 * to send the bytes. The server (app.ts) asks `serve()` first; whatever it
 * declines goes to Fastify unchanged.
 *
 * It answers only a request whose signature the router already mapped to
 * a page (request-keys.ts) while that page is in the cache, fresh: a purge
 * or an expiry sends the next request through the router, which makes the
 * page again. The answer is the router's, byte for byte (page-answer.ts),
 * with the security headers every response carries (security-headers.ts):
 * its headers are made once per page and encoding, not per request (but
 * for `Onion-Location`, which carries the request's path and query). Hits
 * count towards the page's hot recompression as through the router. No
 * line is logged per hit: the hits served here are counted, and a summary
 * is logged at most once a minute.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerFactory } from 'fastify';
import { pageBody, pageChoice, pageHeaders, withOnionLocation } from './page-answer.js';
import type { CachedPages } from './cached-pages.js';
import type { CachedPage } from './page-cache.js';
import type { RequestKeys } from './request-keys.js';
import { answerUriTooLong } from '../uri-too-long.js';

/** Shortest time between two summaries in the log, ms. */
const SUMMARY_EVERY_MS = 60_000;

export interface FastPathOptions {
  pages: CachedPages;
  requestKeys: RequestKeys;
  /** Headers every response carries, as a flat list (security-headers.ts). */
  commonHeaders: readonly string[];
  /** Where the summaries go; read when one is written (the app's logger is made later). */
  log: () => FastifyBaseLogger;
  /** The clock, ms since the epoch, for the summaries and conditional requests (the page cache's). */
  now?: () => number;
}

/** A page's full header lists for a hit, made on its first hit through here. */
interface Wire {
  gzip: string[];
  br: string[];
  identity: string[];
  /** The bodies `gzip` and `br` were made for: a hot page gets smaller ones (cached-pages.ts). */
  gzipBody: Buffer;
  brBody: Buffer;
  /** Without Content-Encoding and Content-Length: a 304's. */
  bodiless: string[];
}

export class FastPath {
  readonly #options: FastPathOptions;
  readonly #wires = new WeakMap<CachedPage, Wire>();
  readonly #now: () => number;
  #served = 0;
  #servedAtSummary = 0;
  #summaryAt: number;
  #stopped = false;

  constructor(options: FastPathOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#summaryAt = this.#now();
  }

  /** Hits answered here since the start (GET and HEAD, 200 and 304). */
  get served(): number {
    return this.#served;
  }

  /** From now on every request goes to Fastify (which answers 503 while closing). */
  stop(): void {
    this.#stopped = true;
  }

  /**
   * Answers `request` on `response` when it asks for a cached page the
   * router has mapped already; returns false, having done nothing, otherwise.
   * An error before anything is sent leaves the request to Fastify (which
   * answers errors); one after, which leaves half an answer, closes the
   * connection.
   */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.#stopped) return false;
    try {
      return this.#answer(request, response);
    } catch (error) {
      this.#options.log().error({ err: error }, 'page cache hit not served before the router');
      if (!response.headersSent) return false;
      response.destroy();
      return true;
    }
  }

  #answer(request: IncomingMessage, response: ServerResponse): boolean {
    const key = this.#options.requestKeys.find(request);
    if (key === undefined) return false;
    const page = this.#options.pages.hit(key);
    if (page === undefined) return false;
    const wire = this.#wire(page);
    const headers = request.headers;
    // Only a conditional request reads the clock.
    const conditional =
      headers['if-none-match'] !== undefined || headers['if-modified-since'] !== undefined;
    const choice = pageChoice(page, headers, conditional ? this.#now() : 0);
    if (choice === 304) {
      response.writeHead(304, withOnionLocation(wire.bodiless, page, request));
      response.end();
    } else {
      response.writeHead(200, withOnionLocation(wire[choice], page, request));
      // HEAD sends the headers only: a plain body is not even unzipped.
      response.end(request.method === 'HEAD' ? undefined : pageBody(page, choice));
    }
    this.#count();
    return true;
  }

  /** The header lists of `page`, made again when one of its bodies has changed. */
  #wire(page: CachedPage): Wire {
    let wire = this.#wires.get(page);
    if (!wire || wire.brBody !== page.br || wire.gzipBody !== page.gzip)
      this.#wires.set(page, (wire = this.#make(page)));
    return wire;
  }

  #make(page: CachedPage): Wire {
    const common = withoutPolicy(this.#options.commonHeaders, page);
    const shared = this.#options.pages.sharedMaxAgeS;
    const of = (encoding: 'br' | 'gzip' | 'identity' | null) => [
      ...common,
      ...pageHeaders(page, shared, 'HIT', encoding),
    ];
    return {
      gzip: of('gzip'),
      br: of('br'),
      identity: of('identity'),
      gzipBody: page.gzip,
      brBody: page.br,
      bodiless: of(null),
    };
  }

  #count(): void {
    this.#served += 1;
    const now = this.#now();
    if (now - this.#summaryAt < SUMMARY_EVERY_MS) return;
    this.#options
      .log()
      .info(
        { hits: this.#served - this.#servedAtSummary, sinceMs: now - this.#summaryAt },
        'page cache hits served before the router',
      );
    this.#summaryAt = now;
    this.#servedAtSummary = this.#served;
  }
}

/**
 * `headers` (a flat list) without the site's Content-Security-Policy when
 * `page` carries its own (pageHeaders adds it): one policy is sent, not
 * two, which a browser would both enforce.
 */
function withoutPolicy(headers: readonly string[], page: CachedPage): readonly string[] {
  if (page.contentSecurityPolicy === undefined) return headers;
  const kept: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i]!.toLowerCase() !== 'content-security-policy')
      kept.push(headers[i]!, headers[i + 1]!);
  }
  return kept;
}

/**
 * Fastify's `serverFactory`: an HTTP server that offers each request to
 * `fastPath` first and hands what it declines to Fastify, with the
 * timeouts Fastify gives its own server (fastify/lib/server.js; its
 * defaults are in the options it passes), and that answers an address too
 * long to read 414 with `uriTooLong` (uri-too-long.ts).
 */
export function serverWithFastPath(fastPath: FastPath, uriTooLong: string): FastifyServerFactory {
  return (handler, options) => {
    const setting = (name: string): number => {
      const value = options[name];
      return typeof value === 'number' ? value : 0;
    };
    const server = createServer((request, response) => {
      if (!fastPath.serve(request, response)) handler(request, response);
    });
    answerUriTooLong(server, uriTooLong);
    server.keepAliveTimeout = setting('keepAliveTimeout');
    server.requestTimeout = setting('requestTimeout');
    server.setTimeout(setting('connectionTimeout'));
    const perSocket = setting('maxRequestsPerSocket');
    if (perSocket > 0) server.maxRequestsPerSocket = perSocket;
    return server;
  };
}
