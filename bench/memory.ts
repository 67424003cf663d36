/**
 * The bench's memory readings alone, on a database filled once and kept
 * (issue 21, item 5): quicker than `npm run bench`, so that one setting can
 * be tried against another on the same data.
 *
 *   npx tsx bench/memory.ts --db /tmp/bench.db --fill 100000     # fills the file if it is new
 *   npx tsx bench/memory.ts --url postgres://…/mydb --fill 100000  # fills the database if it is empty
 *   npx tsx bench/memory.ts --db /tmp/bench.db --env MALLOC_ARENA_MAX=2 --env MIDAD_PAGE_CACHE_MB=16
 *
 * Starts `midad serve` (from dist/, rebuilt when older than src/) with the
 * `--env` settings, warms it as the bench does, reads the memory at rest
 * (10 s idle and a forced collection: http.ts), loads the cached article
 * page, distinct article pages, the home page, searches and the feed (each
 * RUN_WARM_UP_S then `--duration` s through wrk; the distinct run goes on
 * until it answered `--pages` pages, 5,000 by default: more than the
 * page cache's default bound (16 MiB, about 1,000 article pages) holds, or
 * one of 32 MiB, so that the cache is full
 * on a slow or busy machine too), reads the memory at rest
 * again, and prints RSS at rest / after the runs / peak with where it lies
 * (memory-map.ts), and the same as one JSON line.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { sql } from 'kysely';
import { openDatabase } from '../src/storage/database.js';
import { positiveInteger } from './cli-options.js';
import { fillDatabase } from './fill.js';
import { pickTargets, restingMemory, warmUp } from './http.js';
import { LADDER_HEADERS } from './ladder.js';
import { RUN_WARM_UP_S } from './load.js';
import { breakdownText, memoryMap, type MemoryMap } from './memory-map.js';
import { ensureBuilt, settle, startServer } from './server-process.js';
import { defaultGenerator, runHttpLoad, type HttpLoadOptions } from './wrk.js';

const CORPUS = new URL('../../shared/corpus/articles.jsonl', import.meta.url).pathname;

const options = new Command('memory')
  .option('--db <file>', 'an SQLite database file')
  .option('--url <url>', 'a PostgreSQL database')
  .option(
    '--fill <n>',
    'fill the database with n articles when it is new or empty',
    positiveInteger,
  )
  .option('--corpus <file>', 'the JSON Lines corpus of the fill', CORPUS)
  .option(
    '--env <name=value>',
    "a setting of the server's environment (repeatable)",
    (v: string, all: string[]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) throw new InvalidArgumentError('NAME=value');
      return [...all, v];
    },
    [] as string[],
  )
  .option('--duration <s>', 'seconds of each load run', positiveInteger, 5)
  .option('--connections <n>', 'connections of each load run', positiveInteger, 50)
  .option(
    '--pages <n>',
    'distinct article pages the distinct run answers at least, however slow the machine',
    positiveInteger,
    5000,
  )
  .parse()
  .opts<{
    db?: string;
    url?: string;
    fill?: number;
    corpus: string;
    env: string[];
    duration: number;
    connections: number;
    pages: number;
  }>();

/** Interval of the samples of the server's memory map during the runs, ms. */
const PEAK_MAP_MS = 500;

