/**
 * `midad fill-slugs [--db FILE | --database URL]`: gives every news article
 * without a slug (imported before imports made one) its headline's slug,
 * with a progress bar. Short links `/a/<id>` keep working.
 */
import { Command } from 'commander';
import { fillMissingSlugs } from '../../services/fill-slugs.js';
import { countArticlesWithoutSlug } from '../../storage/repositories/article-slugs.repository.js';
import { progressBar } from '../progress.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

export function fillSlugsCommand(): Command {
  return withDatabaseFlags(new Command('fill-slugs'))
    .description("give articles without a slug their headline's slug, as the newsroom does")
    .action(async (opts: DatabaseFlags) => {
      const { database } = await openFromFlags(opts, { existing: true });
      try {
        const bar = progressBar(
          'fill-slugs',
          await countArticlesWithoutSlug(database.db),
          'articles',
        );
        const filled = await fillMissingSlugs(database, (n, total) => bar.update(n, total));
        bar.stop();
        console.log(`gave ${filled} article${filled === 1 ? '' : 's'} a slug`);
      } finally {
        await database.close();
      }
    });
}
