/**
 * The SCALE table alone on an SQLite file or PostgreSQL database, filled
 * once by bench/fill.ts and kept, so a change can be measured before and
 * after on the same data:
 *
 *   npx tsx bench/scale-only.ts --articles 100000 --file /tmp/scale-100k.db
 *   npx tsx bench/scale-only.ts --articles 100000 --url postgres://…/midad_x
 *
 * Fills only when the database holds no article yet.
 */
import { existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { fillDatabase } from './fill.js';
import { measureScale, printScale } from './scale.js';
import { openDatabase } from '../src/storage/database.js';
import { countArticles } from '../src/storage/repositories/articles.repository.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const options = new Command('scale-only')
  .option('--articles <n>', 'articles to fill to', (v) => Number(v), 100_000)
  .option('--file <path>', 'SQLite file')
  .option('--url <url>', 'PostgreSQL database')
  .option('--corpus <file>', 'corpus', resolve(HERE, '../../shared/corpus/articles.jsonl'))
  .parse()
  .opts<{ articles: number; file?: string; url?: string; corpus: string }>();

const target: { file: string } | { url: string } = options.url
  ? { url: options.url }
  : { file: options.file ?? 'scale.db' };
let database =
  'file' in target && !existsSync(target.file)
    ? null
    : await openDatabase('url' in target ? { file: '', url: target.url } : target);
if (database && (await countArticles(database.db)) === 0) {
  await database.close();
  database = null;
}
if (!database) {
  const started = performance.now();
  const fill = await fillDatabase(target, options.corpus, options.articles, (s) =>
    console.log(`… ${s}`),
  );
  console.log(
    `filled in ${((performance.now() - started) / 1000).toFixed(0)} s (copy ${(fill.copyMs / 1000).toFixed(0)} s, index ${(fill.indexMs / 1000).toFixed(0)} s)`,
  );
  database = fill.database;
}
const figures = await measureScale(database, 'file' in target ? target.file : null, (s) =>
  console.log(`… ${s}`),
);
await database.close();
printScale([['this run', figures]]);
