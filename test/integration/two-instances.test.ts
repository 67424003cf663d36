/**
 * Two `midad serve` processes on two ports against one PostgreSQL
 * database, as behind a load balancer: views sent to both add up exactly,
 * and a publish through the newsroom of one purges the cached pages of the
 * other, through PostgreSQL's LISTEN/NOTIFY or through Redis pub/sub.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { openTestDatabase, postgresSkip, type TestDatabase } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { REDIS_URL, redisSkip } from '../helpers/redis.js';
import { startServe, stopServe, type ServeProcess } from '../helpers/serve-process.js';
import { BROWSER, NOW, SEED_ID } from '../helpers/site.js';
import { HttpNewsroom } from '../helpers/http-newsroom.js';

/** Starts an instance against the database at `url`. */
const startInstance = (url: string, env: Record<string, string>) =>
  startServe(['--database', url], { MIDAD_VIEW_BEACONS_PER_MINUTE: '1000', ...env });

const pageState = async (origin: string, path: string) => {
  const response = await fetch(`${origin}${path}`, { headers: { 'user-agent': BROWSER } });
  return { cache: response.headers.get('x-cache'), body: await response.text() };
};

const channels: Array<{ name: string; env: Record<string, string>; skip: string | null }> = [
  { name: 'PostgreSQL LISTEN/NOTIFY', env: {}, skip: null },
  { name: 'Redis pub/sub', env: { MIDAD_REDIS_URL: REDIS_URL }, skip: redisSkip },
];

describe.skipIf(postgresSkip !== null)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let staff: Staff;
  let instances: ServeProcess[] = [];

  beforeEach(async () => {
    database = await openTestDatabase('postgres');
    staff = await createStaff(database, () => NOW);
  });
  afterEach(async () => {
    await Promise.all(instances.map((i) => (i.child.exitCode === null ? stopServe(i) : null)));
    instances = [];
    await database.close();
  });

  for (const channel of channels) {
    it.skipIf(channel.skip !== null)(
      `adds up views sent to both, and a publish on one purges the other's pages (${channel.name})`,
      async () => {
        // The first start imports the demo article; the second finds it there.
        const a = await startInstance(database.url!, channel.env);
        const b = await startInstance(database.url!, channel.env);
        instances = [a, b];
        for (const instance of instances) {
          expect((await pageState(instance.origin, '/')).cache).toBe('MISS');
          expect((await pageState(instance.origin, '/')).cache).toBe('HIT');
          await pageState(instance.origin, `/a/${SEED_ID}`);
          expect((await pageState(instance.origin, `/a/${SEED_ID}`)).cache).toBe('HIT');
        }
        const viewsBefore = await findViewCount(database.db, SEED_ID as ArticleId);

        // 150 readers on each instance, all at once.
        const beacons = await Promise.all(
          Array.from({ length: 300 }, (_, i) =>
            fetch(`${instances[i % 2]!.origin}/views/${SEED_ID}`, {
              method: 'POST',
              headers: { 'user-agent': `${BROWSER} reader/${i}` },
            }).then((r) => r.status),
          ),
        );
        expect(beacons.every((status) => status === 204)).toBe(true);

        // An editor publishes on A.
        const id = await createDraft({ database, now: () => NOW }, staff.author);
        await saveArticle(
          { database, now: () => NOW },
          staff.author,
          id,
          content([staff.author.id], { headline: 'خبر نشر على الخادم الأول' }),
        );
        const newsroom = new HttpNewsroom(a.origin);
        expect(await newsroom.signIn('editor@news.example', 'editor password 1')).toBe(303);
        await newsroom.get(`/admin/articles/${id}/edit`);
        expect(await newsroom.post(`/admin/articles/${id}/move`, { move: 'publish' })).toBe(303);

        // B's copy of the home page is gone and its new one shows the article.
        let onB = await pageState(b.origin, '/');
        for (let tries = 0; onB.cache === 'HIT' && tries < 50; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          onB = await pageState(b.origin, '/');
        }
        expect(onB.cache).toBe('MISS');
        expect(onB.body).toContain('خبر نشر على الخادم الأول');
        // The seed's page does not show the new article: B keeps it.
        expect((await pageState(b.origin, `/a/${SEED_ID}`)).cache).toBe('HIT');

        expect(await Promise.all(instances.map((i) => stopServe(i)))).toEqual([0, 0]);
        instances = [];
        expect(await findViewCount(database.db, SEED_ID as ArticleId)).toBe(viewsBefore! + 300);
      },
    );
  }
});
