/**
 * `npm run bench`: the project's measure of speed. Fills a scratch
 * database from the corpus (replicated to `--articles`, 100,000 by
 * default), then prints each figure beside its target and writes them all
 * to bench/results.json. Times in ms, rates per second, sizes in bytes.
 *
 *   npm run bench                         # 100,000 articles from ../shared/corpus
 *   npm run bench -- --articles 20000     # a quicker run
 *   npm run bench -- --corpus other.jsonl
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { fillDatabase } from './fill.js';
import { measureSearch, searchIndexBytes, type Latency } from './search.js';

const HERE = dirname(fileURLToPath(import.meta.url));

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
}

const options = new Command('bench')
  .description('measure Midad’s speed on a database filled from a corpus')
  .option('--articles <n>', 'articles in the scratch database', positiveInteger, 100_000)
  .option(
    '--corpus <file>',
    'JSON Lines corpus to fill it from',
    resolve(HERE, '../../shared/corpus/articles.jsonl'),
  )
  .parse()
  .opts<{ articles: number; corpus: string }>();

const ms = (n: number) => `${n.toFixed(2)} ms`;
const line = (label: string, value: string, target = '') =>
  console.log(`${label.padEnd(34)} ${value.padStart(16)}   ${target}`);
const latencyLine = (label: string, l: Latency) =>
  line(label, `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'midad-bench-'));
  try {
    const fill = await fillDatabase(join(dir, 'bench.db'), options.corpus, options.articles, (s) =>
      console.log(`… ${s}`),
    );
    const { database } = fill;
    console.log('… running the search query mix');
    const search = await measureSearch(database);
    const indexBytes = await searchIndexBytes(database);
    await database.close();

    const importRate = fill.imported / (fill.importMs / 1000);
    const indexRate = fill.articles / (fill.indexMs / 1000);
    console.log(
      `\nMidad bench — ${fill.articles.toLocaleString('en')} articles (${fill.imported.toLocaleString('en')} from the corpus), ` +
        `Node ${process.versions.node}, ${cpus().length} cores\n`,
    );
    console.log('SEARCH (SQLite FTS5)                        value   target');
    line('import, with search keys', `${importRate.toFixed(0)} art/s`);
    line('index rebuild (midad reindex)', `${indexRate.toFixed(0)} art/s`, '> 2,000 art/s');
    line('index size', `${(indexBytes / 1024 / 1024).toFixed(1)} MiB`);
    latencyLine('latency p50 / p95 / p99, all', search.all);
    for (const words of ['1', '2', '3'] as const)
      latencyLine(`  ${words}-word queries`, search.byWords[words]);
    line('p95, all', ms(search.all.p95), '< 20 ms');
    line('mean matches per query', search.meanTotal.toFixed(0));

    const results = {
      date: new Date().toISOString(),
      machine: { node: process.versions.node, cores: cpus().length },
      articles: fill.articles,
      search: {
        importRate,
        indexRate,
        indexMs: fill.indexMs,
        indexBytes,
        latency: search,
      },
    };
    writeFileSync(join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nwrote bench/results.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
