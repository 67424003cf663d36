/**
 * `midad serve [--port N] [--host H] [--db FILE | --database URL]`: runs the site until
 * SIGINT or SIGTERM, then stops accepting requests, finishes the ones in
 * flight, writes the buffered view counts, and closes the database.
 *
 * While it runs it also polls the wire sources that are due (every 30 s;
 * importers/wire/wire-poller.ts), once across instances by a lease in the
 * database; at the stop a round in progress is cut short.
 *
 * View counts the database refuses at the stop (a full disk) go to the view
 * spool (view-spool.ts), which the next start adds. A second signal, or the
 * end of the grace period, spools the buffered views at once and exits.
 *
 * With `--workers N` (N > 1; serve-workers.ts) this process does the
 * one-time work (migrations, demo content, search index, spooled views),
 * then becomes the cluster's primary and forks N workers that each run the
 * site as above, on one port, without that work. Each worker spools to its
 * own file (`<spool>.w<k>`). The background jobs (scheduler, newsletter
 * clock, webhooks, mail, push, wire, Telegram, the mirror's refresh) run
 * in worker 1 only: their per-minute limits are per process, one process
 * writes the mirror, and on SQLite fewer writers wait less.
 *
 * The site itself is serve-site.ts, loaded only by a process that serves:
 * the primary does its one-time work and supervises without the web
 * server, the jobs' libraries or the change channel's clients.
 */
import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import type { Config } from '../../config/schema.js';
import { applyViewSpool, spoolFileBeside, workerSpoolFiles } from '../../services/view-spool.js';
import { rebuildSearchIndex, searchIndexIsEmpty } from '../../services/reindex.js';
import { countArticles } from '../../storage/repositories/articles.repository.js';
import { openDatabase, type Database } from '../../storage/database.js';
import { configFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';
import { systemClock } from '../../lib/clock.js';
import { collectWhenIdle } from './serve-idle-gc.js';
import { clusterWorkerNumber, runWorkers } from './serve-workers.js';

/** Milliseconds that shutdown may take before the process is ended anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The view spool's file: the setting, else beside the SQLite file or the media folder; none for a database in memory. */
function viewSpoolFile(config: Config): string | null {
  if (config.viewSpoolFile !== undefined) return config.viewSpoolFile;
  if (config.databaseUrl !== undefined) return join(dirname(config.mediaDir), 'views-spool.jsonl');
  return config.dbFile === ':memory:' ? null : spoolFileBeside(config.dbFile);
}

/**
 * Adds the views a previous stop spooled in `file` and in the workers'
 * files beside it (`<file>.w<k>`). A failure is told on stderr and the
 * server starts anyway: the spool stays for the next start.
 */
async function takeBackSpooledViews(database: Database, file: string): Promise<void> {
  for (const spooled of [file, ...workerSpoolFiles(file)]) {
    try {
      const applied = await applyViewSpool(database, spooled);
      if (applied.batches + applied.skipped + applied.rejected > 0) {
        console.log(
          `midad: added ${applied.views} views kept in ${spooled} by a previous stop` +
            (applied.skipped > 0 ? ` (${applied.skipped} batches were added already)` : '') +
            (applied.rejected > 0
              ? `; ${applied.rejected} unreadable lines kept in ${spooled}.rejected`
              : ''),
        );
      }
    } catch (error) {
      console.error(
        `midad: cannot add the views kept in ${spooled} yet; the next start tries again:`,
        error,
      );
    }
  }
}

/**
 * The one-time work before serving, done by the single process or by the
 * cluster's primary: the demo article in an empty database, the search
 * index when empty, and the views spooled by previous stops.
 */
async function prepareSite(config: Config, database: Database, now: () => Date): Promise<void> {
  if (config.demoContent && (await countArticles(database.db)) === 0) {
    const { importDemoContent } = await import('../../importers/demo-content.js');
    const demo = await importDemoContent({ database, now });
    console.log(`midad: imported the demo article ${demo.id} «${demo.headline}»`);
  }
  if (await searchIndexIsEmpty(database)) {
    const indexed = await rebuildSearchIndex(database);
    console.log(`midad: built the search index of ${indexed} articles`);
  }
  const spoolFile = viewSpoolFile(config);
  if (spoolFile !== null) await takeBackSpooledViews(database, spoolFile);
}

export function serveCommand(): Command {
  return withDatabaseFlags(new Command('serve'))
    .description('run the site (default http://127.0.0.1:3000)')
    .option('--port <n>', 'port to listen on (env PORT, default 3000)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option(
      '--workers <n>',
      'processes serving the site on one port, about one per core (env MIDAD_WORKERS, default 1)',
    )
    .action(async (opts: { port?: string; host?: string; workers?: string } & DatabaseFlags) => {
      const config = configFromFlags(opts, {
        port: opts.port,
        host: opts.host,
        workers: opts.workers,
      });
      const now = systemClock;
      // Every process of the server (the primary too) collects its garbage when it falls idle.
      collectWhenIdle();
      const workerNumber = config.workers > 1 ? clusterWorkerNumber() : null;
      if (workerNumber !== null) {
        try {
          // The primary migrated the database and did the one-time work.
          const database = await openDatabase({
            file: config.dbFile,
            url: config.databaseUrl,
            migrate: false,
          });
          const { serveSite } = await import('./serve-site.js');
          return await serveSite(
            config,
            database,
            now,
            { number: workerNumber, of: config.workers },
            { baseSpoolFile: viewSpoolFile(config), graceMs: SHUTDOWN_GRACE_MS },
          );
        } catch (error) {
          // The IPC channel would keep this worker alive: let it go, so that it exits with the error.
          cluster.worker?.disconnect();
          throw error;
        }
      }
      const database = await openDatabase({ file: config.dbFile, url: config.databaseUrl });
      try {
        await prepareSite(config, database, now);
      } catch (error) {
        await database.close();
        throw error;
      }
      if (config.workers === 1) {
        const { serveSite } = await import('./serve-site.js');
        return serveSite(config, database, now, null, {
          baseSpoolFile: viewSpoolFile(config),
          graceMs: SHUTDOWN_GRACE_MS,
        });
      }
      await database.close();
      await runWorkers(config, SHUTDOWN_GRACE_MS);
    });
}
