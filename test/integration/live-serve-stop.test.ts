/**
 * `midad serve` as a real process (the built dist/) stopped with SIGTERM
 * while readers hold a live page's event streams open: it ends every
 * stream and exits 0, well within its 10 s grace period, instead of
 * waiting for the readers (issue 19: "connections close cleanly at
 * shutdown").
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { startLiveCoverage } from '../../src/services/live-coverage.js';
import { moveArticle } from '../../src/services/move-article.js';
import { openDatabase } from '../../src/storage/database.js';
import { openStream } from '../helpers/event-stream-client.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { startServe, stopServe } from '../helpers/serve-process.js';
import { NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/** `midad serve`'s grace period (SHUTDOWN_GRACE_MS in cli/commands/serve.ts), ms. */
const GRACE_MS = 10_000;

describe('midad serve with open event streams', () => {
  it('ends every stream and exits 0 on SIGTERM', async () => {
    const dbFile = join(testFolder('live-stop'), 'midad.db');
    const database = await openDatabase({ file: dbFile });
    let id: ArticleId;
    try {
      const staff = await createStaff(database, () => NOW);
      const deps = { database, now: () => NOW, onPublicChange: () => {} };
      id = await createDraft(deps, staff.editor);
      await saveArticle(deps, staff.editor, id, content([staff.editor.id]));
      await moveArticle(deps, staff.editor, id, 'publish');
      await startLiveCoverage(deps, staff.editor, id);
    } finally {
      await database.close();
    }
    const server = await startServe(['--db', dbFile], { MIDAD_DEMO: 'false' });
    const readers = await Promise.all(
      [1, 2, 3].map(() => openStream(server.origin, `/live/${id}/events`)),
    );
    expect(readers.map((r) => r.status)).toEqual([200, 200, 200]);
    await Promise.all(readers.map((r) => r.waitFor((t) => t === 'retry: 5000\n\n')));

    const started = Date.now();
    const code = await stopServe(server);
    const took = Date.now() - started;
    await Promise.all(readers.map((r) => r.end));
    expect(code).toBe(0);
    expect(readers.map((r) => [r.ended, r.text])).toEqual([
      [true, 'retry: 5000\n\n'],
      [true, 'retry: 5000\n\n'],
      [true, 'retry: 5000\n\n'],
    ]);
    expect(server.output()).not.toContain('shutdown took longer than its grace period');
    expect(took).toBeLessThan(GRACE_MS);
  });
});
