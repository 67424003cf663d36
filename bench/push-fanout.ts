/**
 * Web push at scale (issue 20): a breaking flag on a site with `count`
 * push subscriptions (default 100,000), on a fresh SQLite database (a file
 * in the scratch folder), sending to the local push service of the tests
 * (test/helpers/push-service.ts) run in a child process of its own
 * (bench/push-service-process.ts, on 127.0.0.1): a push service is remote
 * in production, so the figures are the sender's alone. The service
 * verifies each distinct VAPID JWT and answers 201 without decrypting.
 *
 * 1. queue: `chooseBreaking` marks a published article breaking, which
 *    queues one outbox message per subscription in its transaction
 *    (`queueOutboxFanOut`, INSERT … SELECT): ms;
 * 2. send: one push OutboxWorker (batches of 500, 64 requests in flight,
 *    no per-minute throttle: the machine's capacity) encrypts (RFC 8291)
 *    and POSTs every message: s, messages/s, and the bench process's peak
 *    RSS and V8 heap (sampled every 50 ms);
 * 3. the editor's save while a fan-out is sent: `saveArticle` of another
 *    article, `SAVES` times (after as many unmeasured) with a random pause of 0–40 ms between saves
 *    (so that the saves sample the fan-out's bursts and its rests evenly),
 *    alone (before any fan-out), then during a fan-out sent at production's
 *    default rate (MIDAD_PUSH_PER_MINUTE, 60,000 a minute: a batch of 500
 *    every 500 ms), then during one sent unthrottled: p50 and p95 of each,
 *    ms (in-process, the service the newsroom's save route calls; HTTP adds
 *    the same to each).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ArticleId } from '../src/domain/article-id.js';
import { createDraft, saveArticle } from '../src/services/edit-article.js';
import { chooseBreaking } from '../src/services/front-page.js';
import { moveArticle } from '../src/services/move-article.js';
import { OutboxWorker } from '../src/services/outbox-worker.js';
import { ensureVapidKeys } from '../src/services/push-keys.js';
import { pushSender } from '../src/services/push-sender.js';
import { openDatabase, type Database } from '../src/storage/database.js';
import { insertUser } from '../src/storage/repositories/users.repository.js';
import { content } from '../test/helpers/newsroom.js';
import type { PushServiceAnswer, PushServiceRequest } from './push-service-process.js';
import { ms } from './table.js';

/** Saves timed in each of the three conditions. */
export const SAVES = 100;
/** Production's default MIDAD_PUSH_PER_MINUTE (src/config/schema.ts `pushPerMinute`). */
export const PRODUCTION_PUSH_PER_MINUTE = 60_000;

interface Percentiles {
  p50: number;
  p95: number;
}

export interface PushFanoutFigures {
  subscriptions: number;
  queueMs: number;
  sendMs: number;
  perSecond: number;
  delivered: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  save: {
    alone: Percentiles;
    /** During a fan-out throttled to `throttledPerMinute` (production's default). */
    duringThrottledFanout: Percentiles;
    throttledPerMinute: number;
    /** During an unthrottled fan-out (the machine's capacity). */
    duringFanout: Percentiles;
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

/** The push service stand-in in its own process (bench/push-service-process.ts). */
interface ServiceProcess {
  origin: string;
  ask(request: Omit<PushServiceRequest, 'id'>): Promise<PushServiceAnswer>;
  /** Stops the process and waits for it to end. */
  close(): Promise<void>;
}

async function startServiceProcess(): Promise<ServiceProcess> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'push-service-process.ts')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that dies unexpectedly closes the IPC channel, which stops the child too.
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  const waiting = new Map<number, (answer: PushServiceAnswer) => void>();
  child.on('message', (answer: PushServiceAnswer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  let nextId = 1;
  try {
    const first = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`push service process exited (${code})`)));
    });
    const { origin } = JSON.parse(first) as { origin: string };
    return {
      origin,
      ask: (request) =>
        new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          child.send({ ...request, id });
        }),
      async close() {
        process.off('exit', killOnExit);
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}

async function insertSubscriptions(
  database: Database,
  service: ServiceProcess,
  count: number,
): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < count; i += 1000) {
    const answer = await service.ask({ subscribe: Math.min(1000, count - i), keyPairs: 100 });
    if (!('subscriptions' in answer)) throw new Error('unexpected answer');
    const rows = answer.subscriptions.map((s) => ({
      endpoint: s.endpoint,
      p256dh: s.keys.p256dh,
      auth: s.keys.auth,
      breaking: 1,
      created_at: at,
    }));
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
  const service = await startServiceProcess();
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
    const third = await publish('عاجل: الخبر الثالث');
    const edited = await createDraft(deps, actor);
    step(`push: ${count.toLocaleString('en')} subscriptions`);
    await insertSubscriptions(database, service, count);
    await ensureVapidKeys(database.db);
    const worker = (perMinute?: number) =>
      new OutboxWorker({
        database,
        now,
        batchSize: 500,
        perMinute,
        sender: pushSender({
          database,
          origin: 'https://news.example',
          subject: 'mailto:desk@news.example',
        }),
      });

    const saves = SAVES;
    const timeSaves = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < saves; i++) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
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
    await timeSaves(); // warm-up: the first saves compile the code they run
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
    const answer = await service.ask({ delivered: true });
    const delivered = 'delivered' in answer ? answer.delivered : 0;
    if (sent !== count) throw new Error(`sent ${sent} of ${count}`);

    /** The saves while `article`'s fan-out is sent; the rest of it is then dropped. */
    const savesDuring = async (article: ArticleId, perMinute?: number) => {
      await chooseBreaking(deps, actor, article, 60);
      const duringWorker = worker(perMinute);
      const sending = duringWorker.runOnce();
      const times = await timeSaves();
      // The rest of the fan-out is not measured: stop after the batch in flight.
      await duringWorker.stop();
      await sending;
      await database.db.deleteFrom('outbox_messages').where('status', '=', 'pending').execute();
      return times;
    };
    step(
      `push: the editor saving during a fan-out at ${PRODUCTION_PUSH_PER_MINUTE.toLocaleString('en')}/min`,
    );
    const throttled = await savesDuring(second, PRODUCTION_PUSH_PER_MINUTE);
    step('push: the editor saving during an unthrottled fan-out');
    const during = await savesDuring(third);
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
        duringThrottledFanout: { p50: percentile(throttled, 50), p95: percentile(throttled, 95) },
        throttledPerMinute: PRODUCTION_PUSH_PER_MINUTE,
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
  const rate = `${f.save.throttledPerMinute.toLocaleString('en')}/min`;
  console.log(
    `  save during fan-out at ${rate}: p50 ${ms(f.save.duringThrottledFanout.p50)}, ` +
      `p95 ${ms(f.save.duringThrottledFanout.p95)}`,
  );
  console.log(
    `  save during unthrottled fan-out: p50 ${ms(f.save.duringFanout.p50)}, ` +
      `p95 ${ms(f.save.duringFanout.p95)}`,
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
