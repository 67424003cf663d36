/**
 * Web push at scale (issue 20): a breaking flag on a site with `count`
 * push subscriptions (default 100,000), in one process on a fresh SQLite
 * database (a file in the scratch folder), sending to the local push
 * service of the tests (test/helpers/push-service.ts, on 127.0.0.1, in
 * this process: it verifies each distinct VAPID JWT, and answers 201
 * without decrypting, so that the figures are the sender's):
 *
 * 1. queue: `chooseBreaking` marks a published article breaking, which
 *    queues one outbox message per subscription in its transaction
 *    (`queueOutboxFanOut`, INSERT … SELECT): ms;
 * 2. send: one push OutboxWorker (batches of 500, 64 requests in flight,
 *    no per-minute throttle: the machine's capacity; production's default
 *    MIDAD_PUSH_PER_MINUTE of 60,000 would spread 100,000 over 100 s)
 *    encrypts (RFC 8291) and POSTs every message: s, messages/s, and the
 *    process's peak RSS and V8 heap (sampled every 50 ms);
 * 3. the editor's save while a fan-out is sent: `saveArticle` of another
 *    article, 60 times, alone (before any fan-out) and then while a second
 *    breaking article's fan-out is being sent: p50 and p95 of each, ms (in-process, the
 *    service the newsroom's save route calls; HTTP adds the same to both).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDraft, saveArticle } from '../src/services/edit-article.js';
import { chooseBreaking } from '../src/services/front-page.js';
import { moveArticle } from '../src/services/move-article.js';
import { OutboxWorker } from '../src/services/outbox-worker.js';
import { ensureVapidKeys } from '../src/services/push-keys.js';
import { pushSender } from '../src/services/push-sender.js';
import { openDatabase, type Database } from '../src/storage/database.js';
import { insertUser } from '../src/storage/repositories/users.repository.js';
import { content } from '../test/helpers/newsroom.js';
import { PushServiceStandIn, type TestSubscription } from '../test/helpers/push-service.js';
import { ms } from './table.js';

export interface PushFanoutFigures {
  subscriptions: number;
  queueMs: number;
  sendMs: number;
  perSecond: number;
  delivered: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  save: {
    alone: { p50: number; p95: number };
    duringFanout: { p50: number; p95: number };
    saves: number;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Peak RSS and heap, sampled every 50 ms until stop(). */
function memoryPeaks() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { rss, heap };
    },
  };
}

async function insertSubscriptions(
  database: Database,
  service: PushServiceStandIn,
  count: number,
): Promise<void> {
  const keys: TestSubscription[] = Array.from({ length: 100 }, () => service.subscribe());
  const at = new Date().toISOString();
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
      const s = service.subscribe(keys[(i + j) % keys.length]);
      return {
        endpoint: s.endpoint,
        p256dh: s.keys.p256dh,
        auth: s.keys.auth,
        breaking: 1,
        created_at: at,
      };
    });
    await database.db.insertInto('push_subscriptions').values(rows).execute();
  }
}

/** Measures a fan-out of `count` subscriptions; `dir` holds the scratch database. */
export async function measurePushFanout(
  dir: string,
  count: number,
  step: (s: string) => void,
): Promise<PushFanoutFigures> {
  const database = await openDatabase({ file: join(dir, 'push-bench.db') });
  const service = await PushServiceStandIn.start({ decrypt: false, record: false });
  try {
    const now = () => new Date();
    const deps = { database, now };
    const editor = await insertUser(
      database.db,
      {
        email: 'editor@bench.example',
        displayName: 'محرر',
        slug: 'محرر',
        role: 'editor',
        passwordHash: 'x',
      },
      now(),
    );
    const actor = { id: editor.id, role: 'editor' as const };
    const publish = async (headline: string) => {
      const id = await createDraft(deps, actor);
      await saveArticle(deps, actor, id, content([actor.id], { headline, excerpt: 'موجز الخبر' }));
      await moveArticle(deps, actor, id, 'publish');
      return id;
    };
    const first = await publish('عاجل: الخبر الأول');
    const second = await publish('عاجل: الخبر الثاني');
    const edited = await createDraft(deps, actor);
    step(`push: ${count.toLocaleString('en')} subscriptions`);
    await insertSubscriptions(database, service, count);
    await ensureVapidKeys(database.db);
    const worker = () =>
      new OutboxWorker({
        database,
        now,
        batchSize: 500,
        sender: pushSender({
          database,
          origin: 'https://news.example',
          subject: 'mailto:desk@news.example',
        }),
      });

    const saves = 60;
    const timeSaves = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < saves; i++) {
        const start = performance.now();
        await saveArticle(
          deps,
          actor,
          edited,
          content([actor.id], { headline: `مسودة تتغير ${i}`, excerpt: 'موجز' }),
        );
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b);
    };
    step('push: the editor saving alone (no fan-out)');
    const alone = await timeSaves();

    step('push: queueing the fan-out');
    let t = performance.now();
    await chooseBreaking(deps, actor, first, 60);
    const queueMs = performance.now() - t;

    step('push: sending');
    const peaks = memoryPeaks();
    t = performance.now();
    const sent = await worker().runOnce();
    const sendMs = performance.now() - t;
    const { rss, heap } = peaks.stop();
    const delivered = service.delivered;
    if (sent !== count) throw new Error(`sent ${sent} of ${count}`);

    step('push: the editor saving during a fan-out');
    await chooseBreaking(deps, actor, second, 60);
    const duringWorker = worker();
    const sending = duringWorker.runOnce();
    const during = await timeSaves();
    // The rest of the second fan-out is not measured: stop after the batch in flight.
    await duringWorker.stop();
    await sending;
    return {
      subscriptions: count,
      queueMs,
      sendMs,
      perSecond: (count / sendMs) * 1000,
      delivered,
      peakRssBytes: rss,
      peakHeapBytes: heap,
      save: {
        alone: { p50: percentile(alone, 50), p95: percentile(alone, 95) },
        duringFanout: { p50: percentile(during, 50), p95: percentile(during, 95) },
        saves,
      },
    };
  } finally {
    await service.close();
    await database.close();
  }
}

export function printPushFanout(f: PushFanoutFigures): void {
  const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  console.log(`\nWeb push fan-out: ${f.subscriptions.toLocaleString('en')} subscriptions (SQLite)`);
  console.log(`  queue (breaking flag):  ${ms(f.queueMs)}`);
  console.log(
    `  send:                   ${(f.sendMs / 1000).toFixed(1)} s, ${Math.round(f.perSecond)} /s, ` +
      `${f.delivered.toLocaleString('en')} delivered (201)`,
  );
  console.log(`  peak RSS / heap:        ${mib(f.peakRssBytes)} / ${mib(f.peakHeapBytes)}`);
  console.log(
    `  editor save alone:      p50 ${ms(f.save.alone.p50)}, p95 ${ms(f.save.alone.p95)}` +
      ` (${f.save.saves} saves)`,
  );
  console.log(
    `  save during fan-out:    p50 ${ms(f.save.duringFanout.p50)}, p95 ${ms(f.save.duringFanout.p95)}`,
  );
}

// `tsx bench/push-fanout.ts [count]`: this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'midad-push-bench-'));
  try {
    const figures = await measurePushFanout(dir, Number(process.argv[2] ?? 100_000), (s) =>
      console.log(`… ${s}`),
    );
    printPushFanout(figures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
