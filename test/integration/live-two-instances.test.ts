/**
 * Two instances of the app on one PostgreSQL database, each on its own
 * connection, listening on its own port with its own change channel
 * (PostgreSQL LISTEN/NOTIFY, or Redis pub/sub), as behind a load balancer:
 * an update posted on A reaches a reader holding B's event stream within
 * 2 seconds (issue 19). The update is posted through the live coverage
 * service with A's `publicChange`; B hears the change over the channel,
 * reads the update from the database and renders it with its broadcaster
 * (web/live/live-events.ts) for its reader of `GET /live/<id>/events`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import {
  postgresChannel,
  redisChannel,
  type ChangeChannel,
} from '../../src/services/change-channel.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import {
  editLiveUpdate,
  endLiveCoverage,
  postLiveUpdate,
  startLiveCoverage,
} from '../../src/services/live-coverage.js';
import { moveArticle } from '../../src/services/move-article.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { buildApp } from '../../src/web/app.js';
import { openTestDatabase, postgresSkip, type TestDatabase } from '../helpers/dialects.js';
import { openStream, type StreamClient } from '../helpers/event-stream-client.js';
import { content, createStaff } from '../helpers/newsroom.js';
import { REDIS_URL, redisSkip } from '../helpers/redis.js';
import { NOW } from '../helpers/site.js';

/** The bound: an update reaches readers on another instance within 2 s. */
const ACROSS_INSTANCES_MS = 2000;

interface Instance {
  app: Awaited<ReturnType<typeof buildApp>>;
  origin: string;
  database: Database;
  changes: ChangeChannel;
}

/** The events of a stream's text after its `retry:` line, as [event, id, data]. */
function events(text: string): Array<[string, string | null, unknown]> {
  return [...text.matchAll(/event: (\w+)\n(?:id: (\d+)\n)?data: (.*)\n\n/g)].map((m) => [
    m[1]!,
    m[2] ?? null,
    JSON.parse(m[3]!),
  ]);
}

const failOnError = (error: unknown) => {
  throw error;
};
const channels: Array<{
  name: string;
  skip: string | null;
  open: (url: string) => Promise<ChangeChannel>;
}> = [
  {
    name: 'PostgreSQL LISTEN/NOTIFY',
    skip: null,
    open: (url) => postgresChannel(url, failOnError, 'midad-test-live'),
  },
  {
    name: 'Redis pub/sub',
    skip: redisSkip,
    open: () => redisChannel(REDIS_URL, failOnError, 'midad-test-live'),
  },
];

describe.skipIf(postgresSkip !== null)('live updates across two instances', () => {
  let database: TestDatabase | null = null;
  let instances: Instance[] = [];
  let clients: StreamClient[] = [];

  /** An instance on its own connection to the test database, listening on a free port. */
  const startInstance = async (changes: ChangeChannel): Promise<Instance> => {
    const own = await openDatabase({ file: '', url: database!.url!, migrate: false });
    const config = loadConfig({
      MIDAD_BASE_URL: 'https://news.example',
      MIDAD_DATABASE_URL: database!.url!,
    });
    const app = await buildApp({
      config,
      database: own,
      viewCounter: new ViewCounter({ sink: async () => {} }),
      now: () => NOW,
      logRequests: false,
      changes,
    });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const instance = { app, origin, database: own, changes };
    instances.push(instance);
    return instance;
  };

  afterEach(async () => {
    clients.forEach((c) => c.close());
    clients = [];
    for (const instance of instances) {
      await instance.app.close();
      await instance.changes.close();
      await instance.database.close();
    }
    instances = [];
    await database?.close();
    database = null;
  });

  for (const channel of channels) {
    it.skipIf(channel.skip !== null)(
      `sends an update posted on A to B's readers within 2 s, then its edit and the end (${channel.name})`,
      async () => {
        database = await openTestDatabase('postgres');
        const staff = await createStaff(database, () => NOW);
        const a = await startInstance(await channel.open(database.url!));
        const b = await startInstance(await channel.open(database.url!));
        const onA = { database: a.database, now: () => NOW, onPublicChange: a.app.publicChange };
        const id: ArticleId = await createDraft(onA, staff.editor);
        await saveArticle(
          onA,
          staff.editor,
          id,
          content([staff.editor.id], { headline: 'زلزال في الشمال' }),
        );
        await moveArticle(onA, staff.editor, id, 'publish');
        await startLiveCoverage(onA, staff.editor, id);

        const reader = await openStream(b.origin, `/live/${id}/events`);
        clients.push(reader);
        expect(reader.status).toBe(200);
        expect(reader.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        await reader.waitFor((t) => t === 'retry: 5000\n\n');
        expect(b.app.eventStreams.subscribers(`a${id}`)).toBe(1);
        expect(a.app.eventStreams.size).toBe(0);

        const started = Date.now();
        const posted = await postLiveUpdate(onA, staff.author, id, {
          headline: 'هزة ارتدادية',
          bodyHtml: '<p>شعر بها السكان في حلب.</p>',
          key: true,
          pinned: false,
        });
        expect(posted.number).toBe(1);
        await reader.waitFor((t) => events(t).length === 1, ACROSS_INSTANCES_MS);
        const took = Date.now() - started;
        const [first] = events(reader.text);
        expect(first![0]).toBe('update');
        expect(first![1]).toBe('1');
        const data = first![2] as { action: string; number: number; html: string };
        expect([data.action, data.number]).toEqual(['posted', 1]);
        expect(data.html).toContain('id="update-1" data-number="1"');
        expect(data.html).toContain('هزة ارتدادية');
        expect(data.html).toContain('<p>شعر بها السكان في حلب.</p>');
        expect(took).toBeLessThan(ACROSS_INSTANCES_MS);

        await editLiveUpdate(onA, staff.author, id, 1, {
          headline: 'هزة ارتدادية قوية',
          bodyHtml: '<p>شعر بها السكان في حلب وإدلب.</p>',
          key: true,
          pinned: false,
        });
        await reader.waitFor((t) => events(t).length === 2, ACROSS_INSTANCES_MS);
        const [, edited] = events(reader.text);
        expect([edited![0], edited![1], (edited![2] as { action: string }).action]).toEqual([
          'update',
          '1',
          'edited',
        ]);
        expect((edited![2] as { html: string }).html).toContain('هزة ارتدادية قوية');

        await endLiveCoverage(onA, staff.editor, id);
        await reader.waitFor((t) => events(t).length === 3, ACROSS_INSTANCES_MS);
        const [, , ended] = events(reader.text);
        expect([ended![0], ended![1], (ended![2] as { state: string }).state]).toEqual([
          'state',
          null,
          'ended',
        ]);
      },
    );
  }
});
