/**
 * The HTTP half of the bench, on a database the search half filled: the
 * real server (`midad serve`) as a child process on 127.0.0.1, loaded with
 * autocannon route by route, its memory, views sent against views counted,
 * page weight, Lighthouse scores, and nginx serving the same article page
 * as the yardstick. Rates per second, times in ms, sizes in bytes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { canonicalArticlePath } from '../src/domain/article-path.js';
import { openDatabase } from '../src/storage/database.js';
import { CHROMIUM } from '../test/helpers/chromium-flags.js';
import { measureLighthouse, type PageScores } from './lighthouse.js';
import { BROWSER_HEADERS, RUN_WARM_UP_S, runLoad, walkPaths, type LoadFigures } from './load.js';
import { NGINX } from '../test/helpers/nginx.js';
import { startNginx, type StaticServer } from './nginx.js';
import { weighPage, type PageWeight } from './page-weight.js';
import { rawGet } from './raw-get.js';
import { queryMix } from './search.js';
import { residentBytes, settle, startServer, type Server } from './server-process.js';
import { sendBeacons, storedViews } from './view-beacons.js';

/** Most distinct articles the "uncached" run walks through. */
const DISTINCT_ARTICLES = 20_000;
/** Articles the warm-up reads, apart from those of the runs. */
const WARM_UP_ARTICLES = 200;
/** Requests of the warm-up, over every route. */
const WARM_UP_REQUESTS = 2_000;
/** Different search queries the search run cycles through (half 1-word, half 2-word). */
const SEARCH_QUERIES = 20;

export interface HttpOptions {
  /** Seconds of each load run. */
  duration: number;
  connections: number;
  /** View beacons to send. */
  beacons: number;
}

/** The load runs, in the order they run and print. */
export const RUNS = {
  articleCached: 'article page, cached (one URL)',
  articleDistinct: 'article page, distinct URLs',
  articleCacheOff: 'article render, cache off, 1 conn.',
  home: 'home page /',
  search: 'search /search?q=…',
  feed: 'feed /rss.xml',
} as const;
export type RunName = keyof typeof RUNS;

/** A part that did not run, and why. */
export interface Skipped {
  skipped: string;
}

export interface ViewFigures {
  /** Beacons sent (responses received). */
  sent: number;
  /** Beacons answered 2xx. */
  accepted: number;
  /** Growth of the article's stored view count. */
  counted: number;
  statuses: Record<string, number>;
}

export interface HttpFigures {
  options: HttpOptions;
  loads: Record<RunName, LoadFigures>;
  /** Distinct article URLs the distinct-article run could walk through. */
  distinctArticles: number;
  /**
   * The cached-article load on nginx serving the same page as a static file,
   * in the round whose ratio was the median (`loads.articleCached` is ours of
   * that round).
   */
  nginx: LoadFigures | Skipped;
  /** Each round's cached-article rate and nginx's, req/s (nginx 0 when skipped). */
  cachedRounds: Array<{ ours: number; nginx: number }>;
  memory: { rest: number; peak: number };
  views: ViewFigures | Skipped;
  lighthouse: { article: PageScores; home: PageScores; section: PageScores } | Skipped;
  pageWeight: { br: PageWeight; gzip: PageWeight };
  /** Lines at pino level warn (40) or above in the server's log. */
  serverLog: { warnings: number; errors: number; first: string[] };
  /** Exit code of the graceful stop (SIGTERM), or the signal's name. */
  exitCode: number | string;
}

