/**
 * The HTTP half of the bench, on a database the search half filled: the
 * real server (`midad serve`, MIDAD_WORKERS processes) as a child process
 * on 127.0.0.1, loaded route by route through wrk (bench/wrk.ts: req/s,
 * p50/p99 and the server's CPU time per request), the reference ladder of
 * the cached page (bench/ladder.ts: nginx, bare Node, ours), the cached
 * page again with 2 workers on a machine of 2 cores or more, its memory
 * at rest and at the peak, view beacons sent against views counted, page
 * weight and Lighthouse scores. Rates per second, times in ms, CPU per
 * request in µs, sizes in bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../test/helpers/chromium-flags.js';
import { collectGarbage } from './collect-garbage.js';
import { processTree, treeResidentBytes } from './cpu.js';
import { memoryBreakdown, type MemoryBreakdown } from './memory-map.js';
import {
  cachedResponse,
  LADDER_HEADERS,
  measureLadder,
  type LadderFigures,
  type Skipped,
} from './ladder.js';
import { measureLighthouse, type PageScores } from './lighthouse.js';
import { RUN_WARM_UP_S } from './load.js';
import { readTargets } from './targets.js';
import { weighPage, type PageWeight } from './page-weight.js';
import { settle, startServer, type Server } from './server-process.js';
import { beaconHeaders, storedViews } from './view-beacons.js';
import { runHttpLoad, type Generator, type HttpLoadFigures, type HttpLoadOptions } from './wrk.js';

export type { Skipped } from './ladder.js';

/** Most distinct articles the "uncached" run walks through. */
const DISTINCT_ARTICLES = 20_000;
/** Articles the warm-up reads, apart from those of the runs. */
const WARM_UP_ARTICLES = 200;
/** Connections of the warm-up, over every route. */
const WARM_UP_CONNECTIONS = 10;
/** Different search queries the search run cycles through (half 1-word, half 2-word). */
const SEARCH_QUERIES = 20;
/**
 * Seconds the server is left idle before its memory at rest is read, after
 * a full garbage collection forced through the inspector
 * (collect-garbage.ts): V8's memory reducer alone left an idle server
 * with its grown young generation and the garbage of its start (154 MiB
 * idle after the start at 100,000 articles, 121 MiB after a collection).
 */
const REST_SETTLE_S = 10;
/** Seconds between the forced collection and the reading: the freed pages go back to the system. */
const AFTER_GC_S = 1;
/** Workers of the extra cached-page run on a machine of 2 cores or more. */
const EXTRA_WORKERS = 2;
/** The first visitor number of the measured beacon run: its visitors are not the warm-up's. */
const MEASURED_VISITORS_FROM = 2 ** 23;

export interface HttpOptions {
  /** Seconds of each load run. */
  duration: number;
  connections: number;
  /** MIDAD_WORKERS of the server. */
  workers: number;
  lighthouse: boolean;
  generator: Generator;
}

/** The load runs, in the order they print. */
export const RUNS = {
  articleCached: 'article page, cached (one URL, gzip)',
  articleDistinct: 'article page, distinct URLs',
  articleCacheOff: 'article render, cache off, 1 conn.',
  home: 'home page /',
  search: 'search /search?q=…',
  feed: 'feed /rss.xml',
  beacons: 'view beacons POST /views/<id>',
} as const;
export type RunName = keyof typeof RUNS;

export interface ViewFigures {
  /** Beacons answered 2xx, the warm-up's included. */
  accepted: number;
  /** Growth of the article's stored view count. */
  counted: number;
  /**
   * Beacons that may have reached the server unanswered when a run ended
   * (one a connection, two runs): counted may exceed accepted by this much.
   */
  inFlight: number;
  statuses: Record<string, number>;
}

/** The cached page from a server of several workers. */
export interface WorkersFigures {
  /** MIDAD_WORKERS given. */
  workers: number;
  /** Processes of the server's tree during the run (1 when it does not fork). */
  processes: number;
  load: HttpLoadFigures;
}

