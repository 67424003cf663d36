/**
 * A reader of an event stream over a real connection (node:http, one
 * connection each), keeping every byte received as text, for tests of the
 * SSE hub and of the routes built on it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import type { Socket } from 'node:net';

export interface StreamClient {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far, decoded as UTF-8. */
  readonly text: string;
  /** True once the server ended the response (or the connection closed). */
  readonly ended: boolean;
  /** Resolves when the response ends or the connection closes. */
  readonly end: Promise<void>;
  /** Resolves to the text received once `test(text)` holds; rejects after `timeoutMs`. */
  waitFor(test: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** The client's socket (pause it to play a reader that stopped reading). */
  readonly socket: Socket;
  /** Closes the connection from the client's side. */
  close(): void;
}

/**
 * Opens `path` on `origin` (`http://127.0.0.1:port`) and resolves once the
 * status and headers are in.
 */
export function openStream(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<StreamClient> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        agent: false,
        headers: { accept: 'text/event-stream', ...headers },
      },
      (response) => {
        const decoder = new TextDecoder();
        let text = '';
        let ended = false;
        const waiters = new Set<() => void>();
        const wake = () => waiters.forEach((w) => w());
        let endNow: () => void = () => {};
        const end = new Promise<void>((done) => (endNow = done));
        const finish = () => {
          if (ended) return;
          ended = true;
          endNow();
          wake();
        };
        response.on('data', (chunk: Buffer) => {
          text += decoder.decode(chunk, { stream: true });
          wake();
        });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          get text() {
            return text;
          },
          get ended() {
            return ended;
          },
          end,
          socket: response.socket,
          waitFor(test, timeoutMs = 5000) {
            return new Promise((done, fail) => {
              const check = () => {
                if (test(text)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  done(text);
                } else if (ended) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  fail(new Error(`the stream ended without it; received: ${JSON.stringify(text)}`));
                }
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(
                  new Error(`not received in ${timeoutMs} ms; received: ${JSON.stringify(text)}`),
                );
              }, timeoutMs);
              waiters.add(check);
              check();
            });
          },
          close() {
            outgoing.destroy();
          },
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Resolves once `test()` holds, checking every 10 ms; rejects after `timeoutMs`. */
export async function until(test: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
