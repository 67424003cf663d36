/**
 * A reader behind the documented nginx (docs/deploy.md) cannot choose his
 * own address by sending X-Forwarded-For (issue 13, item 2): Debian's
 * nginx with the doc's proxy lines, in front of `midad serve` with
 * MIDAD_TRUST_PROXY naming nginx. Readers connect from addresses of their
 * own on the loopback network (127.0.0.2, 127.0.0.3), so that each one's
 * real address differs from the proxy's, as on a real server.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { setUpOwner } from '../../src/services/accounts.js';
import { openDatabase } from '../../src/storage/database.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { nginxAvailable, startNginxProxy, type RunningNginx } from '../helpers/nginx.js';
import { send } from '../helpers/raw-http.js';
import { startServe, stopServe, type ServeProcess } from '../helpers/serve-process.js';
import { BROWSER, SEED_ID, SEED_SLUG } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/** What docs/deploy.md tells operators to set with nginx on the same server. */
const TRUST_PROXY = '127.0.0.1';
const READER = '127.0.0.2';
const OTHER_READER = '127.0.0.3';
/** The demo article's stored count. */
const DEMO_VIEWS = 236;
const EMAIL = 'owner@news.example';
const PASSWORD = 'a long enough passphrase';

/** The n-th forged address, in 198.18.0.0/15 (RFC 2544: for tests). */
const forged = (n: number) => `198.18.${(n >> 8) & 255}.${n & 255}`;

interface Stack {
  dbFile: string;
  server: ServeProcess;
  nginx: RunningNginx;
}

/**
 * A new database (the demo article, an owner), `midad serve` on it (with
 * MIDAD_BASE_URL unless `env` empties it), nginx in front.
 */
async function startStack(env: Record<string, string>): Promise<Stack> {
  const dbFile = join(testFolder('nginx'), 'midad.db');
  const database = await openDatabase({ file: dbFile });
  try {
    await setUpOwner(
      { database, now: () => new Date() },
      { email: EMAIL, displayName: 'Owner', password: PASSWORD },
    );
  } finally {
    await database.close();
  }
  const server = await startServe(['--db', dbFile], {
    MIDAD_TRUST_PROXY: TRUST_PROXY,
    MIDAD_BASE_URL: 'https://news.example',
    ...env,
  });
  try {
    return { dbFile, server, nginx: await startNginxProxy(server.origin) };
  } catch (error) {
    await stopServe(server);
    throw error;
  }
}

/** Stops nginx and the server (which writes its buffered views); the article's stored count. */
async function stopStack(stack: Stack): Promise<number | null> {
  await stack.nginx.stop();
  expect(await stopServe(stack.server)).toBe(0);
  const database = await openDatabase({ file: stack.dbFile });
  try {
    return await findViewCount(database.db, SEED_ID as ArticleId);
  } finally {
    await database.close();
  }
}

/** How many responses had each status, as `{ 204: 60, 429: 240 }`. */
function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe.skipIf(!nginxAvailable())('behind the documented nginx', { timeout: 120_000 }, () => {
  it('counts one view and takes 60 beacons a minute from a reader who forges 300 addresses', async () => {
    const stack = await startStack({ MIDAD_DEMO: 'true' });
    let stored: number | null;
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 300; n++) {
        const res = await send(stack.nginx.port, {
          method: 'POST',
          path: `/views/${SEED_ID}`,
          from: READER,
          headers: { 'user-agent': BROWSER, 'x-forwarded-for': forged(n) },
        });
        statuses.push(res.status);
      }
      expect(tally(statuses)).toEqual({ 204: 60, 429: 240 });
      // Another reader, behind the same nginx, still counts: the limit is the
      // first reader's, not the proxy's.
      const other = await send(stack.nginx.port, {
        method: 'POST',
        path: `/views/${SEED_ID}`,
        from: OTHER_READER,
        headers: { 'user-agent': BROWSER },
      });
      expect(other.status).toBe(204);
    } finally {
      stored = await stopStack(stack);
    }
    expect(stored).toBe(DEMO_VIEWS + 2);
  });

  it('locks sign-ins from a reader after 20 failures, whatever addresses he forges', async () => {
    const stack = await startStack({ MIDAD_DEMO: 'true' });
    try {
      const { port } = stack.nginx;
      const page = await send(port, { path: '/admin/login', from: READER });
      expect(page.status).toBe(200);
      const cookie = [page.headers['set-cookie'] ?? []]
        .flat()
        .map((c) => c.split(';')[0])
        .join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const signIn = (from: string, n: number, email: string, password: string) =>
        send(port, {
          method: 'POST',
          path: '/admin/login',
          from,
          headers: {
            'user-agent': BROWSER,
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': forged(n),
            cookie,
          },
          body: new URLSearchParams({ _csrf: token, email, password }).toString(),
        });

      const statuses: number[] = [];
      // A different account each time, so that only the address's lock (20) can stop him.
      for (let n = 0; n < 20; n++) {
        statuses.push((await signIn(READER, n, `guess${n}@news.example`, 'wrong guess')).status);
      }
      expect(tally(statuses)).toEqual({ 401: 20 });
      expect((await signIn(READER, 20, EMAIL, PASSWORD)).status).toBe(429);
      // The lock is the reader's address, not nginx's: another reader signs in.
      const other = await signIn(OTHER_READER, 21, EMAIL, PASSWORD);
      expect([other.status, other.headers.location]).toEqual([303, '/admin']);
    } finally {
      await stopStack(stack);
    }
  });

  it('writes only an allowed host, whatever X-Forwarded-Host a reader sends, and warns without a base URL', async () => {
    const stack = await startStack({
      MIDAD_BASE_URL: '',
      MIDAD_ALLOWED_HOSTS: 'news.example',
      NODE_ENV: 'production',
    });
    try {
      const get = (headers: Record<string, string>) =>
        send(stack.nginx.port, {
          path: `/a/${SEED_ID}`,
          from: READER,
          headers: { 'user-agent': BROWSER, ...headers },
        });
      const page = await get({ host: 'news.example', 'x-forwarded-host': 'evil.example' });
      expect(page.status).toBe(200);
      expect(page.body).toContain(
        `<link rel="canonical" href="http://news.example/a/${SEED_ID}/${encodeURIComponent(SEED_SLUG)}"`,
      );
      expect(page.body).not.toContain('evil.example');
      const evil = await get({ host: 'evil.example' });
      expect(evil.status).toBe(400);
      expect(evil.body).not.toContain('evil.example');
      expect(stack.server.output()).toContain(
        'MIDAD_BASE_URL is unset: links in pages, feeds and sitemaps are made from each request',
      );
    } finally {
      await stopStack(stack);
    }
  });
});
