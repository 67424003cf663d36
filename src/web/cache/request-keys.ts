/**
 * Which cached page a request asks for, remembered from the router's own
 * answer. A route computes a page's cache key from the request's origin and
 * path (`https://news.example/a/258…`) after Fastify has routed it, checked
 * its host and chosen the origin with its proxy rules; the fast path
 * (fast-path.ts) runs before all of that and cannot. So each request that
 * the page cache answers through the router is remembered here by its
 * signature, everything that decided its route and origin, with the key
 * the route gave it; a later request with the same signature is the same
 * page.
 *
 * The signature holds the raw URL (path and query, byte for byte; GET and
 * HEAD share it, as the router answers HEAD with GET's route), the Host header and the local address and port the request came
 * to (host-check.ts allows a host by them); and when it carries
 * X-Forwarded-Host or X-Forwarded-Proto, their values with the client's
 * address, since whether they are believed depends on that address
 * (MIDAD_TRUST_PROXY); and whether it sends `Save-Data: on`, which gets
 * another page (save-data.ts). A request whose host the router refused is never
 * answered by the cache, so never remembered: a forged Host finds nothing.
 * Bounded with least-recently-used eviction, and in the length of what is
 * remembered: a request forgotten, or too long to remember, only goes
 * through the router again.
 */
import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import { saveDataOn } from '../save-data.js';

/** Signatures remembered at most: some 200 bytes each. */
const MAX_SIGNATURES = 20_000;

/**
 * The longest signature remembered, in characters. A URL or Host can run
 * to Node's 16 KiB header limit: kept, 20,000 of them would hold some
 * 320 MB. A longer request only goes through the router each time.
 */
export const MAX_SIGNATURE_LENGTH = 1024;

/**
 * The signature of `request`, or null for one the fast path never answers:
 * a method other than GET and HEAD, a body (`Transfer-Encoding`, or a
 * `Content-Length` other than 0), `Expect`, `Upgrade`, or a URL not in
 * origin form (`/path?query`, RFC 9112 §3.2.1).
 */
export function requestSignature(request: IncomingMessage): string | null {
  const { method, url } = request;
  if ((method !== 'GET' && method !== 'HEAD') || url === undefined || url[0] !== '/') return null;
  const headers = request.headers;
  const length = headers['content-length'];
  if (
    (length !== undefined && length !== '0') ||
    headers['transfer-encoding'] !== undefined ||
    headers.expect !== undefined ||
    headers.upgrade !== undefined
  ) {
    return null;
  }
  const socket = request.socket;
  const signature = `${url}\n${headers.host ?? ''}\n${socket.localAddress} ${socket.localPort}${saveDataOn(headers) ? '\nsave-data' : ''}`;
  const forwardedHost = headers['x-forwarded-host'];
  const forwardedProto = headers['x-forwarded-proto'];
  if (forwardedHost === undefined && forwardedProto === undefined) return signature;
  return `${signature}\n${socket.remoteAddress}\n${forwardedHost ?? ''}\n${forwardedProto ?? ''}`;
}

/** Cache keys of requests the page cache has answered, by request signature. */
export class RequestKeys {
  readonly #keys = new LRUCache<string, string>({ max: MAX_SIGNATURES });

  /** Remembers that requests like `request` ask for the page cached under `key`. */
  remember(request: IncomingMessage, key: string): void {
    const signature = requestSignature(request);
    if (signature !== null && signature.length <= MAX_SIGNATURE_LENGTH)
      this.#keys.set(signature, key);
  }

  /** The cache key remembered for requests like `request`, or undefined. */
  find(request: IncomingMessage): string | undefined {
    const signature = requestSignature(request);
    return signature === null ? undefined : this.#keys.get(signature);
  }

  /** Signatures held. */
  get size(): number {
    return this.#keys.size;
  }
}