export interface HttpFigures {
  options: HttpOptions;
  /** Processes of the server's tree (primary and workers) after its start. */
  processes: number;
  loads: Record<RunName, HttpLoadFigures>;
  /** Distinct article URLs the distinct-article run could walk through. */
  distinctArticles: number;
  ladder: LadderFigures;
  /** The cached page with EXTRA_WORKERS workers (skipped on one core, or when --workers is already more). */
  cachedWithWorkers: WorkersFigures | Skipped;
  /**
   * Resident memory of the server's processes, bytes: at rest after the
   * warm-up, REST_SETTLE_S idle and a forced full garbage collection, at
   * rest again after all runs (the same way), and the highest sampled
   * during the runs.
   */
  memory: {
    rest: number;
    restAfterRuns: number;
    peak: number;
    settleS: number;
    /** Where the memory at rest lies, at each reading (memory-map.ts). */
    restBreakdown: MemoryBreakdown;
    restAfterRunsBreakdown: MemoryBreakdown;
  };
  views: ViewFigures | Skipped;
  lighthouse: { article: PageScores; home: PageScores; section: PageScores } | Skipped;
  pageWeight: { br: PageWeight; gzip: PageWeight };
  /** The same article's lite page (`/lite/a/<id>`, issue 22): all it loads is its HTML. */
  litePageWeight: { br: PageWeight; gzip: PageWeight };
  /** Lines at pino level warn (40) or above in the server's log. */
  serverLog: { warnings: number; errors: number; first: string[] };
  /** Exit code of the graceful stop (SIGTERM), or the signal's name. */
  exitCode: number | string;
}

/** The articles and queries the runs use. */
export interface Targets {
  /** The newest article: the one page every reader asks for. */
  cached: string;
  /** The article the beacons count views for: no run reads it. */
  beacon: { id: string; path: string };
  distinct: string[];
  warmUp: string[];
  searches: string[];
  /** The section page of the section with the most published articles. */
  section: string;
}

export async function pickTargets(target: { file: string } | { url: string }): Promise<Targets> {
  const found = await readTargets(target, {
    articles: DISTINCT_ARTICLES + WARM_UP_ARTICLES + 2,
    sections: 1,
    searches: SEARCH_QUERIES,
  });
  const paths = found.articles.map((a) => a.path);
  const beacon = found.articles[1];
  if (beacon === undefined) throw new Error('too few published articles');
  return {
    cached: paths[0]!,
    beacon,
    warmUp: paths.slice(2, 2 + WARM_UP_ARTICLES),
    // With fewer articles than that, the distinct run also reads the warm-up's.
    distinct: paths.length > 2 + WARM_UP_ARTICLES ? paths.slice(2 + WARM_UP_ARTICLES) : paths,
    searches: found.searches,
    section: found.sections[0]!,
  };
}

/** Every route for RUN_WARM_UP_S, so that V8, the database and the caches are warm. */
export async function warmUp(
  server: Server,
  targets: Targets,
  generator: Generator,
): Promise<void> {
  await runHttpLoad({
    origin: server.origin,
    pid: server.pid,
    generator,
    connections: WARM_UP_CONNECTIONS,
    duration: RUN_WARM_UP_S,
    paths: [
      '/',
      targets.cached,
      '/rss.xml',
      ...targets.warmUp.flatMap((p, i) => [p, targets.searches[i % targets.searches.length]!]),
    ],
  });
  await settle(server.origin);
}

/**
 * Resident memory of the server's processes after REST_SETTLE_S idle and a
 * full garbage collection, bytes, and where it lies.
 */
export async function restingMemory(
  server: Server,
): Promise<{ rss: number; breakdown: MemoryBreakdown }> {
  await new Promise((r) => setTimeout(r, REST_SETTLE_S * 1000));
  const readings = await collectGarbage(server.pid, server.logFile);
  await new Promise((r) => setTimeout(r, AFTER_GC_S * 1000));
  return { rss: treeResidentBytes(server.pid), breakdown: memoryBreakdown(readings) };
}

/** Lines Node's inspector prints when the bench opens it for a collection. */
const INSPECTOR_LINE = /^(Debugger listening on|For help, see: https:\/\/nodejs.org)/;

/** Counts pino lines at warn and above in the servers' logs (`server-<port>.log` in `dir`). */
function scanLogs(dir: string): HttpFigures['serverLog'] {
  const lines = readdirSync(dir)
    .filter((f) => /^server-\d+\.log$/.test(f))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((line) => line !== '' && !INSPECTOR_LINE.test(line));
  const level = (line: string) => Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
  return {
    warnings: lines.filter((l) => level(l) === 40).length,
    errors: lines.filter((l) => level(l) >= 50).length,
    first: lines.filter((l) => level(l) >= 40 || level(l) === 0).slice(0, 5),
  };
}

