/**
 * Builds the web application (Fastify) without listening, so that tests
 * drive it with `app.inject()` and the CLI decides where it listens.
 * All wiring of the web layer happens here.
 */
import compress from '@fastify/compress';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import pLimit from 'p-limit';
import type { SiteLocale } from '../arabic/locale.js';
import type { Config } from '../config/schema.js';
import { translator } from '../i18n/format.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../lib/error-catalogue.js';
import type { ViewCounter } from '../services/view-counter.js';
import type { Database } from '../services/database.js';
import {
  keysToPurge,
  type PublicChange,
  type PublicChangeListener,
} from '../domain/public-change.js';
import { localChannel, type ChangeChannel } from '../services/change-channel.js';
import { IMAGES_AT_ONCE } from '../services/media.js';
import { RepeatViews } from '../services/repeat-views.js';
import { findRedirect } from '../services/redirects.js';
import type { CountBuffer } from '../services/count-buffer.js';
import { MISSED_PATHS_FLUSH_MS, MissedPaths, saveMissedPaths } from '../services/missed-paths.js';
import {
  REDIRECT_HITS_FLUSH_MS,
  RedirectHits,
  saveRedirectHits,
} from '../services/redirect-hits.js';
import { sanitizerPool, type BodySanitizer } from '../services/sanitizer-pool.js';
import { HEAD_SCRIPT, loadSiteAssets } from './assets.js';
import { CachedPages } from './cache/cached-pages.js';
import { millisecondsOf, systemClock } from '../lib/clock.js';
import { FastPath, serverWithFastPath } from './cache/fast-path.js';
import { RequestKeys } from './cache/request-keys.js';
import { httpCdnPurge, type CdnPurge } from './cache/cdn-purge.js';
import { PageCache } from './cache/page-cache.js';
import { ChangeMemo } from './cache/change-memo.js';
import { errorHandling } from './plugins/error-handling.js';
import { hostPolicy } from './plugins/host-check.js';
import { EventStreams } from './live/event-stream.js';
import { securityHeaderList, securityHeaders } from './plugins/security-headers.js';
import { staticAssets } from './plugins/static-assets.js';
import { mediaFiles } from './plugins/media-files.js';
import { sendBadUrl, sendError, type RedirectFallback } from './site/error-pages.js';
import { adminPlugin } from './admin/plugin.js';
import type { TestMailSender } from '../services/newsletter-editions.js';
import { createTestMailSender } from '../services/mail-worker.js';
import { CONTENT_API_PREFIX, contentApi } from './api/content-api.js';
import { siteRoutes } from './site/routes.js';
import { newsletterRoutes } from './site/newsletter.routes.js';
import { pushRoutes } from './site/push.routes.js';
import { liveBroadcaster } from './live/live-events.js';
import type { PageContext, SharedPageParts } from './views/page-context.js';
import { BARE_HEADER } from '../domain/front-page-settings.js';
import { saveDataOn } from './save-data.js';
import { NO_ALTERNATE_ADDRESSES } from '../domain/alternate-addresses.js';

/**
 * With a read replica, a change's pages are purged again this long after
 * the change, ms: replication lag on a healthy streaming replica is well
 * under a second (PostgreSQL's pg_stat_replication.replay_lag).
 */
const REPLICA_LAG_MS = 2000;

/**
 * How long the parts every page shows (ticker, footer menu, header) are
 * kept at most, ms, when no change is announced: a breaking-news flag that
 * ends lets the next one into the ticker within this time.
 */
const SHARED_PARTS_MAX_AGE_MS = 5_000;

/** Longest path parameter, in characters; longer ones are answered 404. */
const MAX_PARAM_LENGTH = 200;

