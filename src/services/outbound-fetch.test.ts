import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundFetchError, outboundFetch, type OutboundLimits } from './outbound-fetch.js';

/** An agency's server on loopback: a feed with validators, and its failures, by path. */
let server: Server;
let base: string;
let seen: IncomingHttpHeaders[] = [];
const FEED = '<rss version="2.0"><channel><title>وكالة</title></channel></rss>';
const LIMITS: OutboundLimits = { maxBytes: 64 * 1024, allowPrivate: true, timeoutMs: 2000 };

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    switch (request.url) {
      case '/feed':
        if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
        response
          .writeHead(200, {
            'content-type': 'application/rss+xml; charset=utf-8',
            etag: '"v1"',
            'last-modified': 'Fri, 04 Dec 2026 10:00:00 GMT',
          })
          .end(FEED);
        return;
      case '/moved':
        response.writeHead(302, { location: '/feed' }).end();
        return;
      case '/streamed-large':
        response.writeHead(200, { 'content-type': 'application/xml' });
        for (let i = 0; i < 20; i++) response.write(Buffer.alloc(8 * 1024, 0x20));
        response.end();
        return;
      case '/stalls':
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.write('<rss>');
        return; // never ends
      case '/cut':
        response.writeHead(200, { 'content-length': '100' });
        response.write('<rss>');
        setTimeout(() => response.destroy(), 20);
        return;
      case '/gzip':
        if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
          return void response.writeHead(200).end(FEED);
        }
        response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(FEED));
        return;
      case '/bomb': // 1 MiB of spaces in about 1 KiB
        response
          .writeHead(200, { 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(1024 * 1024, 0x20)));
        return;
      case '/damaged':
        response.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all'));
        return;
      case '/compress':
        response.writeHead(200, { 'content-encoding': 'compress' }).end('x');
        return;
      default:
        response.writeHead(503).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function textOf(body: AsyncIterable<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of body) text += Buffer.from(chunk).toString('utf8');
  return text;
}

describe('outboundFetch', () => {
  it('sends the headers asked, and gives the validators, the type and the body as a stream', async () => {
    seen = [];
    const answer = await outboundFetch(
      `${base}/moved`,
      { headers: { accept: 'application/rss+xml', 'user-agent': 'Midad wire reader' } },
      LIMITS,
    );
    expect(answer.ok && answer.status).toBe(200);
    if (!answer.ok) return;
    expect(answer.url).toBe(`${base}/feed`);
    expect(answer.etag).toBe('"v1"');
    expect(answer.lastModified).toBe('Fri, 04 Dec 2026 10:00:00 GMT');
    expect(answer.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(await textOf(answer.body)).toBe(FEED);
    expect(seen.map((h) => [h.accept, h['user-agent']])).toEqual([
      ['application/rss+xml', 'Midad wire reader'],
      ['application/rss+xml', 'Midad wire reader'],
    ]);
  });

  it('answers a conditional request with 304 and an empty body', async () => {
    const answer = await outboundFetch(
      `${base}/feed`,
      { headers: { 'if-none-match': '"v1"' } },
      LIMITS,
    );
    expect(answer.ok && answer.status).toBe(304);
    if (answer.ok) expect((await answer.bytes()).length).toBe(0);
  });

  it('says the status of a failure', async () => {
    expect(await outboundFetch(`${base}/down`, {}, LIMITS)).toEqual({
      ok: false,
      reason: 'fetch failed: 503',
      status: 503,
    });
  });

  it('stops reading a body past the limit, and one that stalls at the time limit', async () => {
    const large = await outboundFetch(`${base}/streamed-large`, {}, LIMITS);
    if (!large.ok) throw new Error(large.reason);
    await expect(large.bytes()).rejects.toEqual(new OutboundFetchError('too large'));

    const stalls = await outboundFetch(`${base}/stalls`, {}, { ...LIMITS, timeoutMs: 300 });
    if (!stalls.ok) throw new Error(stalls.reason);
    await expect(textOf(stalls.body)).rejects.toThrow('timed out after 0.3 s');
  });

  it('says when an answer is cut short', async () => {
    const cut = await outboundFetch(`${base}/cut`, {}, LIMITS);
    if (!cut.ok) throw new Error(cut.reason);
    await expect(cut.bytes()).rejects.toThrow('fetch failed: the answer was cut short');
  });

  it('refuses loopback unless allowed', async () => {
    expect(await outboundFetch(`${base}/feed`, {}, { ...LIMITS, allowPrivate: false })).toEqual({
      ok: false,
      reason: 'refused: 127.0.0.1 is not a public address',
      status: null,
    });
  });
});

describe('outboundFetch stopped by its caller', () => {
  it('says "stopped" when the signal given ends it', async () => {
    const stop = new AbortController();
    const stalls = await outboundFetch(`${base}/stalls`, { signal: stop.signal }, LIMITS);
    if (!stalls.ok) throw new Error(stalls.reason);
    setTimeout(() => stop.abort(), 50);
    await expect(stalls.bytes()).rejects.toThrow('stopped');
  });
});

describe('outboundFetch with decompress', () => {
  it('asks for gzip and hands the body over decompressed', async () => {
    const answer = await outboundFetch(`${base}/gzip`, { decompress: true }, LIMITS);
    if (!answer.ok) throw new Error(answer.reason);
    expect((await answer.bytes()).toString('utf8')).toBe(FEED);
  });

  it('limits the decompressed bytes, and says a damaged or unknown coding', async () => {
    const bomb = await outboundFetch(`${base}/bomb`, { decompress: true }, LIMITS);
    if (!bomb.ok) throw new Error(bomb.reason);
    await expect(bomb.bytes()).rejects.toThrow(new OutboundFetchError('too large'));

    const damaged = await outboundFetch(`${base}/damaged`, { decompress: true }, LIMITS);
    if (!damaged.ok) throw new Error(damaged.reason);
    await expect(damaged.bytes()).rejects.toThrow(
      'fetch failed: the compressed body is damaged (Z_DATA_ERROR)',
    );

    expect(await outboundFetch(`${base}/compress`, { decompress: true }, LIMITS)).toEqual({
      ok: false,
      reason: 'fetch failed: a body in compress',
      status: 200,
    });
  });

  it('does not ask for a compressed body unless told', async () => {
    const answer = await outboundFetch(`${base}/gzip`, {}, LIMITS);
    if (!answer.ok) throw new Error(answer.reason);
    expect((await answer.bytes()).toString('utf8')).toBe(FEED);
  });
});
