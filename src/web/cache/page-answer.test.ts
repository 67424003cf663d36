import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodingFor, pageAnswer } from './page-answer.js';
import type { CachedPage } from './page-cache.js';

describe('encodingFor', () => {
  it('takes content codings in any case, and x-gzip as gzip (RFC 9110 §8.4.1)', () => {
    expect(encodingFor('br, gzip')).toBe('br');
    expect(encodingFor('GZIP')).toBe('gzip');
    expect(encodingFor('Br;q=1, GZip;q=0.5')).toBe('br');
    expect(encodingFor('x-gzip')).toBe('gzip');
    expect(encodingFor('deflate, X-GZIP;q=0.1')).toBe('gzip');
  });

  it('answers identity when nothing we keep is acceptable', () => {
    expect(encodingFor(undefined)).toBe('identity');
    expect(encodingFor('')).toBe('identity');
    expect(encodingFor('deflate')).toBe('identity');
    expect(encodingFor('br;q=0, gzip;q=0')).toBe('identity');
  });

  it('answers the same for a value it has seen, past its bound, and for a long value', () => {
    const values = Array.from({ length: 300 }, (_, i) => `br;q=0, deflate;q=0.${i}, GZip`);
    expect(new Set([...values, ...values].map(encodingFor))).toEqual(new Set(['gzip']));
    expect(encodingFor(`${'x;q=0.5, '.repeat(100)}br`)).toBe('br');
  });
});

describe('pageAnswer', () => {
  const plain = Buffer.from('<p>خبر عاجل من حلب</p>');
  const page: CachedPage = {
    contentType: 'text/html; charset=utf-8',
    gzip: gzipSync(plain),
    br: brotliCompressSync(plain),
    plainLength: plain.length,
    etag: 'W/"p"',
    lastModified: new Date(Date.UTC(2026, 11, 5, 8)),
    keys: ['a1'],
    expiresAt: Infinity,
    hits: 0,
  };
  const answer = (method: string, acceptEncoding: string) =>
    pageAnswer(page, { method, headers: { 'accept-encoding': acceptEncoding } }, 60, 'HIT', 0);
  const length = (headers: readonly string[]) => headers[headers.indexOf('content-length') + 1];

  it('gives HEAD the headers of GET and no body, in every encoding', () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const get = answer('GET', encoding);
      const head = answer('HEAD', encoding);
      expect([head.status, head.body, head.headers]).toEqual([200, null, get.headers]);
    }
    expect(length(answer('HEAD', 'identity').headers)).toBe(String(plain.length));
    expect(answer('GET', 'identity').body?.toString()).toBe(plain.toString());
    expect(answer('GET', 'br').body).toBe(page.br);
  });
});
