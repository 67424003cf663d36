/**
 * Conditional GET for feeds and sitemaps (RFC 9110 §13): a feed reader
 * that polls every few minutes sends back the `ETag` and `Last-Modified`
 * it was given, and gets `304 Not Modified` with no body until something
 * changed.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseHttpDate } from '../../lib/http-date.js';

export interface Validators {
  /**
   * A weak entity tag, `W/"3f1c…"`: weak because the body is the same
   * document whether or not it is sent compressed.
   */
  etag: string;
  /** The newest change among the items (UTC), or null for an empty list. */
  lastModified: Date | null;
}

/**
 * A weak entity tag of `content` (a body, or what decides one): `W/"…"`
 * with 27 characters of its SHA-256 in base64url, 162 bits.
 */
export function etagOf(content: string | Buffer): string {
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/**
 * Validators of a document made from `parts` (whatever decides its bytes:
 * item ids with their update times, the format, the settings) whose newest
 * item changed at `lastModified`.
 */
export function validatorsOf(parts: readonly string[], lastModified: Date | null): Validators {
  return { etag: etagOf(parts.join('\n')), lastModified };
}

/**
 * Sets `ETag` and `Last-Modified` on `reply` and answers whether the
 * client's copy is current (clientCopyIsCurrent).
 */
export function isNotModified(
  request: FastifyRequest,
  reply: FastifyReply,
  validators: Validators,
): boolean {
  reply.header('etag', validators.etag);
  if (validators.lastModified) reply.header('last-modified', validators.lastModified.toUTCString());
  return clientCopyIsCurrent(request.headers, validators);
}

/**
 * Whether the copy a request's conditional headers name is current, so that
 * it is answered `304 Not Modified`. `If-None-Match` (a weak comparison, or
 * `*`) wins over `If-Modified-Since` when both are sent (RFC 9110 §13.2.2);
 * HTTP dates have whole seconds, so the comparison is made in seconds. An
 * `If-Modified-Since` that is not an HTTP-date, or is later than `now`
 * (ms since the epoch), is ignored (§13.1.3). Framework-free: the page
 * cache's fast path (cache/fast-path.ts) uses it on raw Node requests.
 */
export function clientCopyIsCurrent(
  headers: IncomingHttpHeaders,
  validators: Validators,
  now: number = Date.now(),
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === validators.etag.slice(2) || tag === '*');
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince === undefined || validators.lastModified === null) return false;
  const since = parseHttpDate(ifModifiedSince, now);
  return (
    since !== null &&
    since <= now &&
    Math.floor(validators.lastModified.getTime() / 1000) * 1000 <= since
  );
}
