/**
 * The event-stream bench (issue 19: "the server holds 5,000 SSE connections
 * on one instance; report the memory per connection"). Starts the app in a
 * process of its own (bench/sse-server.ts, on a new SQLite database), then:
 *
 * 1. warms it (200 streams opened and closed), and reads its memory after
 *    two full garbage collections: resident (RSS) and V8 heap in use;
 * 2. opens `connections` streams (5,000 by default) from worker threads
 *    (plain sockets, so that the client is not the bottleneck), waits until
 *    the server holds them all, and reads its memory again: the difference
 *    divided by the streams is the memory per connection;
 * 3. broadcasts one live-update-sized event to all and times it until every
 *    stream has received it (and the server's own broadcast() call);
 * 4. stops the server with SIGTERM, as `midad serve` is stopped, the
 *    streams still open, and times its close and the streams' ends.
 *
 * Figures to print, nothing asserted.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { freePort, track } from './server-process.js';
import { row } from './table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SseFigures {
  connections: number;
  /** Streams the server held at once (refused or failed ones are not). */
  held: number;
  refused: number;
  workers: number;
  /** Server memory with no stream open (after a warm-up), and with `held` open, bytes. */
  before: { rss: number; heapUsed: number };
  after: { rss: number; heapUsed: number };
  rssPerConnectionKiB: number;
  heapPerConnectionKiB: number;
  /** Streams written to, the server's broadcast() time and the time until every stream had the event, ms. */
  broadcast: { written: number; serverMs: number; allReceivedMs: number; received: number };
  /** SIGTERM to exit with the streams open, the app's own close, ms; streams ended by the server. */
  stop: { exitMs: number; closeMs: number | null; exitCode: number | string; ended: number };
}

/** The marker of the broadcast event in a stream: its `id:` line. */
const MARKER = 'id: 1\n';

/** A client thread: opens `count` streams, reports, waits for the event, then for the end. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const { port, count, marker, concurrency } = workerData;
const request = 'GET /bench/events HTTP/1.1\\r\\nHost: 127.0.0.1:' + port + '\\r\\nAccept: text/event-stream\\r\\n\\r\\n';
const sockets = [];
let received = 0, ended = 0, opened = 0;
function openOne() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.setEncoding('utf8');
    let tail = '', open = false, got = false, done = false;
    const settle = (ok) => { if (!done) { done = true; resolve(ok); } };
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      tail += chunk;
      if (!open && tail.includes('retry:')) { open = true; opened++; settle(true); }
      if (!got && tail.includes(marker)) {
        got = true; received++;
        if (received === opened) parentPort.postMessage({ type: 'received', received });
      }
      if (tail.length > 4096) tail = tail.slice(-64);
    });
    socket.on('error', () => settle(false));
    socket.on('close', () => {
      settle(false);
      if (open) { ended++; if (ended === opened) parentPort.postMessage({ type: 'ended', ended }); }
    });
  });
}
(async () => {
  let next = 0, refused = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) { next++; if (!(await openOne())) refused++; }
  }));
  parentPort.postMessage({ type: 'opened', opened, refused });
})();
parentPort.on('message', (m) => { if (m === 'close') for (const s of sockets) s.destroy(); });
`;

interface Memory {
  rss: number;
  heapUsed: number;
  streams: number;
}

/** Waits for `count` messages of `type` from `workers`, resolving to them. */
function fromAll<T>(workers: Worker[], type: string, timeoutMs: number): Promise<T[]> {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<T>((done, fail) => {
          const timer = setTimeout(
            () => fail(new Error(`no '${type}' from a client thread in ${timeoutMs} ms`)),
            timeoutMs,
          );
          const listen = (message: { type: string } & T) => {
            if (message.type !== type) return;
            clearTimeout(timer);
            worker.off('message', listen);
            done(message);
          };
          worker.on('message', listen);
        }),
    ),
  );
}

/** The soft limit of open files of this process (the client side's sockets count against it). */
function openFileLimit(): number {
  const out = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
}

/**
 * Runs the bench with `connections` streams (see the module's comment).
 * @param dir a scratch folder (its database and media folder).
 * @returns null, with the reason told to `onStep`, when the open-file limit is too low.
 */
