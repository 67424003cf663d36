/**
 * `midad serve` as a real process (the built dist/, as `npm start` runs
 * it): first start imports the demo article, and a graceful shutdown
 * writes the buffered view counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { openDatabase } from '../../src/storage/database.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { startServe, stopServe } from '../helpers/serve-process.js';
import { BROWSER, SEED_ID } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

describe('midad serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'imports the demo article on first start and writes pending views on %s',
    async (signal) => {
      const dbFile = join(testFolder('serve'), 'midad.db');
      const server = await startServe(['--db', dbFile]);
      expect(server.output()).toContain(`imported the demo article ${SEED_ID}`);

      for (let i = 0; i < 5; i++) {
        // Five readers: each gets the page (from the cache after the first) and sends its beacon.
        const headers = { 'user-agent': `${BROWSER} reader/${i}` };
        const res = await fetch(`${server.origin}/a/${SEED_ID}`, { headers });
        expect(res.status).toBe(200);
        // Read the page: a response left unread keeps its connection busy, and the
        // server waits for busy connections when it closes.
        await res.text();
        const beacon = await fetch(`${server.origin}/views/${SEED_ID}`, {
          method: 'POST',
          headers,
        });
        expect(beacon.status).toBe(204);
      }
      expect(await stopServe(server, signal)).toBe(0);

      const database = await openDatabase({ file: dbFile });
      try {
        expect(await findViewCount(database.db, SEED_ID as ArticleId)).toBe(236 + 5);
      } finally {
        await database.close();
      }
    },
  );

  it.each([
    { how: 'on a second SIGTERM', second: true, log: 'second signal: exiting now' },
    {
      how: 'at the end of its grace period',
      second: false,
      log: 'shutdown took longer than its grace period: exiting now',
    },
  ])(
    'stops $how, keeping the buffered views for the next start',
    async ({ second, log }) => {
      const dbFile = join(testFolder('serve'), 'midad.db');
      const server = await startServe(['--db', dbFile]);
      const beacons = await sendBeacons(server.origin, 50);
      expect(beacons).toEqual(Array(50).fill(204));
      // A client that never finishes its request's headers: the graceful close waits for it.
      const stuck = connect(Number(new URL(server.origin).port), '127.0.0.1');
      await new Promise((resolve) => stuck.once('connect', resolve));
      stuck.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      await new Promise((resolve) => setTimeout(resolve, 100));

      const started = Date.now();
      const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
      server.child.kill('SIGTERM');
      if (second) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        server.child.kill('SIGTERM');
      }
      const code = await exited;
      const took = Date.now() - started;
      stuck.destroy();

      expect(code).toBe(1);
      // The grace period is 10 s (SHUTDOWN_GRACE_MS); the process must not outlive it by much.
      expect(took).toBeLessThan(second ? 10_000 : 12_000);
      expect(server.output()).toContain(log);
      const spool = `${dbFile}.views-spool.jsonl`;
      expect(readFileSync(spool, 'utf8')).toContain(`[["${SEED_ID}",50]]`);

      // The next start adds them.
      const again = await startServe(['--db', dbFile]);
      expect(again.output()).toContain(`added 50 views kept in ${spool}`);
      expect(await stopServe(again)).toBe(0);
      expect(existsSync(spool)).toBe(false);
      const database = await openDatabase({ file: dbFile });
      try {
        expect(await findViewCount(database.db, SEED_ID as ArticleId)).toBe(236 + 50);
      } finally {
        await database.close();
      }
    },
    60_000,
  );
});

/** Sends `n` view beacons of the demo article from `n` readers; resolves to their statuses. */
async function sendBeacons(origin: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const headers = { 'user-agent': `${BROWSER} reader/${i}` };
    const res = await fetch(`${origin}/views/${SEED_ID}`, { method: 'POST', headers });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}
