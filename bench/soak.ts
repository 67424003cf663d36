/**
 * `npm run soak`: the site under a news day's load for a while, to find
 * what only shows with time: errors, latency that creeps, memory that
 * grows. Issue 21, item 7.
 *
 *   npm run soak                          # 10 minutes, 20,000 articles, SQLite
 *   npm run soak -- --minutes 3 --articles 5000
 *   npm run soak -- --postgres            # on a scratch PostgreSQL database
 *   npm run soak -- --workers 2           # the server with MIDAD_WORKERS=2
 *
 * It fills a scratch database from the corpus (bench/fill.ts), starts
 * `midad serve`, and measures the mix's highest rate with wrk for 10 s.
 * Then, minute by minute, wrk sends the mix at 80 % of that rate (each
 * connection pausing between requests; the pause is corrected after each
 * minute towards the rate), while an editor signed in over HTTP writes and
 * publishes an article every 10 s, which purges the home page, the
 * listings and the searches. The mix (runHttpLoad's classes, bench/wrk.ts):
 * 70 % the five newest articles (cached), 15 % distinct older articles,
 * 10 % the home and section pages, 5 % searches, plus one view beacon per
 * ten requests, each from a visitor of its own.
 *
 * It prints, per minute: the rate, p50 and p99 (ms), errors (socket errors,
 * statuses of 400 and above, failed publishes) and the server's resident
 * memory (all its processes, from /proc) at the minute's end, and its CPU
 * time per request (bench/cpu.ts); then the
 * verdict on the targets: no error, and memory growing less than 10 %
 * from the end of the first minute to the end of the last. Figures go to
 * bench/soak-results.json. It needs Debian's wrk (`apt-get install wrk`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { fillDatabase } from './fill.js';
import { scratchPostgres } from './postgres.js';
import { readTargets } from './targets.js';
import { treeResidentBytes } from './cpu.js';
import { ensureBuilt, settle, startServer } from './server-process.js';
import { EditorSession, addEditor } from './soak-editor.js';
import { beaconHeaders } from './view-beacons.js';
import { runHttpLoad, WRK, type HttpLoadFigures, type HttpLoadOptions } from './wrk.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');

/** Seconds of the run that finds the mix's highest rate. */
const MAX_RUN_S = 10;
/** The share of the highest rate the soak runs at. */
const LOAD_SHARE = 0.8;
/** How often the editor publishes, ms. */
const PUBLISH_EVERY_MS = 10_000;
/** Most memory growth allowed from the end of the first minute to the end of the last. */
const MEMORY_GROWTH_LIMIT = 0.1;
/** Each connection's request cycle is aimed at this many ms (wrk's pause is whole ms). */
const CYCLE_MS = 20;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
}

const options = new Command('soak')
  .description('run a mixed load on the site for minutes, watching errors, latency and memory')
  .option('--minutes <n>', 'minutes of the soak', positiveInteger, 10)
  .option('--articles <n>', 'articles in the scratch database', positiveInteger, 20_000)
  .option(
    '--corpus <file>',
    'JSON Lines corpus to fill it from',
    resolve(HERE, '../../shared/corpus/articles.jsonl'),
  )
  .option('--postgres', 'on a scratch PostgreSQL database instead of SQLite')
  .option('--workers <n>', 'processes of the server (MIDAD_WORKERS)', positiveInteger, 1)
  .parse()
  .opts<{
    minutes: number;
    articles: number;
    corpus: string;
    postgres?: boolean;
    workers: number;
  }>();

/** One minute of the soak. Rates per second, times in ms, memory in bytes. */
interface Minute {
  minute: number;
  rate: number;
  p50: number;
  p99: number;
  /** Socket errors, responses of 400 and above, and failed publishes. */
  errors: number;
  statuses: Record<string, number>;
  publishes: number;
  failedPublishes: string[];
  rss: number;
  /** The server's CPU time (all its processes) per request of the minute, µs. */
  cpuPerRequestUs: number;
  pauseMs: number;
}

/** The pages of each class, and one beacon target. */
interface Targets {
  cached: string[];
  distinct: string[];
  listings: string[];
  searches: string[];
  beacons: Array<{ id: string; path: string }>;
}

