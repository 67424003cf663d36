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
 * clock, webhooks, mail, push, wire, Telegram) run in worker 1 only: their
 * per-minute limits are per process, and on SQLite fewer writers wait less.
 */
import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { reachWarnings, startWarnings } from '../../config/warnings.js';
import type { Config } from '../../config/schema.js';
import {
  clusterChannel,
  localChannel,
  postgresChannel,
  redisChannel,
  type ChangeChannel,
  type ChannelErrorHandler,
} from '../../services/change-channel.js';
import { AppError } from '../../lib/errors.js';
import { importDemoContent } from '../../importers/demo-content.js';
import { startWirePoller } from '../../importers/wire/wire-poller.js';
import { startScheduler } from '../../services/publish-scheduled.js';
import {
  createEditionMailLoader,
  editionMailSite,
  renderEditionMail,
} from '../../services/edition-mail.js';
import { startNewsletterClock } from '../../services/newsletter-editions.js';
import { WebhookDispatcher } from '../../services/webhook-dispatcher.js';
import { OutboxWorker } from '../../services/outbox-worker.js';
import { TELEGRAM_PER_MINUTE, telegramSender } from '../../services/telegram-sender.js';
import { startEmailWorker } from '../../services/mail-worker.js';
import { startPushWorker } from '../../services/push-sender.js';
import { vapidSubject } from '../../services/push-keys.js';
import { reachChannelsSetUp } from '../../services/push-alerts.js';
import { publicOrigin } from '../../config/public-origin.js';
import { rebuildSearchIndex, searchIndexIsEmpty } from '../../services/reindex.js';
import { ViewCounter } from '../../services/view-counter.js';
import {
  applyViewSpool,
  spoolFileBeside,
  ViewSpool,
  workerSpoolFile,
  workerSpoolFiles,
} from '../../services/view-spool.js';
import { databaseViewSink } from '../../services/view-sink.js';
import { countArticles } from '../../storage/repositories/articles.repository.js';
import { openDatabase, type Database } from '../../storage/database.js';
import { configFromFlags, withDatabaseFlags, type DatabaseFlags } from '../database-options.js';
import { systemClock } from '../../lib/clock.js';
import { clusterWorkerNumber, runWorkers, STOP_MESSAGE } from './serve-workers.js';

/** Milliseconds that shutdown may take before the process is ended anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** A worker of `serve --workers N`: its number (1 to N) and N. */
interface WorkerRole {
  readonly number: number;
  readonly of: number;
}

/**
 * The channel instances share public changes on: Redis when MIDAD_REDIS_URL
 * is set, else PostgreSQL's LISTEN/NOTIFY on PostgreSQL, else the cluster's
 * IPC for a worker, else none.
 * @throws AppError CHANGE_CHANNEL_FAILED when Redis or PostgreSQL does not answer.
 */
async function openChangeChannel(
  config: Config,
  worker: WorkerRole | null,
  onError: ChannelErrorHandler,
): Promise<ChangeChannel> {
  try {
    if (config.redisUrl) return await redisChannel(config.redisUrl, onError);
    if (config.databaseUrl) return await postgresChannel(config.databaseUrl, onError);
    return worker ? clusterChannel(onError) : localChannel();
  } catch (error) {
    const where = config.redisUrl ? 'Redis at MIDAD_REDIS_URL' : 'PostgreSQL';
    throw new AppError(
      'CHANGE_CHANNEL_FAILED',
      `Cannot listen for other instances' changes on ${where}: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
}

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

/** The spool this process writes to at its stop, with its reserve made. */
function keepSpool(file: string): ViewSpool {
  const spool = new ViewSpool(file);
  if (!spool.reserve()) {
    console.error(
      `midad: no room for the view spool's reserve beside ${file}: the disk is full, views may be lost at the stop`,
    );
  }
  return spool;
}

