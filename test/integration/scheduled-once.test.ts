import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { publishDueArticles } from '../../src/services/publish-scheduled.js';
import { createWebhook } from '../../src/services/webhooks.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { listEvents } from '../../src/storage/repositories/revisions.repository.js';
import { listDeliveries } from '../../src/storage/repositories/webhooks.repository.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

const open: Database[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()?.close();
});

describeEachDialect((dialect) => {
  it('publishes a due article once when two instances run the scheduler at the same moment', async () => {
    // Two instances: two connections to one PostgreSQL database. SQLite serves one
    // instance (its writers are serialised in one process): there, two runs interleave
    // on one connection, which still reads the article as due in both.
    let first: Database;
    let second: Database;
    if (dialect === 'sqlite') {
      const file = join(testFolder('once'), 'site.db');
      first = await openDatabase({ file });
      second = first;
    } else {
      const database = await openTestDatabase('postgres');
      first = database;
      second = await openDatabase({ file: '', url: database.url ?? '' });
    }
    open.push(...new Set([second, first]));
    let clock = NOW;
    const deps = (database: Database) => ({ database, now: () => clock });
    const staff = await createStaff(first, () => clock);
    await createWebhook(deps(first), staff.administrator, {
      url: 'http://127.0.0.1:9/hook',
      events: ['article.published'],
      allowPrivate: true,
    });
    const id = await createDraft(deps(first), staff.editor);
    await saveArticle(deps(first), staff.editor, id, content([staff.author.id]));
    await moveArticle(deps(first), staff.editor, id, 'schedule', {
      scheduledAt: new Date(NOW.getTime() + 60_000),
    });

    clock = new Date(NOW.getTime() + 120_000);
    const errors: unknown[] = [];
    const published = await Promise.all([
      publishDueArticles(deps(first), (error) => errors.push(error)),
      publishDueArticles(deps(second), (error) => errors.push(error)),
    ]);

    expect(errors).toEqual([]);
    expect(published.flat()).toEqual([id]);
    const moves = (await listEvents(first.db, id)).map((e) => e.move);
    expect(moves.filter((m) => m === 'publish')).toHaveLength(1);
    expect((await listDeliveries(first.db, 10)).map((d) => d.event)).toEqual(['article.published']);
  });
});
