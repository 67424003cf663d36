/**
 * The site in one process of `midad serve` (serve.ts): the web server, the
 * change channel, the view counter and its spool, and in the single
 * process or worker 1 the background jobs (scheduler, newsletter clock,
 * webhooks, mail, push, wire, Telegram, the mirror's refresh), until a
 * signal or the primary's STOP_MESSAGE stops it gracefully.
 *
 * Loaded only by a process that serves: the primary of `--workers N`
 * holds none of these modules (nodemailer, web push, the wire readers, the
 * change channel's clients, the web server) for its whole life.
 */
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import {
  mallocWarnings,
  reachWarnings,
  runsOnGlibc,
  startWarnings,
} from '../../config/warnings.js';
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
import { ensureVapidKeys } from '../../services/push-keys.js';
import { ViewCounter } from '../../services/view-counter.js';
import { ViewSpool, workerSpoolFile } from '../../services/view-spool.js';
import { databaseViewSink } from '../../services/view-sink.js';
import { openDatabase, type Database } from '../../storage/database.js';
import { checkMirrorSettings, startMirrorRefresh } from './serve-mirror.js';
import { STOP_MESSAGE } from './serve-workers.js';

/** A worker of `serve --workers N`: its number (1 to N) and N. */
export interface WorkerRole {
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
 * Runs the site in this process until a signal (or, for a worker, the
 * primary's STOP_MESSAGE) stops it; the background jobs run unless this
 * is a worker other than worker 1. `stop.baseSpoolFile` is the view
 * spool's file (serve.ts: viewSpoolFile), a worker's beside it;
 * `stop.graceMs` the time a stop may take before the process exits anyway.
 */
export async function serveSite(
  config: Config,
  database: Database,
  now: () => Date,
  worker: WorkerRole | null,
  stop: { baseSpoolFile: string | null; graceMs: number },
): Promise<void> {
  const runsJobs = worker === null || worker.number === 1;
  // A mirror folder or hook that cannot be used stops the start, before anything is opened.
  if (runsJobs) {
    await checkMirrorSettings(config).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
  }
  const { baseSpoolFile } = stop;
  const spoolFile =
    baseSpoolFile !== null && worker
      ? workerSpoolFile(baseSpoolFile, worker.number)
      : baseSpoolFile;
  const spool = spoolFile === null ? null : keepSpool(spoolFile);
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
    // The site's web push keys are made on its first start, before it listens: every
    // write of a start is done (or has failed, plainly) before the server says it listens.
    await ensureVapidKeys(database.db);
    for (const warning of startWarnings(config, process.env)) app.log.warn(warning);
    for (const warning of mallocWarnings(process.env, runsOnGlibc())) app.log.warn(warning);
    for (const warning of reachWarnings(config, await reachChannelsSetUp(database, config)))
      app.log.warn(warning);
  }
  viewCounter.start(config.viewFlushMs);
  let stopJobs = async () => {};
  const grace = {
    delay: stop.graceMs,
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
  if (runsJobs) stopJobs = await startBackgroundJobs(config, database, now, app, changes);
}

/**
 * Starts the background jobs: the mirror's refresh (MIDAD_MIRROR_DIR),
 * scheduled publishing, the newsletter clock, webhook deliveries, mail,
 * push, the wire poller and Telegram posts.
 * @returns the function that stops them, letting work in progress end
 *   (but the mirror's push or hook: services/mirror-refresh.ts).
 */
async function startBackgroundJobs(
  config: Config,
  database: Database,
  now: () => Date,
  app: FastifyInstance,
  changes: ChangeChannel,
): Promise<() => Promise<void>> {
  // Told every public change of every worker and instance, scheduled publishes below too.
  const mirrorRefresh = await startMirrorRefresh({ config, now, changes, log: app.log });
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
    // The mirror's timer is cancelled now; a write under way is awaited last, after the other jobs.
    const mirrorStopped = mirrorRefresh?.stop();
    stopScheduler();
    stopNewsletterClock();
    await webhooks.stop();
    await push.stop();
    await wirePoller.stop();
    await telegram.stop();
    await emailWorker?.stop();
    await mirrorStopped;
  };
}
