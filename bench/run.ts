/**
 * `npm run bench`: the project's measure of speed. Fills a scratch
 * database from the corpus (replicated to `--articles`, 100,000 by
 * default), then prints each figure beside its target and writes them all
 * to bench/results.json. Times in ms, rates per second, sizes in bytes.
 *
 *   npm run bench                         # 100,000 articles from ../shared/corpus
 *   npm run bench -- --articles 20000     # a quicker run
 *   npm run bench -- --corpus other.jsonl
 *   npm run bench -- --no-postgres        # SQLite only (PostgreSQL runs when a server answers)
 *   npm run bench -- --no-sqlite          # PostgreSQL only
 *   npm run bench -- --no-http            # search only, without the server
 *   npm run bench -- --duration 3         # seconds of each HTTP load run (default 10)
 *   npm run bench -- --workers 2          # the server's MIDAD_WORKERS (default 1)
 *   npm run bench -- --no-lighthouse      # skip the Lighthouse scores
 *   npm run bench -- --generator autocannon-workers   # load from autocannon even where wrk is
 *
 * The HTTP part alone, quickly, on a smaller database (a few minutes):
 *   npm run bench -- --articles 20000 --no-site-import --no-wire --no-sse --no-newsletter \
 *     --no-push --no-beacon-burst --no-postgres --no-lighthouse --duration 5
 *   npm run bench -- --site-import-posts 5000   # WordPress export size (default 100,000)
 *   npm run bench -- --no-site-import     # skip importing a WordPress export
 *   npm run bench -- --site-import-heap 160   # the importer's --max-old-space-size
 *   npm run bench -- --no-wire            # skip the wire desk's feed (bench/wire.ts)
 *   npm run bench -- --no-sse             # skip the 5,000 event streams (bench/sse.ts)
 *   npm run bench -- --sse-connections 2000   # event streams held at once (default 5,000)
 *   npm run bench -- --no-beacon-burst    # skip the burst of 20,000 view beacons a minute
 *   npm run bench -- --burst-seconds 15   # the burst's window (default 60; the rate is kept)
 *   npm run bench -- --no-newsletter      # skip mailing 10,000 subscribers (bench/newsletter-send.ts)
 *   npm run bench -- --no-push            # skip the web push fan-out (bench/push-fanout.ts)
 *   npm run bench -- --push-subscriptions 20000   # push subscriptions of the fan-out (default 100,000)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { positiveInteger } from './cli-options.js';
import { fillDatabase } from './fill.js';
import { measureHttp, type HttpFigures } from './http.js';
import { scratchPostgres } from './postgres.js';
import { printHttp } from './print-http.js';
import { measureSiteImport, type ImportTarget, type SiteImportFigures } from './site-import.js';
import { measureSearch, searchIndexBytes, type Latency, type SearchFigures } from './search.js';
import { measureScale, printScale, type ScaleFigures } from './scale.js';
import { ensureBuilt } from './server-process.js';
import { defaultGenerator, type Generator } from './wrk.js';
import { ms, row } from './table.js';
import { measureSse, printSse, type SseFigures } from './sse.js';
import { measureWire, printWire, type WireFigures } from './wire.js';
import { measureMirror, printMirror, type MirrorFigures } from './mirror.js';
import { measureBeaconBurst, printBeaconBurst, type BurstFigures } from './beacon-burst.js';
import {
  measureNewsletterSend,
  printNewsletterSend,
  type NewsletterSendFigures,
} from './newsletter-send.js';
import { measurePushFanout, printPushFanout, type PushFanoutFigures } from './push-fanout.js';
import { judgeTargets, printTargets } from './verdict.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const options = new Command('bench')
  .description('measure Midad’s speed on a database filled from a corpus')
  .option('--articles <n>', 'articles in the scratch database', positiveInteger, 100_000)
  .option(
    '--corpus <file>',
    'JSON Lines corpus to fill it from',
    resolve(HERE, '../../shared/corpus/articles.jsonl'),
  )
  .option('--no-postgres', 'skip PostgreSQL (run by default when a server answers)')
  .option('--no-sqlite', 'skip SQLite (to run PostgreSQL alone, or beside a SQLite-only run)')
  .option('--no-http', 'skip the HTTP part (the server under load, the ladder, Lighthouse)')
  .option('--duration <s>', 'seconds of each HTTP load run', positiveInteger, 10)
  .option('--connections <n>', 'connections of each HTTP load run', positiveInteger, 50)
  .option('--workers <n>', "the server's MIDAD_WORKERS (processes)", positiveInteger, 1)
  .option('--no-lighthouse', 'skip the Lighthouse scores of the HTTP part')
  .addOption(
    new Option('--generator <name>', 'load generator of the HTTP runs (wrk where installed)')
      .choices(['wrk', 'autocannon-workers'])
      .default(defaultGenerator()),
  )
  .option(
    '--site-import-posts <n>',
    'posts of the WordPress export imported by `midad import`',
    positiveInteger,
    100_000,
  )
  .option('--no-site-import', 'skip importing a WordPress export made from the corpus')
  .option('--no-wire', 'skip reading and ingesting an agency feed made from the corpus')
  .option('--no-sse', 'skip holding 5,000 event streams (SSE) on one server')
  .option(
    '--sse-connections <n>',
    'event streams held at once by the SSE part',
    positiveInteger,
    5_000,
  )
  .option('--no-newsletter', 'skip mailing 10,000 subscribers through a local SMTP server')
  .option('--no-beacon-burst', 'skip the burst of 20,000 view beacons a minute (issue 19)')
  .option(
    '--burst-seconds <s>',
    'seconds of the beacon burst (the rate is kept)',
    positiveInteger,
    60,
  )
  .option('--no-push', 'skip the web push fan-out to a local push service (issue 20)')
  .option('--no-mirror', 'skip writing a static mirror of the site (issue 22)')
  .option('--push-subscriptions <n>', 'push subscriptions of the fan-out', positiveInteger, 100_000)
  .option(
    '--site-import-heap <MiB>',
    "cap the importing process's V8 old space (--max-old-space-size)",
    positiveInteger,
  )
  .parse()
  .opts<{
    articles: number;
    corpus: string;
    postgres: boolean;
    sqlite: boolean;
    http: boolean;
    duration: number;
    connections: number;
    workers: number;
    lighthouse: boolean;
    generator: Generator;
    siteImportPosts: number;
    siteImport: boolean;
    siteImportHeap?: number;
    wire: boolean;
    sse: boolean;
    sseConnections: number;
    beaconBurst: boolean;
    newsletter: boolean;
    burstSeconds: number;
    push: boolean;
    pushSubscriptions: number;
    mirror: boolean;
  }>();

/** The search figures of one engine. Rates per second, times in ms, sizes in bytes. */
interface EngineFigures {
  articles: number;
  imported: number;
  importRate: number;
  indexRate: number;
  indexMs: number;
  indexBytes: number;
  latency: SearchFigures;
  /** What grows with the articles (scale.ts). */
  scale: ScaleFigures;
  /** The server's figures (absent with --no-http). */
  http?: HttpFigures;
  /** The static mirror's figures (absent with --no-mirror). */
  mirror?: MirrorFigures;
}

