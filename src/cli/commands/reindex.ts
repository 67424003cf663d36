/**
 * `midad reindex [--db FILE | --database URL]`: rebuilds the search index from the articles,
 * with a progress bar.
 */
import { Command } from 'commander';
import { rebuildSearchIndex } from '../../services/reindex.js';
import { countArticles } from '../../storage/repositories/articles.repository.js';
import { progressBar } from '../progress.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

export function reindexCommand(): Command {
  return withDatabaseFlags(new Command('reindex'))
    .description('rebuild the search index from the articles')
    .action(async (opts: DatabaseFlags) => {
      const { database } = await openFromFlags(opts, { existing: true });
      try {
        const started = performance.now();
        const bar = progressBar('reindex', await countArticles(database.db), 'articles');
        const done = await rebuildSearchIndex(database, (n, total) => bar.update(n, total));
        bar.stop();
        const seconds = (performance.now() - started) / 1000;
        console.log(`indexed ${done} article${done === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`);
      } finally {
        await database.close();
      }
    });
}