/** The number of 2xx responses among `statuses`. */
const accepted = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([code]) => code.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);

/**
 * The beacon run: RUN_WARM_UP_S then `duration` seconds of beacons to the
 * article `targets.beacon`, each from a visitor of its own, and the views
 * they should count.
 * @returns the measured run, and the views figures but `counted` (read after the stop).
 */
async function beaconRun(
  server: Server,
  targets: Targets,
  load: (
    options: Omit<HttpLoadOptions, 'connections' | 'pid' | 'origin'>,
  ) => Promise<HttpLoadFigures>,
  duration: number,
  connections: number,
): Promise<{ load: HttpLoadFigures; views: Omit<ViewFigures, 'counted'> }> {
  const beacon = {
    paths: [`/views/${targets.beacon.id}`],
    method: 'POST' as const,
    body: '',
    visitors: true,
    headers: beaconHeaders(server.origin, targets.beacon.path),
  };
  const warm = await load({ ...beacon, duration: RUN_WARM_UP_S });
  await settle(server.origin);
  const measured = await load({ ...beacon, duration, firstVisitor: MEASURED_VISITORS_FROM });
  await settle(server.origin);
  const statuses = { ...warm.statuses };
  for (const [code, count] of Object.entries(measured.statuses))
    statuses[code] = (statuses[code] ?? 0) + count;
  return {
    load: measured,
    views: { accepted: accepted(statuses), inFlight: 2 * connections, statuses },
  };
}

/**
 * The cached page from a server started with EXTRA_WORKERS workers: warmed,
 * checked to be a page-cache hit, then loaded for `duration` seconds.
 */
async function cachedWithWorkers(
  target: { file: string } | { url: string },
  dir: string,
  targets: Targets,
  options: HttpOptions,
): Promise<WorkersFigures> {
  const server = await startServer(target, dir, { MIDAD_WORKERS: String(EXTRA_WORKERS) });
  try {
    const load = (duration: number) =>
      runHttpLoad({
        origin: server.origin,
        pid: server.pid,
        paths: [targets.cached],
        headers: LADDER_HEADERS,
        connections: options.connections,
        generator: options.generator,
        duration,
      });
    await load(RUN_WARM_UP_S);
    await settle(server.origin);
    await cachedResponse(server.origin, targets.cached);
    const processes = processTree(server.pid).length;
    return { workers: EXTRA_WORKERS, processes, load: await load(options.duration) };
  } finally {
    await server.stop();
  }
}

/**
 * Runs the HTTP half on the filled database `target`.
 * @param scratch a folder for logs, Chromium's profile and nginx's files.
 * @throws Error when the cached article page is not a page-cache hit.
 */
