/**
 * The STATIC MIRROR table alone (bench/mirror.ts) on an SQLite file or a
 * PostgreSQL database, filled once by bench/fill.ts and kept, so that a
 * change can be measured before and after on the same data:
 *
 *   npx tsx bench/mirror-only.ts --articles 100000 --file /tmp/mirror-100k.db
 *   npx tsx bench/mirror-only.ts --articles 100000 --url postgres://…/midad_x
 *
 * Fills only when the database holds no article yet. Each run adds one
 * editor and one published article to it (the third run's).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { openDatabase } from '../src/storage/database.js';
import { countArticles } from '../src/storage/repositories/articles.repository.js';
import { positiveInteger } from './cli-options.js';
import { fillDatabase } from './fill.js';
import { measureMirror, printMirror } from './mirror.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const options = new Command('mirror-only')
  .option('--articles <n>', 'articles to fill to', positiveInteger, 100_000)
  .option('--file <path>', 'SQLite file', 'mirror-bench.db')
  .option('--url <url>', 'PostgreSQL database (instead of --file)')
  .option('--corpus <file>', 'corpus', resolve(HERE, '../../shared/corpus/articles.jsonl'))
  .parse()
  .opts<{ articles: number; file: string; url?: string; corpus: string }>();

const target: { file: string } | { url: string } = options.url
  ? { url: options.url }
  : { file: options.file };
const step = (s: string) => console.log(`… ${s}`);
let database =
  'file' in target && !existsSync(target.file)
    ? null
    : await openDatabase('url' in target ? { file: '', url: target.url } : target);
if (database && (await countArticles(database.db)) === 0) {
  await database.close();
  database = null;
}
database ??= (await fillDatabase(target, options.corpus, options.articles, step)).database;
const scratch = mkdtempSync(join(tmpdir(), 'midad-mirror-bench-'));
try {
  const figures = await measureMirror(database, target, scratch, step);
  printMirror([[`${(await countArticles(database.db)).toLocaleString('en')} articles`, figures]]);
} finally {
  await database.close();
  rmSync(scratch, { recursive: true, force: true });
}