async function pickTargets(target: { file: string } | { url: string }): Promise<Targets> {
  const found = await readTargets(target, { articles: 20_005, sections: 5, searches: 20 });
  const paths = found.articles.map((a) => a.path);
  return {
    cached: paths.slice(0, 5),
    distinct: paths.length > 5 ? paths.slice(5) : paths,
    listings: ['/', ...found.sections],
    searches: found.searches,
    beacons: found.articles.slice(0, 5),
  };
}

/** Visitor numbers each wrk run of the soak has to itself (the beacons' visitors stay distinct). */
const VISITORS_PER_RUN = 2 ** 20;

/** The soak's request mix: the classes and their weights, the beacons' split evenly between articles. */
function mixOf(
  origin: string,
  targets: Targets,
): Pick<HttpLoadOptions, 'paths' | 'weight' | 'mix'> {
  const beaconWeight = 10 / targets.beacons.length;
  return {
    paths: targets.cached,
    weight: 70,
    mix: [
      { paths: targets.distinct, weight: 15 },
      { paths: targets.listings, weight: 10 },
      { paths: targets.searches, weight: 5 },
      ...targets.beacons.map((b) => ({
        paths: [`/views/${b.id}`],
        weight: beaconWeight,
        method: 'POST' as const,
        body: '',
        visitors: true,
        headers: beaconHeaders(origin, b.path),
      })),
    ],
  };
}

/** Socket errors and responses of 400 and above. */
function runErrors(run: HttpLoadFigures): number {
  const bad = Object.entries(run.statuses)
    .filter(([status]) => Number(status) >= 400)
    .reduce((n, [, count]) => n + count, 0);
  return run.errors + bad;
}

