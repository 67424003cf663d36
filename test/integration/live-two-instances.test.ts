/**
 * Two instances of the app on one PostgreSQL database, each listening on
 * its own port with its own change channel (PostgreSQL LISTEN/NOTIFY, or
 * Redis pub/sub), as behind a load balancer: a live change told on A
 * reaches a reader holding an event stream on B within 2 seconds (issue 19).
 *
 * Stand-in: until the readers' route (web/live/live-events.ts) is merged,
 * each instance gets a route of the test's own opening a stream on topic
 * `a<id>`, and a handler that broadcasts every `live` change it hears on it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import type { PublicChange } from '../../src/domain/public-change.js';
import {
  postgresChannel,
  redisChannel,
  type ChangeChannel,
  type ChangeHandler,
} from '../../src/services/change-channel.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { buildApp } from '../../src/web/app.js';
import { openTestDatabase, postgresSkip, type TestDatabase } from '../helpers/dialects.js';
import { openStream, type StreamClient } from '../helpers/event-stream-client.js';
import { REDIS_URL, redisSkip } from '../helpers/redis.js';
import { NOW } from '../helpers/site.js';

/** The bound: an update reaches readers on another instance within 2 s. */
const ACROSS_INSTANCES_MS = 2000;
const ARTICLE = '258871304963183' as ArticleId;
const HOST = { host: 'news.example' };

/** `channel`, with `extra` told every change after the app's own handler. */
function alsoTelling(channel: ChangeChannel, extra: ChangeHandler): ChangeChannel {
  return {
    kind: channel.kind,
    publish: (change) => channel.publish(change),
    onChange: (handler) =>
      channel.onChange((change) => {
        handler(change);
        extra(change);
      }),
    close: () => channel.close(),
  };
}

interface Instance {
  app: Awaited<ReturnType<typeof buildApp>>;
  origin: string;
  database: Database;
  changes: ChangeChannel;
}

const channels: Array<{
  name: string;
  skip: string | null;
  open: (url: string) => Promise<ChangeChannel>;
}> = [
  {
    name: 'PostgreSQL LISTEN/NOTIFY',
    skip: null,
    open: (url) =>
      postgresChannel(
        url,
        (error) => {
          throw error;
        },
        'midad-test-live',
      ),
  },
  {
    name: 'Redis pub/sub',
    skip: redisSkip,
    open: () =>
      redisChannel(
        REDIS_URL,
        (error) => {
          throw error;
        },
        'midad-test-live',
      ),
  },
];

describe.skipIf(postgresSkip !== null)('live changes across two instances', () => {
  let database: TestDatabase;
  let instances: Instance[] = [];
  let clients: StreamClient[] = [];

  /** An instance on its own connection to the test database, listening on a free port. */
  const startInstance = async (openChannel: () => Promise<ChangeChannel>): Promise<Instance> => {
    const own = await openDatabase({ file: '', url: database.url!, migrate: false });
    const config = loadConfig({
      MIDAD_BASE_URL: 'https://news.example',
      MIDAD_DATABASE_URL: database.url!,
    });
    let app: Instance['app'] | null = null;
    // Stand-in for the readers' broadcaster: every live change heard goes to its article's topic.
    const changes = alsoTelling(await openChannel(), (change: PublicChange) => {
      if (change.kind !== 'live' || app === null) return;
      app.eventStreams.broadcast(`a${change.articleId}`, {
        event: 'update',
        id: String(change.updateNumber),
        data: JSON.stringify({ action: change.action, number: change.updateNumber }),
      });
    });
    app = await buildApp({
      config,
      database: own,
      viewCounter: new ViewCounter({ sink: async () => {} }),
      now: () => NOW,
      logRequests: false,
      changes,
    });
    const live = app;
    live.get<{ Params: { id: string } }>('/test/live/:id/events', (request, reply) => {
      live.eventStreams.open(request, reply, `a${request.params.id}`);
      return reply;
    });
    const origin = await live.listen({ port: 0, host: '127.0.0.1' });
    const instance = { app: live, origin, database: own, changes };
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
  });

  for (const channel of channels) {
    it.skipIf(channel.skip !== null)(
      `sends an update posted on A to B's readers within 2 s (${channel.name})`,
      async () => {
        database = await openTestDatabase('postgres');
        const a = await startInstance(() => channel.open(database.url!));
        const b = await startInstance(() => channel.open(database.url!));
        const onB = await openStream(b.origin, `/test/live/${ARTICLE}/events`, HOST);
        const elsewhere = await openStream(b.origin, `/test/live/1/events`, HOST);
        clients.push(onB, elsewhere);
        expect(onB.status).toBe(200);
        await onB.waitFor((t) => t === 'retry: 5000\n\n');
        expect(b.app.eventStreams.subscribers(`a${ARTICLE}`)).toBe(1);
        expect(a.app.eventStreams.size).toBe(0);

        const started = Date.now();
        a.app.publicChange({
          kind: 'live',
          articleId: ARTICLE,
          action: 'posted',
          updateNumber: 3,
        });
        const received = await onB.waitFor((t) => t.includes('\n\n', 13), ACROSS_INSTANCES_MS);
        const took = Date.now() - started;
        expect(received).toBe(
          'retry: 5000\n\nevent: update\nid: 3\ndata: {"action":"posted","number":3}\n\n',
        );
        expect(took).toBeLessThan(ACROSS_INSTANCES_MS);
        // The other article's reader on B heard nothing.
        expect(elsewhere.text).toBe('retry: 5000\n\n');
      },
    );
  }
});
