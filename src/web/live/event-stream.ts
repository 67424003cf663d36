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

class Stream implements Connection {
  constructor(
    readonly topic: string,
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
   * @param options.heartbeatMs interval of the heartbeat comment, ms (default HEARTBEAT_MS).
   * @param options.retryMs the reconnection delay told to browsers, ms (default RETRY_MS).
   */
  constructor(options: { maxConnections: number; heartbeatMs?: number; retryMs?: number }) {
    this.#maxConnections = options.maxConnections;
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
   * The route's handler then returns `reply`.
   */
  open(
    request: FastifyRequest,
    reply: FastifyReply,
    topic: string,
    onOpen?: (send: (e: ServerSentEvent) => void) => void,
  ): Connection | null {
    if (this.#closed || this.#size >= this.#maxConnections) {
      void reply
        .code(503)
        .header('retry-after', String(FULL_RETRY_AFTER_S))
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send('Too many live connections on this server: try again later.\n');
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
    const stream = new Stream(topic, response, this);
    let streams = this.#topics.get(topic);
    if (!streams) {
      streams = new Set();
      this.#topics.set(topic, streams);
    }
    streams.add(stream);
    this.#byResponse.set(response, stream);
    response.once('close', this.#onClose);
    this.#size += 1;
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