export async function measureSse(
  dir: string,
  connections: number,
  onStep: (step: string) => void,
): Promise<SseFigures | null> {
  const limit = openFileLimit();
  if (limit < connections + 500) {
    onStep(
      `event streams skipped: ${connections} sockets need an open-file limit above ${connections + 500} (ulimit -n is ${limit}; raise it with ulimit -n 20000)`,
    );
    return null;
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  onStep(`event streams: starting the server on ${origin}`);
  const server = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'sse-server.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        MIDAD_DB: join(dir, 'sse.db'),
        MIDAD_DATABASE_URL: '',
        MIDAD_REDIS_URL: '',
        MIDAD_BASE_URL: origin,
        MIDAD_MEDIA_DIR: join(dir, 'sse-media'),
        MIDAD_DEMO: 'false',
        MIDAD_LOG_LEVEL: 'warn',
        MIDAD_SSE_MAX_CONNECTIONS: String(connections + 1000),
        // Every stream of the bench comes from 127.0.0.1.
        MIDAD_SSE_MAX_PER_ADDRESS: String(connections + 1000),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  track(server);
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((done) =>
    server.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  const workers: Worker[] = [];
  try {
    const deadline = Date.now() + 60_000;
    while (!output.includes('listening')) {
      if (server.exitCode !== null) throw new Error(`the SSE bench server exited: ${output}`);
      if (Date.now() > deadline) throw new Error('the SSE bench server did not start in 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const memory = async (): Promise<Memory> =>
      (await (await fetch(`${origin}/bench/memory`)).json()) as Memory;
    const until = async (test: (m: Memory) => boolean, timeoutMs: number): Promise<Memory> => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const m = await memory();
        if (test(m)) return m;
        if (Date.now() > end) throw new Error(`the server holds ${m.streams} streams`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const threads = Math.max(1, Math.min(4, availableParallelism() - 1));
    const startClients = (count: number) =>
      Array.from(
        { length: threads },
        (_, i) =>
          new Worker(CLIENT, {
            eval: true,
            workerData: {
              port,
              count: Math.floor(count / threads) + (i < count % threads ? 1 : 0),
              marker: MARKER,
              concurrency: 64,
            },
          }),
      );

    // Warm-up: the code paths of a stream are compiled before the first measure.
    onStep('event streams: warming up with 200 streams');
    const warm = startClients(200);
    await fromAll(warm, 'opened', 60_000);
    warm.forEach((w) => w.postMessage('close'));
    await until((m) => m.streams === 0, 30_000);
    await Promise.all(warm.map((w) => w.terminate()));
    await memory();
    const before = await memory();

    onStep(`event streams: opening ${connections} streams from ${threads} client threads`);
    workers.push(...startClients(connections));
    const opened = await fromAll<{ opened: number; refused: number }>(workers, 'opened', 300_000);
    const held = opened.reduce((sum, o) => sum + o.opened, 0);
    const refused = opened.reduce((sum, o) => sum + o.refused, 0);
    await until((m) => m.streams === held, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    await memory();
    const after = await memory();

    onStep('event streams: one event to every stream');
    const allReceived = fromAll<{ received: number }>(workers, 'received', 60_000);
    const started = performance.now();
    const answer = (await (
      await fetch(`${origin}/bench/broadcast`, { method: 'POST' })
    ).json()) as { written: number; ms: number };
    const receivedBy = await allReceived;
    const allReceivedMs = performance.now() - started;

    onStep('event streams: SIGTERM with every stream open');
    const allEnded = fromAll<{ ended: number }>(workers, 'ended', 30_000);
    const stopStarted = performance.now();
    server.kill('SIGTERM');
    const exitCode = await exited;
    const exitMs = performance.now() - stopStarted;
    const ended = (await allEnded.catch(() => [])).reduce((sum, e) => sum + e.ended, 0);
    const closed = /closed ([\d.]+)/.exec(output);
    return {
      connections,
      held,
      refused,
      workers: threads,
      before: { rss: before.rss, heapUsed: before.heapUsed },
      after: { rss: after.rss, heapUsed: after.heapUsed },
      rssPerConnectionKiB: (after.rss - before.rss) / held / 1024,
      heapPerConnectionKiB: (after.heapUsed - before.heapUsed) / held / 1024,
      broadcast: {
        written: answer.written,
        serverMs: answer.ms,
        allReceivedMs,
        received: receivedBy.reduce((sum, r) => sum + r.received, 0),
      },
      stop: { exitMs, closeMs: closed ? Number(closed[1]) : null, exitCode, ended },
    };
  } finally {
    workers.forEach((w) => w.postMessage('close'));
    await Promise.all(workers.map((w) => w.terminate()));
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
}

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Prints the figures of `measureSse`. */
export function printSse(f: SseFigures): void {
  console.log(
    `\nEvent streams (SSE): ${f.held.toLocaleString('en')} streams held at once on one instance` +
      `${f.refused > 0 ? ` (${f.refused} refused or failed)` : ''}, ${f.workers} client threads`,
  );
  row('server RSS, none → all open', [`${MiB(f.before.rss)} → ${MiB(f.after.rss)}`]);
  row('server V8 heap used, none → all', [`${MiB(f.before.heapUsed)} → ${MiB(f.after.heapUsed)}`]);
  row(
    'memory per connection (RSS / heap)',
    [`${f.rssPerConnectionKiB.toFixed(1)} KiB / ${f.heapPerConnectionKiB.toFixed(1)} KiB`],
    '"costs little"',
  );
  row('one event to all: broadcast() call', [
    `${f.broadcast.serverMs.toFixed(1)} ms (${f.broadcast.written} written)`,
  ]);
  row('one event to all: every stream has it', [
    `${f.broadcast.allReceivedMs.toFixed(0)} ms (${f.broadcast.received} received)`,
  ]);
  row('SIGTERM with all open: exit', [
    `${f.stop.exitMs.toFixed(0)} ms, exit ${f.stop.exitCode}, app.close() ${f.stop.closeMs ?? '?'} ms, ${f.stop.ended} streams ended`,
  ]);
}