export async function measureHttp(
  name: string,
  target: { file: string } | { url: string },
  scratch: string,
  options: HttpOptions,
  onStep: (step: string) => void,
): Promise<HttpFigures> {
  const dir = mkdtempSync(join(scratch, 'http-'));
  const targets = await pickTargets(target);
  const workers = { MIDAD_WORKERS: String(options.workers) };

  onStep(`${name}: starting midad serve (MIDAD_WORKERS=${options.workers})`);
  const server = await startServer(target, dir, workers);
  try {
    const load = (o: Omit<HttpLoadOptions, 'connections' | 'pid' | 'origin'>) =>
      runHttpLoad({
        origin: server.origin,
        pid: server.pid,
        connections: options.connections,
        generator: options.generator,
        ...o,
      });
    onStep(`${name}: warm-up, then ${REST_SETTLE_S} s idle for the memory at rest`);
    await warmUp(server, targets, options.generator);
    const processes = processTree(server.pid).length;
    const atRest = await restingMemory(server);

    let lighthouse: HttpFigures['lighthouse'];
    if (!options.lighthouse) lighthouse = { skipped: '--no-lighthouse' };
    else if (!existsSync(CHROMIUM)) {
      lighthouse = { skipped: `no ${CHROMIUM}: apt-get install -y chromium (as root)` };
    } else {
      onStep(`${name}: Lighthouse (mobile) on the article, home and section pages`);
      try {
        const article = `${server.origin}${targets.cached}`;
        const home = `${server.origin}/`;
        const section = `${server.origin}${targets.section}`;
        const scores = await measureLighthouse([article, home, section], dir);
        lighthouse = { article: scores[article]!, home: scores[home]!, section: scores[section]! };
      } catch (error) {
        lighthouse = { skipped: `Lighthouse failed: ${(error as Error).message}` };
      }
    }

    const articleUrl = `${server.origin}${targets.cached}`;
    const pageWeight = {
      br: await weighPage(articleUrl, 'br'),
      gzip: await weighPage(articleUrl, 'gzip'),
    };
    const liteUrl = `${server.origin}/lite${targets.cached.replace(/^(\/a\/[0-9]+).*$/, '$1')}`;
    const litePageWeight = {
      br: await weighPage(liteUrl, 'br'),
      gzip: await weighPage(liteUrl, 'gzip'),
    };

    const ladder = await measureLadder(
      { origin: server.origin, path: targets.cached, pid: server.pid },
      options.duration,
      (o) => runHttpLoad({ ...o, connections: options.connections, generator: options.generator }),
      (step) => onStep(`${name}: ${step}`),
    );
    const loads: Partial<Record<RunName, HttpLoadFigures>> = { articleCached: ladder.midad };
    /** Each run is first sent for RUN_WARM_UP_S, not counted, then measured. */
    const run = async (run: RunName, paths: readonly string[]) => {
      onStep(`${name}: ${RUNS[run]} (${RUN_WARM_UP_S} s warm-up, then ${options.duration} s)`);
      await load({ paths, duration: RUN_WARM_UP_S });
      await settle(server.origin);
      loads[run] = await load({ paths, duration: options.duration });
      await settle(server.origin);
    };
    await run('articleDistinct', targets.distinct);
    await run('home', ['/']);
    await run('search', targets.searches);
    await run('feed', ['/rss.xml']);

    onStep(`${name}: ${RUNS.beacons}, each from a visitor of its own`);
    const before = await storedViews(target, targets.beacon.id);
    const beacons = await beaconRun(server, targets, load, options.duration, options.connections);
    loads.beacons = beacons.load;
    onStep(`${name}: ${REST_SETTLE_S} s idle for the memory at rest after the runs`);
    const afterRuns = await restingMemory(server);
    const peak = Math.max(...Object.values(loads).map((l) => l.peakRss));
    const exitCode = await server.stop();
    const counted = (await storedViews(target, targets.beacon.id)) - before;
    const views: HttpFigures['views'] =
      beacons.views.accepted === 0
        ? {
            skipped: `POST /views/<id> answered ${JSON.stringify(beacons.views.statuses)}: no beacon endpoint yet`,
          }
        : { ...beacons.views, counted };

    onStep(`${name}: ${RUNS.articleCacheOff}`);
    const uncached = await startServer(target, dir, { ...workers, MIDAD_PAGE_CACHE_MB: '0' });
    try {
      const on = { origin: uncached.origin, pid: uncached.pid, generator: options.generator };
      await runHttpLoad({
        ...on,
        paths: [targets.cached],
        connections: WARM_UP_CONNECTIONS,
        duration: RUN_WARM_UP_S,
      });
      await settle(uncached.origin);
      // One reader at a time over distinct articles: the latency is the render's, with no queue.
      loads.articleCacheOff = await runHttpLoad({
        ...on,
        paths: targets.distinct,
        connections: 1,
        duration: options.duration,
      });
      await settle(uncached.origin);
    } finally {
      await uncached.stop();
    }

    let withWorkers: HttpFigures['cachedWithWorkers'];
    if (cpus().length < EXTRA_WORKERS)
      withWorkers = { skipped: `${cpus().length} core: no run with ${EXTRA_WORKERS} workers` };
    else if (options.workers >= EXTRA_WORKERS)
      withWorkers = { skipped: `the runs above had ${options.workers} workers` };
    else {
      onStep(`${name}: the cached article page with MIDAD_WORKERS=${EXTRA_WORKERS}`);
      withWorkers = await cachedWithWorkers(target, dir, targets, options);
    }

    return {
      options,
      processes,
      loads: loads as Record<RunName, HttpLoadFigures>,
      distinctArticles: targets.distinct.length,
      ladder,
      cachedWithWorkers: withWorkers,
      memory: {
        rest: atRest.rss,
        restAfterRuns: afterRuns.rss,
        peak,
        settleS: REST_SETTLE_S,
        restBreakdown: atRest.breakdown,
        restAfterRunsBreakdown: afterRuns.breakdown,
      },
      views,
      lighthouse,
      pageWeight,
      litePageWeight,
      serverLog: scanLogs(dir),
      exitCode,
    };
  } finally {
    await server.stop();
  }
}
