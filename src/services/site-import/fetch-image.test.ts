import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage } from '../../../test/helpers/images.js';
import { fetchImage, type FetchLimits } from './fetch-image.js';

/** The old site, on loopback: its images, its errors and its slowness, by path. */
let server: Server;
let base: string;
let jpeg: Buffer;
const LIMITS: FetchLimits = { maxBytes: 64 * 1024, allowPrivate: true, timeoutMs: 2000 };

beforeAll(async () => {
  jpeg = await makeImage('jpeg', 40, 30);
  server = createServer((request, response) => {
    const path = decodeURIComponent(request.url ?? '');
    switch (path) {
      case '/wp-content/uploads/صورة.jpg':
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
        return;
      case '/page.jpg':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>');
        return;
      case '/declared-large.jpg':
        response.writeHead(200, { 'content-length': String(1024 * 1024) });
        response.write(jpeg);
        return;
      case '/streamed-large.jpg':
        // Chunked, no length said: the limit is found while reading.
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        for (let i = 0; i < 20; i++) response.write(Buffer.alloc(8 * 1024));
        response.end();
        return;
      case '/slow.jpg':
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        response.write(jpeg.subarray(0, 10));
        return; // never ends
      case '/moved':
        response.writeHead(301, { location: '/wp-content/uploads/%D8%B5%D9%88%D8%B1%D8%A9.jpg' });
        response.end();
        return;
      case '/loop':
        response.writeHead(302, { location: '/loop' }).end();
        return;
      case '/to-file':
        response.writeHead(302, { location: 'file:///etc/passwd' }).end();
        return;
      default:
        response.writeHead(404, { 'content-type': 'text/html' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchImage', () => {
  it('fetches an image whole, by an Arabic path', async () => {
    const url = `${base}/wp-content/uploads/${encodeURIComponent('صورة')}.jpg`;
    expect(await fetchImage(url, LIMITS)).toEqual({ ok: true, bytes: jpeg, url });
  });

  it('follows a redirect and says where the image was', async () => {
    expect(await fetchImage(`${base}/moved`, LIMITS)).toEqual({
      ok: true,
      bytes: jpeg,
      url: `${base}/wp-content/uploads/%D8%B5%D9%88%D8%B1%D8%A9.jpg`,
    });
  });

  it('says the status of an answer that is not a success', async () => {
    expect(await fetchImage(`${base}/gone.jpg`, LIMITS)).toEqual({
      ok: false,
      reason: 'fetch failed: 404',
    });
  });

  it('refuses a page served as text/html without reading it', async () => {
    expect(await fetchImage(`${base}/page.jpg`, LIMITS)).toEqual({
      ok: false,
      reason: 'not an image (text/html)',
    });
  });

  it('refuses a body over the limit, declared or found while reading', async () => {
    const tooLarge = { ok: false, reason: 'too large' };
    expect(await fetchImage(`${base}/declared-large.jpg`, LIMITS)).toEqual(tooLarge);
    expect(await fetchImage(`${base}/streamed-large.jpg`, LIMITS)).toEqual(tooLarge);
  });

  it('gives up on a slow answer at the time limit', async () => {
    expect(await fetchImage(`${base}/slow.jpg`, { ...LIMITS, timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'timed out after 0.3 s',
    });
  });

  it('stops after three redirects, and at a redirect to another scheme', async () => {
    expect(await fetchImage(`${base}/loop`, LIMITS)).toEqual({
      ok: false,
      reason: 'too many redirects',
    });
    expect(await fetchImage(`${base}/to-file`, LIMITS)).toEqual({
      ok: false,
      reason: 'not an http(s) address',
    });
  });

  it('refuses loopback, by address or by name, unless allowed', async () => {
    const strict = { ...LIMITS, allowPrivate: false };
    const path = `/wp-content/uploads/${encodeURIComponent('صورة')}.jpg`;
    expect(await fetchImage(`${base}${path}`, strict)).toEqual({
      ok: false,
      reason: 'refused: 127.0.0.1 is not a public address',
    });
    const byName = await fetchImage(base.replace('127.0.0.1', 'localhost') + path, strict);
    expect(byName.ok).toBe(false);
    expect(!byName.ok && byName.reason).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
    );
    expect(await fetchImage('http://[::1]/x.jpg', strict)).toEqual({
      ok: false,
      reason: 'refused: ::1 is not a public address',
    });
  });

  it('refuses other schemes and malformed addresses', async () => {
    const refused = { ok: false, reason: 'not an http(s) address' };
    expect(await fetchImage('file:///etc/passwd', LIMITS)).toEqual(refused);
    expect(await fetchImage('__GHOST_URL__/content/images/x.jpg', LIMITS)).toEqual(refused);
  });

  it('says when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchImage(`http://127.0.0.1:${port}/x.jpg`, LIMITS)).toEqual({
      ok: false,
      reason: 'fetch failed: ECONNREFUSED',
    });
  });
});
