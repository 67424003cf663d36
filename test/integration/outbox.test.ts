/**
 * The outbox of the reader channels (issue 20): a fan-out queues each
 * recipient once, claims never hand one message to two workers, and the
 * worker settles sent, retried, given-up and gone messages, on both engines.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OutboxMessage, SendOutcome } from '../../src/domain/outbox.js';
import { OutboxWorker } from '../../src/services/outbox-worker.js';
import {
  claimOutboxMessages,
  outboxCounts,
  pruneOutboxMessages,
  queueOutboxFanOut,
  queueOutboxMessage,
} from '../../src/storage/repositories/outbox.repository.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';

const T0 = new Date('2026-12-04T10:00:00.000Z');
const subject = { channel: 'push', subjectKind: 'article', subjectId: '42' } as const;

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let clock: Date;
  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    clock = T0;
    const rows = Array.from({ length: 250 }, (_, i) => ({
      endpoint: `https://push.example/${i + 1}`,
      p256dh: 'k',
      auth: 'a',
      breaking: i % 5 === 0 ? 0 : 1,
      created_at: T0.toISOString(),
    }));
    await database.db.insertInto('push_subscriptions').values(rows).execute();
  });
  afterEach(async () => database.close());

  const breakingSubscribers = () =>
    database.db
      .selectFrom('push_subscriptions')
      .select('id as recipient_id')
      .where('breaking', '=', 1);

  it('a fan-out queues each recipient once, however often it runs', async () => {
    expect(await queueOutboxFanOut(database.db, subject, breakingSubscribers(), clock)).toBe(200);
    expect(await queueOutboxFanOut(database.db, subject, breakingSubscribers(), clock)).toBe(0);
    expect(await queueOutboxMessage(database.db, subject, '2', clock)).toBe(false);
    expect(await queueOutboxMessage(database.db, subject, '1000', clock)).toBe(true);
    expect(await outboxCounts(database.db, subject)).toEqual({
      pending: 201,
      sent: 0,
      failed: 0,
      gone: 0,
    });
  });

  it('two claims at once share the due messages without overlap, and a lease hides them', async () => {
    await queueOutboxFanOut(database.db, subject, breakingSubscribers(), clock);
    const [a, b] = await Promise.all([
      claimOutboxMessages(database.db, 'push', clock, 60_000, 150),
      claimOutboxMessages(database.db, 'push', clock, 60_000, 150),
    ]);
    const ids = [...a, ...b].map((m) => m.id);
    expect(ids.length).toBe(200);
    expect(new Set(ids).size).toBe(200);
    expect(a[0]).toMatchObject({
      channel: 'push',
      subjectKind: 'article',
      subjectId: '42',
      attempts: 0,
    });
    expect(await claimOutboxMessages(database.db, 'push', clock, 60_000, 10)).toEqual([]);
    expect(await claimOutboxMessages(database.db, 'email', clock, 60_000, 10)).toEqual([]);
    const later = new Date(T0.getTime() + 60_001);
    expect((await claimOutboxMessages(database.db, 'push', later, 60_000, 500)).length).toBe(200);
  });

  it('the worker settles each outcome, retries after the back-off, and gives up after a day', async () => {
    await queueOutboxFanOut(database.db, subject, breakingSubscribers(), clock);
    const seen: OutboxMessage[][] = [];
    const statuses: string[][] = [];
    const worker = new OutboxWorker({
      database,
      now: () => clock,
      batchSize: 80,
      sender: {
        channel: 'push',
        async settled(settled) {
          statuses.push(settled.map((s) => s.status));
        },
        async send(batch) {
          seen.push([...batch]);
          return batch.map((m): SendOutcome => {
            const n = Number(m.recipientId);
            if (n % 10 === 2) return { status: 'gone', error: 'HTTP 410' };
            if (n % 10 === 3) return { status: 'failed', error: 'HTTP 400' };
            if (n % 10 === 4) return { status: 'retry', error: 'HTTP 503' };
            return { status: 'sent' };
          });
        },
      },
    });
    expect(await worker.runOnce()).toBe(200);
    expect(seen.map((b) => b.length)).toEqual([80, 80, 40]);
    // Of the 200 breaking subscribers (ids 1–250 not ≡ 1 mod 5), 25 end in each of 2, 3 and 4.
    expect(await outboxCounts(database.db, subject)).toEqual({
      pending: 25,
      sent: 125,
      failed: 25,
      gone: 25,
    });
    expect(await worker.runOnce()).toBe(0);
    clock = new Date(T0.getTime() + 30_000);
    expect(await worker.runOnce()).toBe(25);
    expect(seen.at(-1)!.every((m) => m.attempts === 1)).toBe(true);
    expect(statuses.at(-1)).toEqual(Array(25).fill('pending'));
    clock = new Date(T0.getTime() + 25 * 3600_000);
    expect(await worker.runOnce()).toBe(25);
    // The sender is told each message's stored status: a retry given up after a day is `failed`.
    expect(statuses.at(-1)).toEqual(Array(25).fill('failed'));
    expect(await outboxCounts(database.db, subject)).toEqual({
      pending: 0,
      sent: 125,
      failed: 50,
      gone: 25,
    });
    expect(await pruneOutboxMessages(database.db, new Date(T0.getTime() + 3600_000))).toBe(175);
    expect(await pruneOutboxMessages(database.db, new Date(T0.getTime() + 26 * 3600_000))).toBe(25);
  });

  it('a throttled worker sends no more than its rate', async () => {
    await queueOutboxFanOut(database.db, subject, breakingSubscribers(), clock);
    const batches: number[] = [];
    const worker = new OutboxWorker({
      database,
      now: () => clock,
      perMinute: 6000,
      batchSize: 50,
      sender: {
        channel: 'push',
        async send(batch) {
          batches.push(batch.length);
          return batch.map(() => ({ status: 'sent' }));
        },
      },
    });
    const started = Date.now();
    expect(await worker.runOnce()).toBe(200);
    // 50 messages at 6,000 a minute take 500 ms each batch, counted from its claim: four take 2 s at least.
    expect(batches).toEqual([50, 50, 50, 50]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });
});