/**
 * Fills `target` from the corpus, measures search on it, then (unless
 * --no-http) the server on the same database.
 * @param scratch a folder for the HTTP part's logs and files.
 */
async function measureEngine(
  name: string,
  target: { file: string } | { url: string },
  scratch: string,
): Promise<EngineFigures> {
  const step = (s: string) => console.log(`… ${name}: ${s}`);
  const fill = await fillDatabase(target, options.corpus, options.articles, step);
  let figures: EngineFigures;
  try {
    step('running the search query mix');
    figures = {
      articles: fill.articles,
      imported: fill.imported,
      importRate: fill.imported / (fill.importMs / 1000),
      indexRate: fill.articles / (fill.indexMs / 1000),
      indexMs: fill.indexMs,
      indexBytes: await searchIndexBytes(fill.database),
      latency: await measureSearch(fill.database),
      scale: await measureScale(fill.database, 'file' in target ? target.file : null, step),
    };
    if (options.mirror) {
      figures.mirror = await measureMirror(fill.database, target, scratch, step);
    }
  } finally {
    await fill.database.close();
  }
  if (options.http) {
    figures.http = await measureHttp(
      name,
      target,
      scratch,
      {
        duration: options.duration,
        connections: options.connections,
        workers: options.workers,
        lighthouse: options.lighthouse,
        generator: options.generator,
      },
      (s) => console.log(`… ${s}`),
    );
  }
  return figures;
}