/** A clear message for the usual reasons a server cannot listen. */
function listenError(error: unknown, host: string, port: number): AppError {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} is already in use: stop the other server or choose another port with --port or PORT`
      : code === 'EACCES'
        ? `port ${port} needs administrator rights: choose a port above 1023`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? `${host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its addresses`
          : error instanceof Error
            ? error.message
            : String(error);
  return new AppError('LISTEN_FAILED', `Cannot listen on ${host}:${port}: ${reason}.`, {
    cause: error,
  });
}

/**
 * The one-time work before serving, done by the single process or by the
 * cluster's primary: the demo article in an empty database, the search
 * index when empty, and the views spooled by previous stops.
 */
async function prepareSite(config: Config, database: Database, now: () => Date): Promise<void> {
  if (config.demoContent && (await countArticles(database.db)) === 0) {
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
      const workerNumber = config.workers > 1 ? clusterWorkerNumber() : null;
      if (workerNumber !== null) {
        try {
          // The primary migrated the database and did the one-time work.
          const database = await openDatabase({
            file: config.dbFile,
            url: config.databaseUrl,
            migrate: false,
          });
          return await serveSite(config, database, now, {
            number: workerNumber,
            of: config.workers,
          });
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
      if (config.workers === 1) return serveSite(config, database, now, null);
      await database.close();
      await runWorkers(config, SHUTDOWN_GRACE_MS);
    });
}

/**
 * Runs the site in this process until a signal (or, for a worker, the
 * primary's STOP_MESSAGE) stops it; the background jobs run unless this
 * is a worker other than worker 1.
 */
async function serveSite(
  config: Config,
  database: Database,
  now: () => Date,
  worker: WorkerRole | null,
): Promise<void> {
  const baseSpoolFile = viewSpoolFile(config);
  const spoolFile =
    baseSpoolFile !== null && worker
      ? workerSpoolFile(baseSpoolFile, worker.number)
      : baseSpoolFile;
  const spool = spoolFile === null ? null : keepSpool(spoolFile);
  const runsJobs = worker === null || worker.number === 1;
  const viewCounter = new ViewCounter({
    sink: databaseViewSink(database, {
      now,
      minutesRetentionHours: config.viewMinutesRetentionHours,
    }),
    onError: (error) => app.log.error({ err: error }, 'view count flush failed'),
    ...(spool ? { spool: (counts) => void spool.write(counts, now()) } : {}),
  });
  const reportSpooled = (spooled: number) => {
    if (spooled > 0) app.log.warn({ spooled, file: spoolFile }, 'views spooled for the next start');
  };
  const reportLost = (error: unknown) =>
    app.log.error(
      { err: error, views: viewCounter.pending() },
      'views lost: neither written nor spooled',
    );
  /** Writes or spools the buffered views; logs what could be neither, with the counts. */
  const stopViews = () =>
    viewCounter.stop().then((result) => reportSpooled(result.spooled), reportLost);
  /** For a process that must exit now: spools what is buffered, synchronously. */
  const spoolViewsNow = () => {
    try {
      reportSpooled(viewCounter.spoolNow());
    } catch (error) {
      reportLost(error);
    }
  };
  // The app's logger once it exists; stderr until then.
  let logError = (error: unknown) => console.error('midad: change channel failed:', error);
  const changes = await openChangeChannel(config, worker, (error) => logError(error));
  const readDatabase = config.databaseReadUrl
    ? await openDatabase({ file: '', url: config.databaseReadUrl, migrate: false })
    : undefined;
  // The web server is loaded only to serve: the other commands start without it (about 100 MiB less).
  const { buildApp } = await import('../../web/app.js');
  const app = await buildApp({ config, database, readDatabase, viewCounter, now, changes });
  logError = (error) => app.log.error({ err: error }, 'change channel failed');
  if (runsJobs) {
    for (const warning of startWarnings(config, process.env)) app.log.warn(warning);
    for (const warning of reachWarnings(config, await reachChannelsSetUp(database, config)))
      app.log.warn(warning);
  }
  viewCounter.start(config.viewFlushMs);
  let stopJobs = async () => {};
  const grace = {
    delay: SHUTDOWN_GRACE_MS,
    // A second signal means "now": the views buffered are kept, then the process exits.
    onSecondSignal: (signal: string) => {
      app.log.warn({ signal }, 'second signal: exiting now');
      spoolViewsNow();
    },
    onTimeout: (delay: number) => {
      app.log.error({ delay }, 'shutdown took longer than its grace period: exiting now');
      spoolViewsNow();
    },
  };
  // Installed before listening, so that a signal sent the instant the server
  // listens still stops it gracefully.
  let stopping = false;
  const shutdown = closeWithGrace(grace, async ({ signal, err, manual }) => {
    stopping = true;
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info(manual ? { asked: 'by the primary' } : { signal }, 'shutting down');
    await stopJobs();
    await app.close();
    await stopViews();
    await changes.close();
    await readDatabase?.close();
    await database.close();
  });
  // A worker stops when the primary asks, unless a signal (the terminal's Ctrl-C) stopped it first.
  if (worker) {
    process.on('message', (message) => {
      if (message === STOP_MESSAGE && !stopping) void shutdown.close();
    });
  }
  try {
    await app.listen({
      port: config.port,
      host: config.host,
      // The primary says once where the workers listen.
      ...(worker
        ? {
            listenTextResolver: (address: string) =>
              `worker ${worker.number} of ${worker.of} listening at ${address}`,
          }
        : {}),
    });
  } catch (error) {
    shutdown.uninstall();
    await app.close();
    await stopViews();
    await changes.close();
    await readDatabase?.close();
    await database.close();
    throw listenError(error, config.host, config.port);
  }
  if (runsJobs) stopJobs = await startBackgroundJobs(config, database, now, app);
}

/**
 * Starts the background jobs: scheduled publishing, the newsletter clock,
 * webhook deliveries, mail, push, the wire poller and Telegram posts.
 * @returns the function that stops them, letting work in progress end.
 */
async function startBackgroundJobs(
  config: Config,
  database: Database,
  now: () => Date,
  app: FastifyInstance,
): Promise<() => Promise<void>> {
  // Scheduled articles whose time passed while the server was down go out now.
  const stopScheduler = startScheduler(
    { database, now, onPublicChange: app.publicChange },
    {
      onError: (error, id) =>
        app.log.error({ err: error, articleId: id }, 'scheduled publish failed'),
    },
  );
  // Newsletters: the daily digest at its time, scheduled editions when due (once across instances).
  const stopNewsletterClock = startNewsletterClock(
    { database, now, site: editionMailSite(config) },
    { onError: (error) => app.log.error({ err: error }, 'newsletter clock failed') },
  );
  // Webhook deliveries left by a stop or a crash are sent now, then as they are due.
  const webhooks = new WebhookDispatcher({
    database,
    now,
    baseUrl: config.baseUrl,
    onError: (error) => app.log.error({ err: error }, 'webhook delivery failed'),
  });
  webhooks.start();
  // Newsletters (issue 20): the email outbox, throttled to MIDAD_MAIL_PER_MINUTE (none without MIDAD_SMTP_URL).
  // Each edition is loaded and rendered once (services/edition-mail.ts); only the unsubscribe link differs.
  const editions = createEditionMailLoader(database.db, editionMailSite(config));
  const emailWorker = startEmailWorker({
    config,
    database,
    now,
    editionMail: async (id) => {
      const edition = await editions(id);
      return edition ? (recipient) => renderEditionMail(edition, recipient) : null;
    },
    onError: (error) => app.log.error({ err: error }, 'newsletter mail failed'),
  });
  // Issue 20: push alerts queued (also before a stop or a crash) are sent; settled outbox rows pruned hourly.
  const push = await startPushWorker({
    database,
    now,
    origin: publicOrigin(config),
    subject: vapidSubject(config),
    perMinute: config.pushPerMinute,
    onError: (error) => app.log.error({ err: error }, 'push sending failed'),
  });
  // Wire sources due are polled every 30 s; the lease in the database keeps
  // several instances from polling one source twice.
  const wirePoller = startWirePoller(
    { database, now, sanitize: app.sanitizeBody, retentionDays: config.wireRetentionDays },
    {
      intervalMs: 30_000,
      onSource: (report) => {
        if (report.status === 'failed') {
          app.log.warn({ wireSource: report.name, error: report.error }, 'wire poll failed');
        } else if (report.status === 'ok') {
          app.log.info(
            {
              wireSource: report.name,
              added: report.added,
              updated: report.updated,
              duplicates: report.duplicates,
              refused: report.refused,
            },
            'wire polled',
          );
        }
      },
      onError: (error) => app.log.error({ err: error }, 'wire poll round failed'),
    },
  );
  // Posts to the Telegram channel (issue 20), queued with publishing, sent here once across instances.
  const telegram = new OutboxWorker({
    database,
    now,
    sender: telegramSender({ database, config }),
    perMinute: TELEGRAM_PER_MINUTE,
    onError: (error) => app.log.error({ err: error }, 'telegram post failed'),
  });
  telegram.start();
  return async () => {
    stopScheduler();
    stopNewsletterClock();
    await webhooks.stop();
    await push.stop();
    await wirePoller.stop();
    await telegram.stop();
    await emailWorker?.stop();
  };
}