const MiB = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function soak(target: { file: string } | { url: string }, dir: string) {
  const step = (s: string) => console.log(`… ${s}`);
  const fill = await fillDatabase(target, options.corpus, options.articles, step);
  await fill.database.close();
  addEditor(ROOT, target);
  const targets = await pickTargets(target);
  step(`starting midad serve${options.workers > 1 ? ` with ${options.workers} workers` : ''}`);
  const server = await startServer(target, dir, {
    MIDAD_WORKERS: String(options.workers),
    // Every beacon comes from a visitor of its own; none may be refused as a flood.
    MIDAD_VIEW_BEACONS_PER_MINUTE: '1000000',
  });
  const mix = mixOf(server.origin, targets);
  let runs = 0;
  /** One wrk run of the mix, its beacons from visitors of its own. */
  const load = (connections: number, duration: number, pauseMs = 0) =>
    runHttpLoad({
      ...mix,
      origin: server.origin,
      pid: server.pid,
      generator: 'wrk',
      connections,
      duration,
      pauseMs,
      firstVisitor: VISITORS_PER_RUN * runs++,
    });
  try {
    step(`warming up, then the mix's highest rate (${MAX_RUN_S} s)`);
    await load(50, 3);
    await settle(server.origin);
    const maxRate = (await load(50, MAX_RUN_S)).rate;
    await settle(server.origin);
    const targetRate = maxRate * LOAD_SHARE;
    // Enough connections that each waits some CYCLE_MS between requests: wrk's pause is whole ms.
    const connections = Math.min(1000, Math.max(20, Math.round((targetRate * CYCLE_MS) / 1000)));
    // The cycle aimed at, as if answers took no time: the first minute runs a little under the
    // rate, and each minute's correction brings it up (the saturated run's latency would overshoot).
    let pauseMs = Math.round((connections / targetRate) * 1000);
    step(
      `highest rate ${maxRate.toFixed(0)} req/s; soaking at ${targetRate.toFixed(0)} req/s ` +
        `for ${options.minutes} min (${connections} connections)`,
    );

    const editor = await EditorSession.signIn(server.origin);
    let published = 0;
    let failed: string[] = [];
    let publishing = Promise.resolve();
    const timer = setInterval(() => {
      publishing = publishing.then(() =>
        editor.publish(published + failed.length + 1).then(
          () => void (published += 1),
          (error: Error) => void failed.push(error.message),
        ),
      );
    }, PUBLISH_EVERY_MS);

    const minutes: Minute[] = [];
    try {
      for (let minute = 1; minute <= options.minutes; minute++) {
        const publishedBefore = published;
        const run = await load(connections, 60, pauseMs);
        const { rate } = run;
        const row: Minute = {
          minute,
          rate,
          p50: run.p50,
          p99: run.p99,
          errors: runErrors(run) + failed.length,
          statuses: run.statuses,
          publishes: published - publishedBefore,
          failedPublishes: failed,
          rss: treeResidentBytes(server.pid),
          cpuPerRequestUs: run.cpuPerRequestUs,
          pauseMs,
        };
        failed = [];
        minutes.push(row);
        console.log(
          `minute ${String(minute).padStart(2)}: ${rate.toFixed(0).padStart(6)} req/s, ` +
            `p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, ${row.cpuPerRequestUs.toFixed(0)} µs CPU/req, ` +
            `errors ${row.errors}, ` +
            `${row.publishes} published, ${MiB(row.rss)} MiB resident`,
        );
        for (const reason of row.failedPublishes) console.log(`  publish failed: ${reason}`);
        // Towards the rate aimed at: a connection's cycle is its answer time plus the pause.
        const cycle = (connections / rate) * 1000;
        pauseMs = Math.max(0, Math.round(pauseMs + (connections / targetRate) * 1000 - cycle));
      }
    } finally {
      clearInterval(timer);
      await publishing;
    }
    return { maxRate, targetRate, connections, minutes, exitCode: await server.stop() };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(WRK)) throw new Error(`no ${WRK}: apt-get install -y wrk (as root)`);
  ensureBuilt((s) => console.log(`… ${s}`));
  const dir = mkdtempSync(join(tmpdir(), 'midad-soak-'));
  let drop = async () => {};
  try {
    let target: { file: string } | { url: string } = { file: join(dir, 'soak.db') };
    if (options.postgres) {
      const scratch = await scratchPostgres();
      if ('problem' in scratch) throw new Error(scratch.problem);
      target = { url: scratch.url };
      drop = scratch.drop;
    }
    const result = await soak(target, dir);
    const { minutes } = result;
    const errors = minutes.reduce((n, m) => n + m.errors, 0);
    const first = minutes[0]!.rss;
    // Growth needs a minute after the first: a one-minute soak measures none.
    const growth = minutes.length > 1 ? (minutes.at(-1)!.rss - first) / first : null;
    const rate = minutes.reduce((n, m) => n + m.rate, 0) / minutes.length;
    const worstP99 = Math.max(...minutes.map((m) => m.p99));
    console.log(
      `\nMidad soak — ${options.articles.toLocaleString('en')} articles, ` +
        `${options.postgres ? 'PostgreSQL' : 'SQLite'}, ${options.workers} worker(s), ` +
        `Node ${process.versions.node}, ${cpus().length} cores`,
    );
    console.log(
      `highest rate ${result.maxRate.toFixed(0)} req/s; aimed at ${result.targetRate.toFixed(0)} req/s, ` +
        `sent ${rate.toFixed(0)} req/s on average` +
        (rate < result.targetRate * 0.95
          ? ' (the server did not keep up with 80 % of its highest rate: latency grew instead)'
          : ''),
    );
    console.log(`errors: ${errors} (target 0) ${errors === 0 ? 'met' : 'MISSED'}`);
    console.log(
      growth === null
        ? `memory growth after the first minute: not measured (${MiB(first)} MiB; needs --minutes 2 or more)`
        : `memory growth after the first minute: ${(growth * 100).toFixed(1)} % ` +
            `(${MiB(first)} → ${MiB(minutes.at(-1)!.rss)} MiB; target < 10 %) ` +
            `${growth < MEMORY_GROWTH_LIMIT ? 'met' : 'MISSED'}`,
    );
    console.log(
      `worst p99 of a minute: ${worstP99.toFixed(1)} ms; stop exit code ${result.exitCode}`,
    );
    writeFileSync(
      join(HERE, 'soak-results.json'),
      `${JSON.stringify({ date: new Date().toISOString(), options, ...result, errors, growth }, null, 2)}\n`,
    );
    console.log('wrote bench/soak-results.json');
    if (errors > 0 || (growth !== null && growth >= MEMORY_GROWTH_LIMIT)) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  }
}

await main();
