import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CachedPages } from './cached-pages.js';
import { FastPath } from './fast-path.js';
import type { CachedPage } from './page-cache.js';
import type { RequestKeys } from './request-keys.js';

/** What the fast path wrote for one request: its status, headers and body. */
interface Written {
  status: number;
  headers: readonly string[];
  body: Buffer | undefined;
}

/** A fast path whose every request asks for `page`, and a function that sends one request with `headers`. */
function fastPathServing(page: CachedPage) {
  const pages = { hit: () => page, sharedMaxAgeS: 60 } as unknown as CachedPages;
  const requestKeys = { find: () => '/a/1' } as unknown as RequestKeys;
  const fastPath = new FastPath({
    pages,
    requestKeys,
    commonHeaders: ['x-content-type-options', 'nosniff'],
    log: () => {
      throw new Error('nothing is logged');
    },
  });
  return (headers: Record<string, string>): Written => {
    const written: Written = { status: 0, headers: [], body: undefined };
    const response = {
      headersSent: false,
      writeHead(status: number, list: string[]) {
        Object.assign(written, { status, headers: list });
      },
      end(body?: Buffer) {
        written.body = body;
      },
    };
    const request = { method: 'GET', url: '/a/1', headers };
    const served = fastPath.serve(
      request as unknown as IncomingMessage,
      response as unknown as ServerResponse,
    );
    expect(served).toBe(true);
    return written;
  };
}

/** The value of header `name` in a flat list. */
const header = (list: readonly string[], name: string) => list[list.indexOf(name) + 1];

describe('FastPath', () => {
  it('sends a body’s own length after a hot page’s gzip body alone was made smaller', () => {
    const plain = Buffer.from(`<p>${'خبر عاجل من حلب '.repeat(50)}</p>`);
    const page: CachedPage = {
      contentType: 'text/html; charset=utf-8',
      gzip: gzipSync(plain, { level: 1 }),
      br: brotliCompressSync(plain),
      plainLength: plain.length,
      etag: 'W/"p"',
      lastModified: new Date(Date.UTC(2026, 11, 5, 8)),
      keys: ['a1'],
      expiresAt: Infinity,
      hits: 0,
    };
    const send = fastPathServing(page);
    const before = send({ 'accept-encoding': 'gzip' });
    expect(header(before.headers, 'content-length')).toBe(String(page.gzip.length));
    // The hot recompression (cached-pages.ts) keeps the brotli body, which it did not shrink.
    const smaller = gzipSync(plain, { level: 9 });
    expect(smaller.length).toBeLessThan(page.gzip.length);
    page.gzip = smaller;
    const after = send({ 'accept-encoding': 'gzip' });
    expect([header(after.headers, 'content-length'), after.body]).toEqual([
      String(smaller.length),
      smaller,
    ]);
  });
});
