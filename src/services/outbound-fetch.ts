/**
 * One guarded outbound HTTP(S) request, for everything Midad fetches from
 * addresses others give it (an old site's images, an agency's feed): only
 * http(s); a time limit on connecting and one on the whole exchange
 * (redirects and reading the body included); the body read as a stream and
 * refused past the byte limit (a `content-length` over it is refused before
 * reading); every address the host resolves to must be public
 * (lib/public-address.ts: loopback, private and link-local addresses are
 * refused at connection time, so DNS cannot answer one address when
 * checked and another when connected) unless `allowPrivate`; redirects
 * followed at most `maxRedirects` times, each new address checked the same;
 * a new connection for each request; with `decompress`, a gzip, deflate or
 * brotli body decompressed within the byte limit.
 *
 * node:http(s) rather than `fetch`: Node 20's fetch cannot be given the
 * checked DNS lookup without the undici package.
 *
 * Reasons are short English for reports and status lines:
 * `fetch failed: 404`, `fetch failed: ECONNREFUSED`, `too large`,
 * `timed out after 15 s`, `timed out connecting after 5 s`,
 * `refused: … is not a public address`, `too many redirects`,
 * `not an http(s) address`, `stopped` (the caller's signal ended it).
 */
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { pipeline, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { checkedLookup, isPublicAddress } from '../lib/public-address.js';

/** The limits of one exchange. */
export interface OutboundLimits {
  /** Longest wait for the whole exchange, redirects and body included, ms (default 15 s). */
  timeoutMs?: number;
  /** Longest wait for a connection to be made, each redirect's included, ms (default: `timeoutMs`). */
  connectTimeoutMs?: number;
  /** Largest body read, bytes. */
  maxBytes: number;
  /** Allow loopback and private addresses (tests, a source on the local network). */
  allowPrivate?: boolean;
  /** Redirects followed at most (default 3). */
  maxRedirects?: number;
}

/** What is asked, beyond the address. */
export interface OutboundRequest {
  /** Request headers (`accept`, `user-agent`, `if-none-match`, `if-modified-since`…), lower-case names. */
  headers?: Record<string, string>;
  /**
   * Looks at a success's media type (lower-cased, without parameters; '' when
   * none) before its body is read, and returns the reason to refuse it, or null.
   */
  refuseContentType?: (type: string) => string | null;
  /** Ends the exchange early (a server stopping); the reason is then `stopped`. */
  signal?: AbortSignal;
  /**
   * Ask for a compressed body (`accept-encoding: gzip, deflate, br`) and
   * hand it over decompressed; `maxBytes` then limits the decompressed bytes
   * (a small body that inflates past it is refused as `too large`).
   */
  decompress?: boolean;
}

/** A failure while reading a body that had started well (`too large`, a time limit, a cut). */
export class OutboundFetchError extends Error {
  /** The same short English as `message`. */
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'OutboundFetchError';
    this.reason = reason;
  }
}

/** An answer: a success (2xx) or "not modified" (304), its body not yet read. */
export interface OutboundResponse {
  ok: true;
  /** 200–299, or 304. */
  status: number;
  /** The address that answered, after redirects. */
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** The whole `content-type` header (charset included), or null. */
  contentType: string | null;
  /**
   * The body as it arrives, once: chunks within the byte and time limits.
   * @throws OutboundFetchError `too large`, `timed out after …`, `fetch failed: …` while reading.
   */
  body: AsyncIterable<Uint8Array>;
  /** The body read whole. @throws OutboundFetchError as `body` */
  bytes(): Promise<Buffer>;
  /** Drops the body unread (always safe to call, also after reading). */
  discard(): void;
}

/** A failure before any body: the reason, and the status when the server answered one. */
export interface OutboundFailure {
  ok: false;
  reason: string;
  status: number | null;
}

export type OutboundResult = OutboundResponse | OutboundFailure;

type Settled = Required<OutboundLimits>;

type Step =
  | { kind: 'answer'; response: IncomingMessage }
  | { kind: 'redirect'; location: string }
  | { kind: 'failed'; reason: string; status: number | null };

/** The reason a connection's time limit aborts with (the whole exchange's is a DOMException `TimeoutError`). */
class ConnectTimeout extends Error {}

/** The literal IP address of a URL's host (IPv6 without brackets), or null for a name. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) === 0 ? null : host;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/** The content codings a `decompress` request accepts, and their decoders. */
const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The `content-encoding` of an answer, lower-cased; '' for none or `identity`. */
function contentCoding(response: IncomingMessage): string {
  const coding = (header(response, 'content-encoding') ?? '').trim().toLowerCase();
  return coding === 'identity' ? '' : coding;
}

