/**
 * Fetching an image from the old site (`midad import --fetch-media`), with
 * the limits of an upload and the guard of a webhook: only http(s); a time
 * limit on the whole exchange; the body read as a stream and dropped past
 * the byte limit; every address the host resolves to must be public
 * (lib/public-address.ts: loopback, private and link-local addresses are
 * refused, at connection time, so DNS cannot answer one address when
 * checked and another when connected) unless `allowPrivate`; redirects
 * followed at most `maxRedirects` times, each new address checked the same.
 *
 * node:http(s) rather than `fetch`: Node 20's fetch cannot be given the
 * checked DNS lookup without the undici package. The bytes are not judged
 * here beyond an HTML or text `content-type`: the media service sniffs them.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkedLookup, isPublicAddress } from '../../lib/public-address.js';

export interface FetchLimits {
  /** Longest wait for the whole exchange, redirects included, ms (default 15 s). */
  timeoutMs?: number;
  /** Largest body read, bytes (the upload limit). */
  maxBytes: number;
  /** Allow loopback and private addresses (tests, an old site on the local network). */
  allowPrivate?: boolean;
  /** Redirects followed at most (default 3). */
  maxRedirects?: number;
}

/**
 * An image fetched, or why not, in short English for the import report:
 * `fetch failed: 404`, `fetch failed: ECONNREFUSED`, `not an image (text/html)`,
 * `too large`, `timed out after 15 s`, `refused: … is not a public address`,
 * `too many redirects`, `not an http(s) address`.
 */
export type FetchResult = { ok: true; bytes: Buffer; url: string } | { ok: false; reason: string };

/** Content types that are never an image, whatever the bytes say. */
const NOT_IMAGE = /^(text\/|application\/(json|xml|xhtml\+xml|javascript)\b)/i;

type Step =
  | { kind: 'body'; bytes: Buffer }
  | { kind: 'redirect'; location: string }
  | { kind: 'failed'; reason: string };

/** The literal IP address of a URL's host (IPv6 without brackets), or null for a name. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) === 0 ? null : host;
}

/** One request, no redirect followed; `signal` ends it. */
function requestOnce(url: URL, limits: Required<FetchLimits>, signal: AbortSignal): Promise<Step> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send(
      url,
      {
        signal,
        lookup: checkedLookup(limits.allowPrivate) as never,
        headers: { accept: 'image/*', 'user-agent': 'Midad-Import/1' },
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location) {
          response.resume();
          return resolve({ kind: 'redirect', location });
        }
        if (status < 200 || status > 299) {
          response.resume();
          return resolve({ kind: 'failed', reason: `fetch failed: ${status}` });
        }
        const type = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
        if (NOT_IMAGE.test(type)) {
          resolve({ kind: 'failed', reason: `not an image (${type.toLowerCase()})` });
          return response.destroy();
        }
        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > limits.maxBytes) {
          resolve({ kind: 'failed', reason: 'too large' });
          return response.destroy();
        }
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > limits.maxBytes) {
            resolve({ kind: 'failed', reason: 'too large' });
            response.destroy();
          } else {
            chunks.push(chunk);
          }
        });
        response.on('end', () => resolve({ kind: 'body', bytes: Buffer.concat(chunks) }));
        response.on('error', (error) =>
          resolve({ kind: 'failed', reason: failure(error, limits) }),
        );
        response.on('aborted', () =>
          resolve({ kind: 'failed', reason: 'fetch failed: the answer was cut short' }),
        );
      },
    );
    request.on('error', (error) => resolve({ kind: 'failed', reason: failure(error, limits) }));
    request.end();
  });
}

function timedOut(limits: Required<FetchLimits>): string {
  return `timed out after ${limits.timeoutMs / 1000} s`;
}

/** A request's error in the report's words. */
function failure(error: unknown, limits: Required<FetchLimits>): string {
  const { code, name, message } = error as NodeJS.ErrnoException;
  if (name === 'AbortError' || code === 'ABORT_ERR') return timedOut(limits);
  if (code === 'ENOTPUBLIC') return `refused: ${message}`;
  return `fetch failed: ${code ?? message}`;
}

/**
 * Fetches the image at `url`, within `limits`. Never throws: every
 * failure is a `{ ok: false, reason }`.
 * @example await fetchImage('https://old.example/wp-content/uploads/x.jpg', { maxBytes: 10_485_760 })
 */
export async function fetchImage(url: string, limits: FetchLimits): Promise<FetchResult> {
  const settled: Required<FetchLimits> = {
    timeoutMs: 15_000,
    allowPrivate: false,
    maxRedirects: 3,
    ...limits,
  };
  const signal = AbortSignal.timeout(settled.timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, reason: 'not an http(s) address' };
  }
  for (let redirects = 0; ; redirects++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return { ok: false, reason: 'not an http(s) address' };
    }
    // A literal address is connected to without a lookup, so it is checked here.
    const literal = literalAddress(current);
    if (literal !== null && !settled.allowPrivate && !isPublicAddress(literal)) {
      return { ok: false, reason: `refused: ${literal} is not a public address` };
    }
    const step = await requestOnce(current, settled, signal);
    if (step.kind !== 'body' && signal.aborted) return { ok: false, reason: timedOut(settled) };
    switch (step.kind) {
      case 'body':
        return { ok: true, bytes: step.bytes, url: current.href };
      case 'failed':
        return { ok: false, reason: step.reason };
      case 'redirect':
        if (redirects >= settled.maxRedirects) return { ok: false, reason: 'too many redirects' };
        try {
          current = new URL(step.location, current);
        } catch {
          return { ok: false, reason: 'fetch failed: a redirect to a malformed address' };
        }
    }
  }
}