/** The articles and queries the runs use. */
interface Targets {
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

async function pickTargets(target: { file: string } | { url: string }): Promise<Targets> {
  const database = await openDatabase(
    'url' in target ? { file: '', url: target.url, migrate: false } : { ...target, migrate: false },
  );
  try {
    const { rows } = await sql<{ id: string; slug: string | null }>`
      select cast(id as text) as id, slug from articles where status = 'published'
      order by case when published_at is null then 1 else 0 end, published_at desc, id desc
      limit ${DISTINCT_ARTICLES + WARM_UP_ARTICLES + 2}`.execute(database.db);
    const paths = rows.map((r) => canonicalArticlePath(r.id, r.slug));
    const mix = await queryMix(database);
    const half = SEARCH_QUERIES / 2;
    const queries = [
      ...mix.filter((m) => m.words === 1).slice(0, half),
      ...mix.filter((m) => m.words === 2).slice(0, half),
    ];
    const beacon = rows[1];
    if (paths.length < 3 || beacon === undefined) throw new Error('too few published articles');
    const { rows: sections } = await sql<{ slug: string }>`
      select s.slug from sections s join articles a on a.section_id = s.id
      where a.status = 'published' group by s.slug order by count(*) desc, s.slug limit 1`.execute(
      database.db,
    );
    if (sections[0] === undefined) throw new Error('no section has a published article');
    return {
      cached: paths[0]!,
      beacon: { id: beacon.id, path: paths[1]! },
      warmUp: paths.slice(2, 2 + WARM_UP_ARTICLES),
      // With fewer articles than that, the distinct run also reads the warm-up's.
      distinct: paths.length > 2 + WARM_UP_ARTICLES ? paths.slice(2 + WARM_UP_ARTICLES) : paths,
      searches: queries.map((m) => `/search?q=${encodeURIComponent(m.q)}`),
      section: `/section/${encodeURIComponent(sections[0].slug)}`,
    };
  } finally {
    await database.close();
  }
}

/** Every route once in a while, so that V8, the database and the caches are warm. */
async function warmUp(server: Server, targets: Targets, paths: string[] = []): Promise<void> {
  const walk = walkPaths(
    paths.length
      ? paths
      : [
          '/',
          targets.cached,
          '/rss.xml',
          ...targets.warmUp.flatMap((p, i) => [p, targets.searches[i % targets.searches.length]!]),
        ],
  );
  await runLoad({
    origin: server.origin,
    requests: walk.requests,
    amount: WARM_UP_REQUESTS,
    connections: 10,
    duration: 0,
  });
}

/** Counts pino lines at warn and above in the servers' logs (`server-<port>.log` in `dir`). */
function scanLogs(dir: string): HttpFigures['serverLog'] {
  const lines = readdirSync(dir)
    .filter((f) => /^server-\d+\.log$/.test(f))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter(Boolean);
  const level = (line: string) => Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
  return {
    warnings: lines.filter((l) => level(l) === 40).length,
    errors: lines.filter((l) => level(l) >= 50).length,
    first: lines.filter((l) => level(l) >= 40 || level(l) === 0).slice(0, 5),
  };
}

/** Rounds of the cached article against nginx, each one of ours then one of nginx's. */
const CACHED_ROUNDS = 3;

/** A load run's target: a page of a server, and its process when ours. */
interface RunTarget {
  origin: string;
  path: string;
  pid?: number;
}

/**
 * The cached article page against nginx serving the same page as a file,
 * in turn: both warmed (RUN_WARM_UP_S), then CACHED_ROUNDS rounds of our
 * run then nginx's. The round whose ratio is the median is reported. Taken
 * in turn, a slow spell of a shared machine weighs on both sides of a
 * ratio; one run of each, minutes apart, gave 34 % and then 51 % for the
 * same code.
 * @param load one load run of `duration` seconds on a target.
 */
async function cachedAgainstNginx(
  load: (target: RunTarget, duration: number) => Promise<LoadFigures>,
  ours: RunTarget,
  html: Buffer,
  duration: number,
  onStep: (step: string) => void,
): Promise<{
  chosen: LoadFigures;
  nginx: LoadFigures | Skipped;
  rounds: Array<{ ours: number; nginx: number }>;
}> {
  let yardstick: StaticServer | Skipped;
  if (!existsSync(NGINX))
    yardstick = { skipped: `no ${NGINX}: apt-get install -y nginx (as root)` };
  else {
    try {
      yardstick = await startNginx(html);
    } catch (error) {
      yardstick = { skipped: `nginx failed: ${(error as Error).message}` };
    }
  }
  const nginx = 'skipped' in yardstick ? null : yardstick;
  try {
    onStep(
      `${RUNS.articleCached}${nginx ? ' and nginx in turn' : ''}: ${CACHED_ROUNDS} rounds of ${duration} s`,
    );
    await load(ours, RUN_WARM_UP_S);
    if (nginx) await load(nginx, RUN_WARM_UP_S);
    const rounds: Array<{ ours: LoadFigures; nginx: LoadFigures | null }> = [];
    for (let round = 0; round < CACHED_ROUNDS; round++) {
      const ourRun = await load(ours, duration);
      await settle(ours.origin);
      rounds.push({ ours: ourRun, nginx: nginx ? await load(nginx, duration) : null });
    }
    const ratio = (r: (typeof rounds)[number]) => r.ours.rate / (r.nginx?.rate ?? 1);
    const median = [...rounds].sort((x, y) => ratio(x) - ratio(y))[Math.floor(CACHED_ROUNDS / 2)]!;
    return {
      // The peak memory of all rounds, not only the median's.
      chosen: { ...median.ours, peakRss: Math.max(...rounds.map((r) => r.ours.peakRss)) },
      nginx: median.nginx ?? (yardstick as Skipped),
      rounds: rounds.map((r) => ({ ours: r.ours.rate, nginx: r.nginx?.rate ?? 0 })),
    };
  } finally {
    if (nginx) await nginx.stop();
  }
}

/**
 * Runs the HTTP half on the filled database `target`.
 * @param scratch a folder for logs, Chromium's profile and nginx's files.
 */
export async function measureHttp(
  name: string,
  target: { file: string } | { url: string },
  scratch: string,
  options: HttpOptions,
  onStep: (step: string) => void,
): Promise<HttpFigures> {
  const dir = mkdtempSync(join(scratch, 'http-'));
  const load = { connections: options.connections, duration: options.duration };
  const targets = await pickTargets(target);

  onStep(`${name}: starting midad serve`);
  const server = await startServer(target, dir);
  try {
    await warmUp(server, targets);
    await new Promise((r) => setTimeout(r, 1000));
    const rest = residentBytes(server.pid);

    let lighthouse: HttpFigures['lighthouse'];
    if (!existsSync(CHROMIUM)) {
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
    const html = (await rawGet(articleUrl, BROWSER_HEADERS)).body;

    const loads: Partial<Record<RunName, LoadFigures>> = {};
    /** Each run is first sent for RUN_WARM_UP_S, not counted, then measured. */
    const run = async (run: RunName, figures: (duration: number) => Promise<LoadFigures>) => {
      onStep(`${name}: ${RUNS[run]} (${RUN_WARM_UP_S} s warm-up, then ${options.duration} s)`);
      await figures(RUN_WARM_UP_S);
      await settle(server.origin);
      loads[run] = await figures(options.duration);
      await settle(server.origin);
    };
    const on = { origin: server.origin, pid: server.pid, ...load };
    // One walk for both parts: the measured part reads articles the warm-up did not.
    const distinct = walkPaths(targets.distinct);
    const searches = walkPaths(targets.searches);
    const cached = await cachedAgainstNginx(
      (target, duration) => runLoad({ ...load, ...target, duration }),
      { origin: server.origin, path: targets.cached, pid: server.pid },
      html,
      options.duration,
      (step) => onStep(`${name}: ${step}`),
    );
    loads.articleCached = cached.chosen;
    await run('articleDistinct', (duration) => runLoad({ ...on, duration, ...distinct }));
    await run('home', (duration) => runLoad({ ...on, duration, path: '/' }));
    await run('search', (duration) => runLoad({ ...on, duration, ...searches }));
    await run('feed', (duration) => runLoad({ ...on, duration, path: '/rss.xml' }));

    onStep(`${name}: ${options.beacons.toLocaleString('en')} view beacons, one visitor each`);
    const before = await storedViews(target, targets.beacon.id);
    const beacons = await sendBeacons(server.origin, targets.beacon.id, targets.beacon.path, {
      amount: options.beacons,
      connections: options.connections,
      pid: server.pid,
    });
    await settle(server.origin);
    const peak = Math.max(...Object.values(loads).map((l) => l.peakRss), beacons.peakRss);
    const exitCode = await server.stop();
    const counted = (await storedViews(target, targets.beacon.id)) - before;
    const accepted = Object.entries(beacons.statuses)
      .filter(([code]) => code.startsWith('2'))
      .reduce((n, [, count]) => n + count, 0);
    const views: HttpFigures['views'] =
      accepted === 0
        ? {
            skipped: `POST /views/<id> answered ${JSON.stringify(beacons.statuses)}: no beacon endpoint yet`,
          }
        : { sent: beacons.responses, accepted, counted, statuses: beacons.statuses };

    onStep(`${name}: ${RUNS.articleCacheOff}`);
    const uncached = await startServer(target, dir, { MIDAD_PAGE_CACHE_MB: '0' });
    try {
      await warmUp(uncached, targets, [targets.cached]);
      // One reader at a time over distinct articles: the latency is the render's, with no queue.
      loads.articleCacheOff = await runLoad({
        ...load,
        connections: 1,
        origin: uncached.origin,
        pid: uncached.pid,
        ...walkPaths(targets.distinct),
      });
      await settle(uncached.origin);
    } finally {
      await uncached.stop();
    }

    return {
      options,
      loads: loads as Record<RunName, LoadFigures>,
      distinctArticles: targets.distinct.length,
      nginx: cached.nginx,
      cachedRounds: cached.rounds,
      memory: { rest, peak },
      views,
      lighthouse,
      pageWeight,
      serverLog: scanLogs(dir),
      exitCode,
    };
  } finally {
    await server.stop();
  }
}