export interface AppDeps {
  config: Config;
  database: Database;
  /**
   * A read-only replica for the reader site's reads (MIDAD_DATABASE_READ_URL);
   * `database` otherwise. The newsroom, the Content API and view counts use `database`.
   */
  readDatabase?: Database;
  viewCounter: ViewCounter;
  /** The clock (UTC instants); tests pin it. */
  now?: () => Date;
  /** Log requests with pino at the configured level (default true). */
  logRequests?: boolean;
  /**
   * Where the log lines go, one JSON line per write (default: standard
   * output). Tests give their own to read what is logged.
   */
  logStream?: { write(line: string): void };
  /** How instances tell each other of public changes (default: this instance only). */
  changes?: ChangeChannel;
  /** Tells a CDN what to purge (default: MIDAD_CDN_PURGE_URL when set, else nothing). */
  cdnPurge?: CdnPurge;
  /**
   * Counts the reader site's 404s. Default: one made here, written every
   * MISSED_PATHS_FLUSH_MS and at close; one given is flushed by its owner.
   */
  missedPaths?: MissedPaths;
  /** Sends newsletter test emails (default: through MIDAD_SMTP_URL when set, else none). */
  testMail?: TestMailSender;
  /**
   * Accept push subscriptions whose endpoint is `http://127.0.0.1…` or
   * `http://localhost…` (tests and benches with a local push service).
   * Never in a real site: the server POSTs to every endpoint it accepts.
   */
  allowLocalPushEndpoints?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Tell this after a change readers may see: the page caches of every
     * instance and the CDN purge what it made stale. The scheduler uses it.
     */
    publicChange: PublicChangeListener;
    /** The reader site's 404s, counted in memory until flushed (tests flush it). */
    missedPaths: MissedPaths;
    /** The uses of redirects, counted in memory until flushed (tests flush it). */
    redirectHits: RedirectHits;
    /** The app's body sanitiser (worker threads, closed with the app): the wire poller uses it too. */
    sanitizeBody: BodySanitizer;
    /**
     * The Server-Sent Events hub (web/live/event-stream.ts): live pages and the live
     * dashboard open streams on it and broadcast to them; ended when the app closes.
     */
    eventStreams: EventStreams;
    /** Page-cache hits answered before the router (its `served` counts them). */
    fastPath: FastPath;
  }
}

/** Flushes `buffer` every `intervalMs` and at close, logging `failure` when a write fails. */
function flushWhileOpen(
  app: FastifyInstance,
  buffer: CountBuffer,
  intervalMs: number,
  failure: string,
): void {
  buffer.start(intervalMs);
  app.addHook('onClose', async () => {
    await buffer.stop().catch((error: unknown) => app.log.error({ err: error }, failure));
  });
}

/**
 * Whether `request` is a reader reading the public site (GET or HEAD of a
 * page, feed or search outside the newsroom and the Content API): its log
 * lines leave out the address, so that the log never says who read or
 * searched what. Sign-ins, forms and API calls keep theirs, for tracing
 * abuse.
 */
function isReaderRead(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url;
  return !inSpace(path, '/admin') && !inSpace(path, CONTENT_API_PREFIX);
}

/** Whether the request target `url` lies under `prefix` (the prefix itself, `/…` or `?…` after it). */
function inSpace(url: string, prefix: string): boolean {
  return url.startsWith(prefix) && /^$|^[/?]/.test(url.slice(prefix.length, prefix.length + 1));
}