/** A request's or response's error in the report's words. */
function failure(error: unknown, limits: Settled, signal: AbortSignal): string {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof ConnectTimeout) {
      return `timed out connecting after ${seconds(limits.connectTimeoutMs)}`;
    }
    if (reason instanceof DOMException && reason.name === 'TimeoutError') {
      return `timed out after ${seconds(limits.timeoutMs)}`;
    }
    return 'stopped';
  }
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'ENOTPUBLIC') return `refused: ${message}`;
  if ((code === 'ECONNRESET' && message === 'aborted') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return 'fetch failed: the answer was cut short';
  }
  if (code?.startsWith('Z_')) return `fetch failed: the compressed body is damaged (${code})`;
  return `fetch failed: ${code ?? message}`;
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * One request, no redirect followed. The connection must be made within
 * `connectTimeoutMs`; `signal` (the whole exchange's) ends it at any time.
 */
function requestOnce(
  url: URL,
  request: OutboundRequest,
  limits: Settled,
  signal: AbortSignal,
): Promise<Step> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const connecting = new AbortController();
  const both = AbortSignal.any([signal, connecting.signal]);
  return new Promise((resolve) => {
    const timer = setTimeout(() => connecting.abort(new ConnectTimeout()), limits.connectTimeoutMs);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      resolve({ kind: 'failed', reason: failure(error, limits, both), status: null });
    };
    const outgoing = send(
      url,
      {
        signal: both,
        // A connection of its own: Node 20's global agent keeps sockets alive, and one the
        // server closed since (a feed polled minutes later) fails as ECONNRESET when reused.
        agent: false,
        lookup: checkedLookup(limits.allowPrivate) as never,
        headers: {
          ...(request.decompress ? { 'accept-encoding': 'gzip, deflate, br' } : {}),
          ...request.headers,
        },
      },
      (response: IncomingMessage) => {
        clearTimeout(timer);
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location) {
          response.resume();
          return resolve({ kind: 'redirect', location });
        }
        if (status !== 304 && (status < 200 || status > 299)) {
          response.resume();
          return resolve({ kind: 'failed', reason: `fetch failed: ${status}`, status });
        }
        if (status !== 304) {
          const type = (header(response, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
          const refused = request.refuseContentType?.(type.toLowerCase()) ?? null;
          if (refused !== null) {
            resolve({ kind: 'failed', reason: refused, status });
            return response.destroy();
          }
          const coding = contentCoding(response);
          if (coding !== '' && !(request.decompress && coding in DECODERS)) {
            resolve({ kind: 'failed', reason: `fetch failed: a body in ${coding}`, status });
            return response.destroy();
          }
          const declared = Number(response.headers['content-length']);
          if (Number.isFinite(declared) && declared > limits.maxBytes) {
            resolve({ kind: 'failed', reason: 'too large', status });
            return response.destroy();
          }
        }
        resolve({ kind: 'answer', response });
      },
    );
    outgoing.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(timer);
      else socket.once('connect', () => clearTimeout(timer));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

/** The body of `response`, chunk by chunk, within the limits. */
async function* limitedBody(
  response: IncomingMessage,
  limits: Settled,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  let cut = false;
  response.on('aborted', () => void (cut = true));
  const makeDecoder = DECODERS[contentCoding(response)];
  const decoder = makeDecoder?.();
  const source = decoder ? pipeline(response, decoder, () => {}) : response;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (read > limits.maxBytes) throw new OutboundFetchError('too large');
      yield chunk;
    }
    if (signal.aborted) throw new OutboundFetchError(failure(null, limits, signal));
    if (cut || !response.complete) {
      throw new OutboundFetchError('fetch failed: the answer was cut short');
    }
  } catch (error) {
    if (error instanceof OutboundFetchError) throw error;
    throw new OutboundFetchError(failure(error, limits, signal), { cause: error });
  } finally {
    decoder?.destroy();
    response.destroy();
  }
}

function answer(
  response: IncomingMessage,
  url: URL,
  limits: Settled,
  signal: AbortSignal,
): OutboundResponse {
  const status = response.statusCode ?? 0;
  if (status === 304) response.resume();
  const body = status === 304 ? (async function* () {})() : limitedBody(response, limits, signal);
  return {
    ok: true,
    status,
    url: url.href,
    etag: header(response, 'etag'),
    lastModified: header(response, 'last-modified'),
    contentType: header(response, 'content-type'),
    body,
    async bytes() {
      const chunks: Uint8Array[] = [];
      for await (const chunk of body) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    discard() {
      void body.return(undefined);
      response.destroy();
    },
  };
}

/**
 * Asks `url` for its content within `limits`, following redirects. Never
 * throws: a failure before the body is `{ ok: false, reason, status }`; a
 * failure while reading the body throws OutboundFetchError from `body`/`bytes()`.
 * A 304 is a success with an empty body (ask with `if-none-match` /
 * `if-modified-since` to get one).
 * @example
 * const answer = await outboundFetch('https://agency.example/ar/rss', { headers: { 'if-none-match': '"v1"' } }, { maxBytes: 16_777_216 });
 * if (answer.ok && answer.status === 200) await readWireDocument(answer.body, { contentType: answer.contentType });
 */
export async function outboundFetch(
  url: string,
  request: OutboundRequest,
  limits: OutboundLimits,
): Promise<OutboundResult> {
  const timeoutMs = limits.timeoutMs ?? 15_000;
  const settled: Settled = {
    allowPrivate: false,
    maxRedirects: 3,
    ...limits,
    timeoutMs,
    connectTimeoutMs: limits.connectTimeoutMs ?? timeoutMs,
  };
  const timeout = AbortSignal.timeout(settled.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, reason: 'not an http(s) address', status: null };
  }
  for (let redirects = 0; ; redirects++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return { ok: false, reason: 'not an http(s) address', status: null };
    }
    // A literal address is connected to without a lookup, so it is checked here.
    const literal = literalAddress(current);
    if (literal !== null && !settled.allowPrivate && !isPublicAddress(literal)) {
      return { ok: false, reason: `refused: ${literal} is not a public address`, status: null };
    }
    const step = await requestOnce(current, request, settled, signal);
    switch (step.kind) {
      case 'answer':
        return answer(step.response, current, settled, signal);
      case 'failed':
        return { ok: false, reason: step.reason, status: step.status };
      case 'redirect':
        if (signal.aborted) {
          return { ok: false, reason: failure(null, settled, signal), status: null };
        }
        if (redirects >= settled.maxRedirects) {
          return { ok: false, reason: 'too many redirects', status: null };
        }
        try {
          current = new URL(step.location, current);
        } catch {
          return {
            ok: false,
            reason: 'fetch failed: a redirect to a malformed address',
            status: null,
          };
        }
    }
  }
}