function printSearch(engines: Array<[string, EngineFigures]>): void {
  const each = (f: (e: EngineFigures) => string) => engines.map(([, e]) => f(e));
  const latency = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
  row(
    'SEARCH',
    engines.map(([name]) => name),
    'target',
  );
  row(
    'import, with search keys',
    each((e) => `${e.importRate.toFixed(0)} art/s`),
  );
  row(
    'index rebuild (reindex)',
    each((e) => `${e.indexRate.toFixed(0)} art/s`),
    '> 2,000 art/s',
  );
  row(
    'index size',
    each((e) => `${(e.indexBytes / 1024 / 1024).toFixed(1)} MiB`),
  );
  row(
    'p50 / p95 / p99, all',
    each((e) => latency(e.latency.all)),
  );
  for (const words of ['1', '2', '3'] as const)
    row(
      `  ${words}-word queries`,
      each((e) => latency(e.latency.byWords[words])),
    );
  row(
    'p95, all',
    each((e) => ms(e.latency.all.p95)),
    '< 20 ms',
  );
  row(
    'mean matches per query',
    each((e) => e.latency.meanTotal.toFixed(0)),
  );
}

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function printSiteImport(figures: SiteImportFigures): void {
  const { runs } = figures;
  const each = (f: (r: (typeof runs)[number]) => string) => runs.map(f);
  console.log('');
  row(
    `SITE IMPORT (WXR, ${figures.posts.toLocaleString('en')} posts${figures.heapMiB === null ? '' : `, heap ≤ ${figures.heapMiB} MiB`})`,
    runs.map((r) => r.engine),
    'target',
  );
  row(
    'file size',
    each(() => `${(figures.fileBytes / 1e6).toFixed(0)} MB`),
  );
  row(
    'posts/s (wall, start-up included)',
    each((r) => `${r.postsPerSecond.toFixed(0)} posts/s (${(r.ms / 1000).toFixed(0)} s)`),
    '> 1,000 posts/s on SQLite',
  );
  row(
    'posts per CPU second',
    each((r) => `${r.postsPerCpuSecond.toFixed(0)} posts/s (${(r.cpuMs / 1000).toFixed(0)} s)`),
  );
  row(
    'peak resident memory (VmHWM)',
    each((r) => `${MiB(r.peakRssBytes)} (polled ${MiB(r.polledPeakRssBytes)})`),
    '< 300 MiB',
  );
  row(
    'articles in the database',
    each(
      (r) => `${r.articles.toLocaleString('en')}${r.exitCode === 0 ? '' : ` (exit ${r.exitCode})`}`,
    ),
  );
}

/** Fresh databases for the site import: an SQLite file in `dir`, then PostgreSQL unless skipped. */
function siteImportTargets(
  dir: string,
): Array<() => Promise<{ target: ImportTarget; done: () => Promise<void> } | null>> {
  const sqlite = async () => ({
    target: { engine: 'SQLite', file: join(dir, 'site-import.db') },
    done: async () => rmSync(join(dir, 'site-import.db'), { force: true }),
  });
  const postgres = async () => {
    const scratch = await scratchPostgres();
    if ('problem' in scratch) {
      console.log(`… site import on PostgreSQL skipped: ${scratch.problem}`);
      return null;
    }
    return { target: { engine: 'PostgreSQL', url: scratch.url }, done: scratch.drop };
  };
  return options.postgres ? [sqlite, postgres] : [sqlite];
}

