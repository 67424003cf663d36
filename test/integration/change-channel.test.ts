/**
 * The channels that carry public changes between instances: a change
 * published on one reaches the other once, and an instance whose
 * connection was cut treats everything as changed once it is back.
 */
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import type { PublicChange } from '../../src/domain/public-change.js';
import {
  postgresChannel,
  redisChannel,
  type ChangeChannel,
} from '../../src/services/change-channel.js';
import { postgresSkip } from '../helpers/dialects.js';
import { ADMIN_URL } from '../helpers/postgres-admin.js';
import { REDIS_URL, redisSkip } from '../helpers/redis.js';

const change: PublicChange = {
  kind: 'article',
  articleId: '42' as ArticleId,
  before: null,
  after: {
    publishedAt: '2026-11-29T10:00:00.000Z',
    sectionId: '3',
    tagIds: ['7'],
    authorIds: ['2'],
    breakingUntil: null,
  },
};

/** Resolves with the changes `channel` has received once there are `n`. */
function received(log: PublicChange[], n: number): Promise<PublicChange[]> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (log.length >= n) resolve(log);
      else if (Date.now() - started > 10_000) reject(new Error(`only ${log.length} of ${n}`));
      else setTimeout(check, 20);
    };
    check();
  });
}

/** This run's connection name, so that cutting them leaves other tests' alone. */
const NAME = `midad-changes-test-${process.pid}`;

const cases = [
  {
    name: 'PostgreSQL LISTEN/NOTIFY',
    skip: postgresSkip,
    open: (onError: (e: unknown) => void) => postgresChannel(ADMIN_URL, onError, NAME),
    /** Ends this test's listening connections, as a server restart or a network cut would. */
    cut: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
        [NAME],
      );
      await client.end();
    },
  },
  {
    name: 'Redis pub/sub',
    skip: redisSkip,
    open: (onError: (e: unknown) => void) => redisChannel(REDIS_URL, onError, NAME),
    cut: async () => {
      const client = new Redis(REDIS_URL);
      const list = String(await client.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
      for (const line of list.split('\n')) {
        const id = / id=(\d+) /.exec(` ${line}`)?.[1];
        if (id && line.includes(` name=${NAME} `)) await client.call('CLIENT', 'KILL', 'ID', id);
      }
      client.disconnect();
    },
  },
];

for (const c of cases) {
  describe.skipIf(c.skip !== null)(`the ${c.name} change channel`, () => {
    let channels: ChangeChannel[] = [];
    afterEach(async () => {
      await Promise.all(channels.map((ch) => ch.close()));
      channels = [];
    });

    it('hands a change to this instance at once and to the other instance once', async () => {
      const ignore = () => {};
      const [a, b] = [await c.open(ignore), await c.open(ignore)];
      channels = [a!, b!];
      const onA: PublicChange[] = [];
      const onB: PublicChange[] = [];
      a!.onChange((ch) => onA.push(ch));
      b!.onChange((ch) => onB.push(ch));
      a!.publish(change);
      expect(onA).toEqual([change]);
      expect(await received(onB, 1)).toEqual([change]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect([onA.length, onB.length]).toEqual([1, 1]);
    });

    it('treats everything as changed after its connection was cut and made again', async () => {
      const errors: unknown[] = [];
      const channel = await c.open((e) => errors.push(e));
      channels = [channel];
      const seen: PublicChange[] = [];
      channel.onChange((ch) => seen.push(ch));
      await c.cut();
      expect(await received(seen, 1)).toEqual([{ kind: 'site' }]);
    });
  });
}
