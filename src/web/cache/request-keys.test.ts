import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_LENGTH, RequestKeys, requestSignature } from './request-keys.js';

/** A request as Node's parser gives it, on a connection from 10.0.0.9 to 127.0.0.1:3000. */
function request(
  over: { method?: string; url?: string; headers?: Record<string, string> } = {},
): IncomingMessage {
  return {
    method: over.method ?? 'GET',
    url: over.url ?? '/a/1',
    headers: { host: 'news.example', ...over.headers },
    socket: { localAddress: '127.0.0.1', localPort: 3000, remoteAddress: '10.0.0.9' },
  } as unknown as IncomingMessage;
}

describe('requestSignature', () => {
  it('holds the raw URL, the Host and the local address and port', () => {
    expect(requestSignature(request({ url: '/a/1?x=%41' }))).toBe(
      '/a/1?x=%41\nnews.example\n127.0.0.1 3000',
    );
  });

  it('adds the client address and the forwarded host and scheme when a proxy header is sent', () => {
    expect(requestSignature(request({ headers: { 'x-forwarded-proto': 'https' } }))).toBe(
      '/a/1\nnews.example\n127.0.0.1 3000\n10.0.0.9\n\nhttps',
    );
  });

  it('marks a request that asks to save data, whose page is another (save-data.ts)', () => {
    expect(requestSignature(request({ headers: { 'save-data': 'on' } }))).toBe(
      '/a/1\nnews.example\n127.0.0.1 3000\nsave-data',
    );
    expect(requestSignature(request({ headers: { 'save-data': 'off' } }))).toBe(
      '/a/1\nnews.example\n127.0.0.1 3000',
    );
  });

  it.each([
    ['POST', { method: 'POST' }],
    ['a body', { headers: { 'content-length': '3' } }],
    ['a chunked body', { headers: { 'transfer-encoding': 'chunked' } }],
    ['Expect', { headers: { expect: '100-continue' } }],
    ['Upgrade', { headers: { upgrade: 'websocket', connection: 'upgrade' } }],
    ['an absolute URL', { url: 'http://evil.example/a/1' }],
    ['an asterisk', { method: 'GET', url: '*' }],
  ])('is none for a request with %s', (_what, over) => {
    expect(requestSignature(request(over))).toBeNull();
  });

  it('is kept for a GET with an empty body, and is the same for HEAD as for GET', () => {
    expect(requestSignature(request({ headers: { 'content-length': '0' } }))).not.toBeNull();
    expect(requestSignature(request({ method: 'HEAD' }))).toBe(requestSignature(request()));
  });
});

describe('RequestKeys', () => {
  it('finds the key remembered for the same signature only', () => {
    const keys = new RequestKeys();
    keys.remember(request(), 'https://news.example/a/1');
    keys.remember(request({ method: 'POST' }), 'https://news.example/a/2');
    expect([
      keys.find(request()),
      keys.find(request({ headers: { host: 'www.news.example' } })),
      keys.find(request({ url: '/a/1?x=1' })),
      keys.find(request({ method: 'HEAD' })),
      keys.size,
    ]).toEqual(['https://news.example/a/1', undefined, undefined, 'https://news.example/a/1', 1]);
  });

  it('remembers no signature longer than MAX_SIGNATURE_LENGTH (a 16 KiB URL or Host would hold memory)', () => {
    const keys = new RequestKeys();
    const room = MAX_SIGNATURE_LENGTH - requestSignature(request({ url: '/a/1?q=' }))!.length;
    keys.remember(request({ url: `/a/1?q=${'x'.repeat(room)}` }), 'https://news.example/a/1');
    keys.remember(request({ url: `/a/1?q=${'x'.repeat(room + 1)}` }), 'https://news.example/a/1');
    keys.remember(
      request({ headers: { host: `${'h'.repeat(16_000)}.example` } }),
      'https://news.example/a/1',
    );
    expect(keys.find(request({ url: `/a/1?q=${'x'.repeat(room)}` }))).toBe(
      'https://news.example/a/1',
    );
    expect(keys.find(request({ url: `/a/1?q=${'x'.repeat(room + 1)}` }))).toBeUndefined();
    expect(keys.size).toBe(1);
  });
});