const MiB = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Articles in the database at `target`, 0 when it has no tables yet. */
async function countArticles(target: { file: string } | { url: string }): Promise<number> {
  if ('file' in target && !existsSync(target.file)) return 0;
  const database = await openDatabase('url' in target ? { file: '', url: target.url } : target);
  try {
    const { rows } = await sql<{ n: number | bigint }>`select count(*) as n from articles`.execute(
      database.db,
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const target = options.url ? { url: options.url } : options.db ? { file: options.db } : null;
  if (!target) throw new Error('give --db <file> or --url <postgres url>');
  let articles = await countArticles(target);
  if (articles === 0 && options.fill) {
    const fill = await fillDatabase(target, options.corpus, options.fill, (s) =>
      console.log(`… ${s}`),
    );
    articles = fill.articles;
    await fill.database.close();
  }
  ensureBuilt((s) => console.log(`… ${s}`));
  const env = Object.fromEntries(
    options.env.map((pair) => [
      pair.slice(0, pair.indexOf('=')),
      pair.slice(pair.indexOf('=') + 1),
    ]),
  );
  const generator = defaultGenerator();
  const targets = await pickTargets(target);
  const load1 = loadavg()[0]!;
  const server = await startServer(target, mkdtempSync(join(tmpdir(), 'midad-memory-')), env);
  try {
    const load = (o: Omit<HttpLoadOptions, 'connections' | 'pid' | 'origin' | 'generator'>) =>
      runHttpLoad({
        origin: server.origin,
        pid: server.pid,
        connections: options.connections,
        generator,
        ...o,
      });
    await warmUp(server, targets, generator);
    const rest = await restingMemory(server);
    let peak = 0;
    // The kernel's map of the server at the highest RSS sampled, to say what the peak is made of.
    let peakMap: MemoryMap = memoryMap(server.pid);
    const sampler = setInterval(() => {
      const map = memoryMap(server.pid);
      if (map.rss > peakMap.rss) peakMap = map;
    }, PEAK_MAP_MS);
    const runs: Array<[string, readonly string[], Record<string, string>?]> = [
      ['cached', [targets.cached], LADDER_HEADERS],
      ['distinct', targets.distinct],
      ['home', ['/']],
      ['search', targets.searches],
      ['feed', ['/rss.xml']],
    ];
    for (const [name, paths, headers] of runs) {
      console.log(`… ${name}`);
      let answered = 0;
      let durations = [RUN_WARM_UP_S, options.duration];
      while (durations.length > 0) {
        // A run of distinct pages starts where the last one stopped.
        const start = answered % paths.length;
        const figures = await load({
          paths: [...paths.slice(start), ...paths.slice(0, start)],
          duration: durations.shift()!,
          ...(headers ? { headers } : {}),
        });
        answered += figures.responses;
        peak = Math.max(peak, figures.peakRss);
        await settle(server.origin);
        if (durations.length === 0 && name === 'distinct' && answered < options.pages)
          durations = [options.duration];
      }
    }
    clearInterval(sampler);
    const after = await restingMemory(server);
    const line = {
      engine: 'url' in target ? 'PostgreSQL' : 'SQLite',
      articles,
      env,
      rest: MiB(rest.rss),
      afterRuns: MiB(after.rss),
      peak: MiB(peak),
      loadavg: [load1, loadavg()[0]!].map((l) => Number(l.toFixed(2))),
    };
    console.log(
      `${line.engine}, ${articles.toLocaleString('en')} articles, ${JSON.stringify(env)}: ` +
        `RSS at rest / after the runs / peak ${line.rest} / ${line.afterRuns} / ${line.peak} MiB ` +
        `(load average ${line.loadavg.join(' → ')})`,
    );
    console.log(`  at rest: ${breakdownText(rest.breakdown)}`);
    console.log(`  after:   ${breakdownText(after.breakdown)}`);
    console.log(
      `  peak map (sampled every ${PEAK_MAP_MS} ms, ${MiB(peakMap.rss)}): files ${MiB(peakMap.file)} · ` +
        `malloc main ${MiB(peakMap.mainArena)}, ${peakMap.arenas} thread arenas ` +
        `${MiB(peakMap.threadArenas)} · other anonymous (V8's heap, large blocks) ${MiB(peakMap.otherAnon)}`,
    );
    console.log(
      JSON.stringify({
        ...line,
        breakdown: { rest: rest.breakdown, after: after.breakdown, peakMap },
      }),
    );
  } finally {
    await server.stop();
  }
}

await main();
