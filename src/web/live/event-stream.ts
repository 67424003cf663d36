/**
 * The Server-Sent Events hub (issue 19): readers of a live page (topic
 * `a<id>`) and the newsroom's live dashboard (topic `dashboard`) hold one
 * long response each, and the server writes events into them as they
 * happen.
 *
 * It must stay cheap at a breaking-news spike (5,000 streams on one
 * instance; see `npm run bench`), so a stream is one small object in one
 * Set per topic: no timer per stream (one heartbeat interval for all, only
 * while a stream is open), one shared 'close' listener, and an event is
 * formatted once however many streams it is written to. A stream whose
 * reader does not keep up (more than MAX_BUFFERED_BYTES waiting in its
 * socket) is dropped rather than buffered without end: the browser
 * reconnects with `Last-Event-ID` and is sent what it missed.
 *
 * One client address may hold at most `maxPerAddress` streams (one Map of
 * counts, an address leaving it when its last stream closes): without it,
 * one client could take every slot and leave the rest to 503. The address
 * is `request.ip`, which is the X-Forwarded-For of a trusted proxy
 * (MIDAD_TRUST_PROXY) and the socket's otherwise.
 *
 * A stream answers its reply outside Fastify's pipeline (`reply.hijack()`):
 * no compression (a compressed stream is held back by the compressor), no
 * page cache; the security headers set by the app's hooks are copied onto
 * it. Format: https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One event. `data` may hold line breaks: each line goes out as its own `data:` line. */
export interface ServerSentEvent {
  /** The event's type (`update`, `state`); absent: the browser's `message`. No line breaks. */
  event?: string;
  /** Sent back by the browser as `Last-Event-ID` when it reconnects. No line breaks, no NUL. */
  id?: string;
  data: string;
}

/** An open stream, as `EventStreams.open` gives it. */
export interface Connection {
  readonly topic: string;
  /** Writes `e` to this stream alone; false when it is closed (or was just dropped as too slow). */
  send(e: ServerSentEvent): boolean;
  /** Ends this stream. */
  close(): void;
}

/** Heartbeat, ms: under the 60 s that nginx (proxy_read_timeout) and most proxies wait by default. */
export const HEARTBEAT_MS = 25_000;
/** The reconnection delay told to browsers (`retry:`), ms. */
export const RETRY_MS = 5_000;
/** Retry-After of the 503 sent when the hub is full, s. */
export const FULL_RETRY_AFTER_S = 30;
/** Retry-After of the 429 sent to an address holding `maxPerAddress` streams, s. */
export const ADDRESS_RETRY_AFTER_S = 30;
/**
 * Bytes that may wait in one stream's socket before it is dropped: some
 * hundred update events. A reader on a working connection takes them in
 * well under a heartbeat; beyond that it has stalled.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * `e` as the bytes of the event stream format: `event:`, `id:`, one
 * `data:` line per line of `data` (CRLF, CR and LF all count as breaks, as
 * the browser reads them), then a blank line.
 *
 * @example formatEvent({ event: 'update', id: '7', data: '{"a":1}' })
 *   // 'event: update\nid: 7\ndata: {"a":1}\n\n'
 * @throws RangeError when `event` or `id` holds a line break (or `id` a NUL),
 *   which would end or split the event.
 */
