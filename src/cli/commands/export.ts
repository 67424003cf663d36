/**
 * `midad export [--db FILE | --database URL] [--media-dir DIR]
 * [--with-password-hashes] [--with-webhook-secrets] [--with-subscribers] FILE`:
 * writes the whole site (content, people, settings, images) to a new
 * archive file (`.tar.gz`) that `midad import-archive` reads on SQLite or
 * PostgreSQL. Readers' push and newsletter subscriptions travel only
 * with `--with-subscribers`.
 */
import { Command } from 'commander';
import { exportArchive } from '../../services/export-archive.js';
import { progressBar, type Progress } from '../progress.js';
import { openFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';

interface ExportFlags extends DatabaseFlags {
  mediaDir?: string;
  withPasswordHashes?: boolean;
  withWebhookSecrets?: boolean;
  withSubscribers?: boolean;
}

/** What the archive leaves out, for the summary line. */
function withoutNote(opts: ExportFlags): string {
  const left = [
    ...(opts.withPasswordHashes ? [] : ['password hashes']),
    ...(opts.withWebhookSecrets ? [] : ['webhook secrets']),
    ...(opts.withSubscribers ? [] : ['subscribers']),
  ];
  return left.length === 0
    ? ''
    : ` (without ${left.length > 1 ? `${left.slice(0, -1).join(', ')} and ${left.at(-1)}` : left[0]})`;
}

export function exportCommand(): Command {
  return withDatabaseFlags(new Command('export'))
    .description('write the whole site to an archive file (.tar.gz) for import-archive')
    .argument('<file>', 'the archive to write, e.g. site.tar.gz (must not exist)')
    .option('--media-dir <folder>', 'the media folder (env MIDAD_MEDIA_DIR, default data/media)')
    .option('--with-password-hashes', "include users' password hashes (else they reset passwords)")
    .option('--with-webhook-secrets', "include webhooks' signing secrets (else new ones are made)")
    .option(
      '--with-subscribers',
      "include readers' push and newsletter subscriptions (personal data; else left out)",
    )
    .action(async (file: string, opts: ExportFlags) => {
      const { config, database } = await openFromFlags(opts, {
        existing: true,
        overrides: { mediaDir: opts.mediaDir },
      });
      let bar: Progress | null = null;
      try {
        const summary = await exportArchive(
          { database, mediaDir: config.mediaDir, now: () => new Date() },
          file,
          {
            withPasswordHashes: opts.withPasswordHashes === true,
            withWebhookSecrets: opts.withWebhookSecrets === true,
            withSubscribers: opts.withSubscribers === true,
            onProgress: (done, total) => {
              bar ??= progressBar('export', total, 'rows');
              bar.update(done, total);
            },
          },
        );
        (bar as Progress | null)?.stop();
        for (const id of summary.missingMedia) {
          console.error(
            `warning: image ${id} has no folder in ${config.mediaDir}; its row is kept`,
          );
        }
        const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
        console.log(
          `${file}: ${rows} rows in ${Object.keys(summary.rows).length} tables, ` +
            `${summary.mediaFiles} media files, ${(summary.bytes / 1024).toFixed(0)} KB` +
            withoutNote(opts),
        );
      } finally {
        (bar as Progress | null)?.stop();
        await database.close();
      }
    });
}
