/**
 * A redirect from a public address to a private one is refused. The test
 * server is on loopback, so 127.0.0.1 is taken for a public address here
 * (and here only); every other loopback address stays private.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type * as PublicAddress from '../../lib/public-address.js';
import { fetchImage } from './fetch-image.js';

vi.mock('../../lib/public-address.js', async (original) => {
  const actual = await original<typeof PublicAddress>();
  return {
    ...actual,
    isPublicAddress: (address: string) =>
      address === '127.0.0.1' || actual.isPublicAddress(address),
  };
});

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    const to =
      request.url === '/to-loopback'
        ? `http://127.0.0.2:${port}/x.jpg`
        : request.url === '/to-name'
          ? `http://localhost:${port}/x.jpg`
          : null;
    if (to) response.writeHead(302, { location: to }).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('refuses a redirect to a private address, literal or by name', async () => {
  const limits = { maxBytes: 1024, timeoutMs: 2000 };
  expect(await fetchImage(`http://127.0.0.1:${port}/to-loopback`, limits)).toEqual({
    ok: false,
    reason: 'refused: 127.0.0.2 is not a public address',
  });
  const byName = await fetchImage(`http://127.0.0.1:${port}/to-name`, limits);
  expect(!byName.ok && byName.reason).toMatch(
    /^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/,
  );
});