export function formatEvent(e: ServerSentEvent): string {
  let out = '';
  if (e.event !== undefined) {
    if (/[\r\n]/.test(e.event)) throw new RangeError('an event name may not hold a line break');
    out += `event: ${e.event}\n`;
  }
  if (e.id !== undefined) {
    if (/[\r\n\0]/.test(e.id)) throw new RangeError('an event id may not hold a line break or NUL');
    out += `id: ${e.id}\n`;
  }
  for (const line of e.data.split(LINE_BREAK)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** The heartbeat: a comment line, which browsers ignore and proxies see as traffic. */
const HEARTBEAT = Buffer.from(':\n\n');

/** Headers a stream's own headers replace, or that a stream may not carry. */
const REPLACED_HEADERS = new Set([
  'content-type',
  'cache-control',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'etag',
  'last-modified',
  'vary',
]);

/**
 * The headers of a stream: those the app's hooks set on `reply` (the
 * security headers) and the stream's own.
 */
function streamHeaders(reply: FastifyReply): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined && !REPLACED_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers['content-type'] = 'text/event-stream; charset=utf-8';
  headers['cache-control'] = 'no-store';
  headers['x-accel-buffering'] = 'no';
  headers.connection = 'keep-alive';
  return headers;
}

/** Answers `reply` (through Fastify) with `status`, Retry-After `retryAfterS` and a one-line text. */
function refuse(reply: FastifyReply, status: 429 | 503, retryAfterS: number, what: string): void {
  void reply
    .code(status)
    .header('retry-after', String(retryAfterS))
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(`${what}: try again later.\n`);
}

class Stream implements Connection {
  constructor(
    readonly topic: string,
    /** The client's address (request.ip), as counted against maxPerAddress. */
    readonly address: string,
    readonly response: ServerResponse,
    private readonly hub: EventStreams,
  ) {}

  send(e: ServerSentEvent): boolean {
    return this.hub.write(this, formatEvent(e));
  }

  close(): void {
    this.hub.end(this);
  }
}

/**
 * The event streams of one instance, by topic. One per app (`app.eventStreams`),
 * ended by the app's close. See the module's comment.
 */
export class EventStreams {
  readonly #maxConnections: number;
  readonly #maxPerAddress: number;
  /** Open streams by client address; an address with none is not in it. */
  readonly #byAddress = new Map<string, number>();
  readonly #heartbeatMs: number;
  readonly #retry: string;
  readonly #topics = new Map<string, Set<Stream>>();
  /** The stream of each open response, for the one shared 'close' listener. */
  readonly #byResponse = new WeakMap<ServerResponse, Stream>();
  readonly #onClose: (this: ServerResponse) => void;
  #size = 0;
  #heartbeat: NodeJS.Timeout | null = null;
  #closed = false;

  /**
   * @param options.maxConnections streams held at most (MIDAD_SSE_MAX_CONNECTIONS); more get 503.
   * @param options.maxPerAddress streams held at most for one client address
   *   (MIDAD_SSE_MAX_PER_ADDRESS); more get 429. Default: no cap but maxConnections.
   * @param options.heartbeatMs interval of the heartbeat comment, ms (default HEARTBEAT_MS).
   * @param options.retryMs the reconnection delay told to browsers, ms (default RETRY_MS).
   */
  constructor(options: {
    maxConnections: number;
    maxPerAddress?: number;
    heartbeatMs?: number;
    retryMs?: number;
  }) {
    this.#maxConnections = options.maxConnections;
    this.#maxPerAddress = options.maxPerAddress ?? options.maxConnections;
    this.#heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    this.#retry = `retry: ${Math.max(0, Math.round(options.retryMs ?? RETRY_MS))}\n\n`;
    const byResponse = this.#byResponse;
    const forget = (stream: Stream) => this.#forget(stream);
    this.#onClose = function (this: ServerResponse) {
      const stream = byResponse.get(this);
      if (stream) forget(stream);
    };
  }

  /**
   * Answers `reply` as an event stream on `topic`, hijacking it: the status
   * and headers (with the security headers already set on `reply`), then
   * `retry:`, then whatever `onOpen` sends (e.g. the updates missed since
   * `Last-Event-ID`), then the topic's broadcasts until either side closes.
   * A HEAD request gets the headers alone.
   *
   * When the hub holds `maxConnections` streams, or is closed: answers 503
   * with Retry-After (through Fastify, like any response) and returns null.
   * When `request.ip` already holds `maxPerAddress` streams: answers 429
   * with Retry-After the same way, and returns null. Both are `no-store`.
   * The route's handler then returns `reply`.
   */
  open(
    request: FastifyRequest,
    reply: FastifyReply,
    topic: string,
    onOpen?: (send: (e: ServerSentEvent) => void) => void,
  ): Connection | null {
    if (this.#closed || this.#size >= this.#maxConnections) {
      refuse(reply, 503, FULL_RETRY_AFTER_S, 'Too many live connections on this server');
      return null;
    }
    const address = request.ip;
    const held = this.#byAddress.get(address) ?? 0;
    if (held >= this.#maxPerAddress) {
      refuse(reply, 429, ADDRESS_RETRY_AFTER_S, 'Too many live connections from your address');
      return null;
    }
    const headers = streamHeaders(reply);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return null;
    }
    const stream = new Stream(topic, address, response, this);
    let streams = this.#topics.get(topic);
    if (!streams) {
      streams = new Set();
      this.#topics.set(topic, streams);
    }
    streams.add(stream);
    this.#byResponse.set(response, stream);
    response.once('close', this.#onClose);
    this.#size += 1;
    this.#byAddress.set(address, held + 1);
    if (this.#heartbeat === null) {
      this.#heartbeat = setInterval(() => this.#beat(), this.#heartbeatMs);
      this.#heartbeat.unref();
    }
    if (!this.write(stream, this.#retry)) return null;
    if (onOpen) onOpen((e) => void this.write(stream, formatEvent(e)));
    return stream.response.destroyed ? null : stream;
  }

  /**
   * Writes `e` to every stream of `topic`, formatted once.
   * @returns the number of streams written to (slow ones dropped are not counted).
   */
  broadcast(topic: string, e: ServerSentEvent): number {
    const streams = this.#topics.get(topic);
    if (!streams) return 0;
    // Encoded once: each stream is then handed the same bytes.
    const bytes = Buffer.from(formatEvent(e));
    let written = 0;
    // A dropped stream leaves the Set at once: iterate over a copy.
    for (const stream of [...streams]) if (this.write(stream, bytes)) written += 1;
    return written;
  }

  /** Streams open on `topic`: a broadcaster skips its work when there are none. */
  subscribers(topic: string): number {
    return this.#topics.get(topic)?.size ?? 0;
  }

  /** Streams open on every topic. */
  get size(): number {
    return this.#size;
  }

  /** Client addresses holding at least one stream (the size of the per-address counts). */
  get addresses(): number {
    return this.#byAddress.size;
  }

  /** Streams open for the client address `address` (as request.ip gives it). */
  streamsOf(address: string): number {
    return this.#byAddress.get(address) ?? 0;
  }

  /**
   * Ends every stream of `topic` (each socket too, as `closeAll`), after
   * whatever was broadcast to them: a live coverage that ended has nothing
   * more to send, and a client that does not close its stream itself (not
   * the page's live.js, which does) would hold its slot for ever. New
   * streams of the topic are still taken (the route then sends the ended
   * state and closes them at once).
   * @returns the number of streams ended.
   */
  closeTopic(topic: string): number {
    const streams = this.#topics.get(topic);
    if (!streams) return 0;
    const ending = [...streams];
    for (const stream of ending) this.end(stream);
    return ending.length;
  }

  /**
   * Ends every stream (the app's close, so that it waits on none) and
   * refuses new ones with 503 from then on. Each socket is ended too: a
   * stream is never followed by another request on its connection, and an
   * idle keep-alive socket would hold the server's close.
   */
  closeAll(): void {
    this.#closed = true;
    for (const streams of [...this.#topics.values()]) {
      for (const stream of [...streams]) this.end(stream);
    }
    this.#stopHeartbeat();
  }

  /**
   * Writes `chunk` to `stream`. A stream with more than MAX_BUFFERED_BYTES
   * waiting is dropped instead. Internal (Stream uses it).
   * @returns true when written.
   */
  write(stream: Stream, chunk: string | Buffer): boolean {
    const response = stream.response;
    if (response.destroyed || response.writableEnded) {
      this.#forget(stream);
      return false;
    }
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      this.#forget(stream);
      response.destroy();
      return false;
    }
    response.write(chunk);
    return true;
  }

  /** Ends `stream` and its socket. Internal (Stream uses it). */
  end(stream: Stream): void {
    this.#forget(stream);
    const response = stream.response;
    if (response.writableEnded || response.destroyed) return;
    const socket = response.socket;
    response.end();
    socket?.end();
  }

  #forget(stream: Stream): void {
    const streams = this.#topics.get(stream.topic);
    if (!streams?.delete(stream)) return;
    if (streams.size === 0) this.#topics.delete(stream.topic);
    this.#byResponse.delete(stream.response);
    stream.response.off('close', this.#onClose);
    this.#size -= 1;
    const left = (this.#byAddress.get(stream.address) ?? 1) - 1;
    if (left > 0) this.#byAddress.set(stream.address, left);
    else this.#byAddress.delete(stream.address);
    if (this.#size === 0) this.#stopHeartbeat();
  }

  #beat(): void {
    for (const streams of [...this.#topics.values()]) {
      for (const stream of [...streams]) this.write(stream, HEARTBEAT);
    }
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat === null) return;
    clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }
}
