/**
 * `midad backup [--db FILE | --database URL] [--print-only] FILE`: a
 * consistent copy of the live database. SQLite: the online backup API
 * writes FILE (an SQLite database: restore by starting the site on it).
 * PostgreSQL: prints the `pg_dump` command, then runs it (unless
 * `--print-only`); restore with `pg_restore` (docs/deploy.md). The media
 * folder is not included.
 */
import { Command } from 'commander';
import { backupSqlite, pgDumpCommand, runPgDump } from '../../services/backup.js';
import { progressBar, type Progress } from '../progress.js';
import { configFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

export function backupCommand(): Command {
  return withDatabaseFlags(new Command('backup'))
    .description('back up the database: SQLite online backup, or pg_dump for PostgreSQL')
    .argument('<file>', 'the backup file to write (must not exist)')
    .option('--print-only', 'PostgreSQL: print the pg_dump command without running it')
    .action(async (file: string, opts: DatabaseFlags & { printOnly?: boolean }) => {
      const config = configFromFlags(opts);
      if (config.databaseUrl !== undefined) {
        const command = pgDumpCommand(config.databaseUrl, file);
        console.log(command.display);
        if (opts.printOnly) return;
        await runPgDump(command);
        console.log(`${file}: written by pg_dump (restore with pg_restore, see docs/deploy.md)`);
        return;
      }
      let bar: Progress | null = null;
      try {
        const pages = await backupSqlite({ file: config.dbFile }, file, (done, total) => {
          bar ??= progressBar('backup', total, 'pages');
          bar.update(done, total);
        });
        (bar as Progress | null)?.stop();
        bar = null;
        console.log(
          `${file}: a copy of ${config.dbFile} (${pages} pages); media folder not included`,
        );
      } finally {
        (bar as Progress | null)?.stop();
      }
    });
}
