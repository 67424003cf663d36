/**
 * `midad serve` as a real process (the built dist/, as `npm start` runs
 * it): first start imports the demo article, and a graceful shutdown
 * writes the buffered view counts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { openDatabase } from '../../src/storage/database.js';
import { findViewCount } from '../../src/storage/repositories/articles.repository.js';
import { startServe, stopServe } from '../helpers/serve-process.js';
import { BROWSER, SEED_ID } from '../helpers/site.js';

describe('midad serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'imports the demo article on first start and writes pending views on %s',
    async (signal) => {
      const dbFile = join(mkdtempSync(join(tmpdir(), 'midad-serve-')), 'midad.db');
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
});