/** The Fastify app with every route registered, ready for `listen()` or `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const now = deps.now ?? systemClock;
  const assets = loadSiteAssets();
  const locale: SiteLocale = {
    lang: 'ar',
    dir: 'rtl',
    timeZone: config.timeZone,
    numerals: config.numerals,
    monthNames: config.monthNames,
    calendar: 'gregory',
  };
  const t = translator('ar');
  const hosts = hostPolicy(config);
  const originOf = hosts.originOf;
  const pageContext = (request: FastifyRequest): PageContext => ({
    siteName: config.siteName,
    locale,
    t,
    origin: originOf(request),
    assets: assets.urls,
    headScript: HEAD_SCRIPT,
    now: now(),
    readingWordsPerMinute: config.readingWordsPerMinute,
    showHijri: config.showHijri,
    breaking: [],
    footer: [],
    header: BARE_HEADER,
    alternates: NO_ALTERNATE_ADDRESSES,
    newsletter: config.smtpUrl !== undefined,
    saveData: saveDataOn(request.headers),
  });
  // Under /assets and /media a missing file is only a 404: no old link leads there.
  const notFound = (request: FastifyRequest, reply: Parameters<typeof sendError>[1]) =>
    sendError(request, reply, { pageContext }, 404);

  const changes = deps.changes ?? localChannel();
  const requestKeys = new RequestKeys();
  // The page cache's clock, read on every hit: no Date made for it unless the clock is pinned.
  const nowMs = millisecondsOf(now);
  const pages = new CachedPages({
    cache: new PageCache({ maxBytes: config.pageCacheMb * 1024 * 1024, now: nowMs }),
    maxAgeMs: config.pageCacheSeconds * 1000,
    sharedMaxAgeS: config.cdnMaxAge,
    now,
    requestKeys,
  });
  const commonHeaders = securityHeaderList({ headScriptHash: assets.headScriptHash });
  // Its summaries go to the app's logger, made with the server below.
  const log = (): FastifyBaseLogger => app.log;
  const fastPath = new FastPath({ pages, requestKeys, commonHeaders, log, now: nowMs });

  const app = Fastify({
    // A page-cache hit is answered before Fastify sees the request (issue 21).
    serverFactory: serverWithFastPath(fastPath, t('error.uriTooLong')),
    logger:
      deps.logRequests === false
        ? false
        : {
            level: config.logLevel,
            // CSRF tokens travel in a query string on the media upload form: keep them out of logs.
            serializers: {
              req: (request: FastifyRequest) => ({
                method: request.method,
                url: request.url.replace(/([?&]_csrf=)[^&#]*/g, '$1…'),
                host: request.host,
                ...(isReaderRead(request) ? {} : { remoteAddress: request.ip }),
              }),
            },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
    trustProxy: config.trustProxy === false ? false : [...config.trustProxy],
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // A malformed or over-long URL fails before routing: answer it with our pages too.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ err: error }, 'malformed request');
      if (error.code === 'FST_ERR_BAD_URL') {
        void sendBadUrl(request, reply, { pageContext, redirects });
        return;
      }
      const status = error.statusCode === 404 || error.statusCode === 414 ? 404 : 400;
      void sendError(request, reply, { pageContext }, status);
    },
  });

  app.decorate('fastPath', fastPath);
  app.addHook('preClose', (done) => {
    fastPath.stop();
    done();
  });
  const sharedParts = new ChangeMemo<SharedPageParts>(SHARED_PARTS_MAX_AGE_MS, () =>
    now().getTime(),
  );
  const cdnPurge =
    deps.cdnPurge ??
    (config.cdnPurgeUrl
      ? httpCdnPurge(config.cdnPurgeUrl, (error) =>
          app.log.error({ err: error }, 'CDN purge failed'),
        )
      : null);
  // Readers of a live page on this instance hear of its updates, whichever instance posted them.
  let broadcastLive: ((change: PublicChange) => Promise<void>) | null = null;
  changes.onChange((change) => {
    if (change.kind === 'live' && broadcastLive) void broadcastLive(change);
    const keys = keysToPurge(change);
    const evicted = pages.purge(keys);
    sharedParts.clear();
    app.log.debug({ change: change.kind, evicted: evicted.length }, 'page cache purged');
    // A page made again at once may be read from a replica that has not caught up yet.
    if (deps.readDatabase)
      setTimeout(() => {
        pages.purge(keys);
        sharedParts.clear();
      }, REPLICA_LAG_MS).unref();
  });
  const publicChange: PublicChangeListener = (change) => {
    changes.publish(change);
    if (!cdnPurge) return;
    const keys = keysToPurge(change);
    void cdnPurge(keys);
    // The CDN may have fetched a page from an instance that read a lagging replica.
    if (deps.readDatabase) setTimeout(() => void cdnPurge(keys), REPLICA_LAG_MS).unref();
  };
  app.decorate('publicChange', publicChange);

  // Event streams (issue 19): ended before the server closes, so that app.close() (and
  // `midad serve`'s stop) never waits for readers who keep a live page open.
  const eventStreams = new EventStreams({
    maxConnections: config.sseMaxConnections,
    maxPerAddress: config.sseMaxPerAddress,
  });
  app.decorate('eventStreams', eventStreams);
  broadcastLive = liveBroadcaster({
    database: deps.database,
    streams: eventStreams,
    context: () => ({ t, locale, now: now() }),
    onError: (error) => app.log.error({ err: error }, 'live update not sent to readers'),
  });
  app.addHook('preClose', (done) => {
    eventStreams.closeAll();
    done();
  });

  // Old addresses (issue 15): looked up, on the primary database, for a reader's request that
  // would be answered 404; hits are written every few seconds, misses every minute.
  const missedPaths =
    deps.missedPaths ??
    new MissedPaths({
      sink: (counts, at) => saveMissedPaths(deps.database, counts, at),
      now,
      onError: (error) => app.log.error({ err: error }, 'missed paths not written'),
    });
  if (!deps.missedPaths)
    flushWhileOpen(app, missedPaths, MISSED_PATHS_FLUSH_MS, 'missed paths not written');
  app.decorate('missedPaths', missedPaths);
  const redirectHits = new RedirectHits({
    sink: (counts, at) => saveRedirectHits(deps.database, counts, at),
    now,
    onError: (error) => app.log.error({ err: error }, 'redirect hits not written'),
  });
  flushWhileOpen(app, redirectHits, REDIRECT_HITS_FLUSH_MS, 'redirect hits not written');
  app.decorate('redirectHits', redirectHits);
  const redirects: RedirectFallback = {
    find: (pathAndQuery) =>
      findRedirect({ database: deps.database, hits: redirectHits }, pathAndQuery),
    missed: (pathAndQuery) => void missedPaths.record(pathAndQuery),
  };

  errorHandling(app, { pageContext, redirects });
  securityHeaders(app, commonHeaders);
  // Before every route and the 404 handler (after the security headers, which its 400 carries):
  // a malformed or foreign Host gets 400.
  app.addHook('onRequest', async (request, reply) => {
    const refusal = hosts.refusal(request);
    if (refusal === null) return;
    request.log.info({ refusal }, 'host refused');
    if (!request.url.startsWith('/api/')) return sendError(request, reply, { pageContext }, 400);
    // In the shape of the Content API's errors, which its response schemas require.
    return reply
      .code(ERROR_CATALOGUE.BAD_HOST.status)
      .header('cache-control', 'no-store')
      .send({
        error: {
          code: 'BAD_HOST' satisfies ErrorCode,
          message: 'The Host header is malformed, or names a host not served here.',
        },
      });
  });
  await app.register(compress, { threshold: 1024 });
  await staticAssets(app, { assets, notFound });
  await mediaFiles(app, { mediaDir: config.mediaDir, notFound });
  await app.register(async (site) =>
    siteRoutes(site, {
      ...deps,
      database: deps.readDatabase ?? deps.database,
      now,
      timeZone: config.timeZone,
      feedContent: config.feedContent,
      mediaDir: config.mediaDir,
      pageContext,
      originOf,
      pages,
      sharedParts,
      redirects,
      repeatViews: new RepeatViews({ now }),
      beaconsPerMinute: config.viewBeaconsPerMinute,
    }),
  );
  await app.register(async (api) =>
    contentApi(api, { config, database: deps.database, now, originOf }),
  );
  await app.register(async (n) =>
    newsletterRoutes(n, { config, database: deps.database, now, pageContext }),
  );
  // Issue 20: the web push subscription API (http endpoints only for a site served locally).
  await app.register(async (push) =>
    pushRoutes(push, {
      database: deps.database,
      now,
      allowLocalHttp: deps.allowLocalPushEndpoints === true,
    }),
  );
  // Saved bodies are sanitised in worker threads, never on the event loop that serves readers.
  const sanitizer = sanitizerPool();
  app.addHook('onClose', () => sanitizer.close());
  app.decorate('sanitizeBody', sanitizer.sanitize);
  await app.register(async (admin) =>
    adminPlugin(admin, {
      config,
      database: deps.database,
      now,
      originOf,
      assets: assets.admin,
      onPublicChange: publicChange,
      imageSlots: pLimit(IMAGES_AT_ONCE),
      sanitizeBody: sanitizer.sanitize,
      testMail: deps.testMail ?? createTestMailSender(config) ?? undefined,
    }),
  );
  return app;
}
