/**
 * `midad import-archive [--db FILE | --database URL] [--media-dir DIR]
 * [--replace] FILE`: loads an archive written by `midad export` into an
 * empty database (or, with `--replace`, in place of its content). The
 * archive is checked whole first; a damaged one is refused with the reason
 * and nothing is written.
 */
import { Command } from 'commander';
import { importArchive } from '../../services/import-archive.js';
import { progressBar, type Progress } from '../progress.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

interface ImportArchiveFlags extends DatabaseFlags {
  mediaDir?: string;
  replace?: boolean;
}

export function importArchiveCommand(): Command {
  return withDatabaseFlags(new Command('import-archive'))
    .description('load an archive written by midad export into an empty database')
    .argument('<file>', 'the archive (.tar.gz)')
    .option('--media-dir <folder>', 'the media folder (env MIDAD_MEDIA_DIR, default data/media)')
    .option('--replace', "delete the database's content first instead of refusing")
    .action(async (file: string, opts: ImportArchiveFlags) => {
      const { config, database } = await openFromFlags(opts, {
        overrides: { mediaDir: opts.mediaDir },
      });
      let bar: Progress | null = null;
      try {
        const summary = await importArchive({ database, mediaDir: config.mediaDir }, file, {
          replace: opts.replace === true,
          onProgress: (done, total) => {
            bar ??= progressBar('import', total, 'rows');
            bar.update(done, total);
          },
        });
        (bar as Progress | null)?.stop();
        bar = null;
        const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.log(
          `${file}: imported ${rows} rows and ${summary.mediaFiles} media files ` +
            `(exported from ${summary.manifest.sourceDialect} at ${summary.manifest.createdAt})`,
        );
        if (summary.usersWithoutPassword > 0) {
          console.log(
            `${summary.usersWithoutPassword} users have no password (the archive has no hashes): ` +
              'set one with midad user reset-password --email E',
          );
        }
        if (summary.webhooksWithNewSecret > 0) {
          console.log(
            `${summary.webhooksWithNewSecret} webhooks got a new signing secret ` +
              '(the archive has none): give the receivers the new ones from /admin',
          );
        }
      } finally {
        (bar as Progress | null)?.stop();
        await database.close();
      }
    });
}