async function main(): Promise<void> {
  /** The 1-minute load average before the bench loads the machine itself. */
  const loadBefore = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'midad-bench-'));
  const engines: Array<[string, EngineFigures]> = [];
  let siteImport: SiteImportFigures | null = null;
  let wire: WireFigures | null = null;
  let sse: SseFigures | null = null;
  let burst: BurstFigures | null = null;
  let newsletter: NewsletterSendFigures | null = null;
  let push: PushFanoutFigures | null = null;
  if (options.http || options.siteImport || options.beaconBurst)
    ensureBuilt((s) => console.log(`… ${s}`));
  try {
    if (options.sqlite)
      engines.push([
        'SQLite (FTS5)',
        await measureEngine('SQLite', { file: join(dir, 'bench.db') }, dir),
      ]);
    if (options.postgres) {
      const scratch = await scratchPostgres();
      if ('problem' in scratch) console.log(`… PostgreSQL skipped: ${scratch.problem}`);
      else {
        try {
          engines.push([
            'PostgreSQL (tsvector)',
            await measureEngine('PostgreSQL', { url: scratch.url }, dir),
          ]);
        } finally {
          await scratch.drop();
        }
      }
    }
    if (options.wire) {
      wire = await measureWire(options.corpus, dir, 2000, (s) => console.log(`… wire: ${s}`));
    }
    if (options.sse) {
      sse = await measureSse(dir, options.sseConnections, (s) => console.log(`… ${s}`));
    }
    if (options.beaconBurst) {
      burst = await measureBeaconBurst(
        dir,
        { seconds: options.burstSeconds, connections: options.connections, cpuBeacons: 20_000 },
        (s) => console.log(`… ${s}`),
      );
    }
    if (options.newsletter) {
      newsletter = await measureNewsletterSend(dir, 10_000, (s) => console.log(`… ${s}`));
    }
    if (options.push) {
      push = await measurePushFanout(dir, options.pushSubscriptions, (s) => console.log(`… ${s}`));
    }
    if (options.siteImport) {
      siteImport = await measureSiteImport(
        options.corpus,
        options.siteImportPosts,
        dir,
        siteImportTargets(dir),
        (s) => console.log(`… site import: ${s}`),
        options.siteImportHeap ?? null,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const first = engines[0]![1];
  console.log(
    `\nMidad bench — ${first.articles.toLocaleString('en')} articles (${first.imported.toLocaleString('en')} from the corpus), ` +
      `Node ${process.versions.node}, ${cpus().length} cores, load average ${loadBefore.toFixed(1)} ` +
      `before, ${loadavg()[0]?.toFixed(1)} after\n`,
  );
  printSearch(engines);
  printScale(engines.map(([name, e]) => [name, e.scale]));
  const mirrors = engines.flatMap(([name, e]): Array<[string, MirrorFigures]> =>
    e.mirror ? [[name, e.mirror]] : [],
  );
  if (mirrors.length) printMirror(mirrors);
  const http = engines.flatMap(([name, e]): Array<[string, HttpFigures]> =>
    e.http ? [[name, e.http]] : [],
  );
  if (http.length) printHttp(http);
  if (wire) printWire(wire);
  if (sse) printSse(sse);
  if (siteImport) printSiteImport(siteImport);
  if (burst) printBeaconBurst(burst);
  if (newsletter) printNewsletterSend(newsletter);
  if (push) printPushFanout(push);
  const targets = http.length ? judgeTargets(http, first.articles) : null;
  if (targets) printTargets(targets);
  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.versions.node,
      cores: cpus().length,
      loadAverage: loadavg()[0],
      loadAverageBefore: loadBefore,
    },
    articles: first.articles,
    /** The load generator of the HTTP runs. */
    generator: options.http ? options.generator : null,
    search: Object.fromEntries(engines.map(([name, { http: _, ...e }]) => [name, e])),
    http: Object.fromEntries(http),
    wire,
    sse,
    siteImport,
    beaconBurst: burst,
    newsletter,
    pushFanout: push,
    targets,
  };
  writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}

await main();
