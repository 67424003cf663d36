/**
 * `midad serve` as a real process (the built dist/, as `npm start` runs
 * it): first start imports the demo article, and a graceful shutdown
 * writes the buffered view counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { openDatabase } from '../../src/storage/database.js';
import { findViewCount } from '../../src/storage/repositories/articles.repository.js';
import { BROWSER, SEED_ID } from '../helpers/site.js';

const BIN = new URL('../../bin/midad.js', import.meta.url).pathname;

interface Server {
  child: ChildProcess;
  origin: string;
  output: () => string;
}

/** Starts `midad serve` on a free port and waits until it listens. */
function startServer(dbFile: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', dbFile], {
    env: { ...process.env, MIDAD_VIEW_FLUSH_MS: '600000', MIDAD_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve({ child, origin: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('midad serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'imports the demo article on first start and writes pending views on %s',
    async (signal) => {
      const dbFile = join(mkdtempSync(join(tmpdir(), 'midad-serve-')), 'midad.db');
      const server = await startServer(dbFile);
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
      const exit = exited(server.child);
      server.child.kill(signal);
      expect(await exit).toBe(0);

      const database = await openDatabase({ file: dbFile });
      try {
        expect(await findViewCount(database.db, SEED_ID as ArticleId)).toBe(236 + 5);
      } finally {
        await database.close();
      }
    },
  );
});
