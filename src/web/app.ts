/**
 * Builds the web application (Fastify) without listening, so that tests
 * drive it with `app.inject()` and the CLI decides where it listens.
 * All wiring of the web layer happens here.
 */
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { SiteLocale } from '../arabic/locale.js';
import type { Config } from '../config/schema.js';
import { translator } from '../i18n/format.js';
import type { ViewCounter } from '../services/view-counter.js';
import type { Database } from '../storage/database.js';
import { HEAD_SCRIPT, loadSiteAssets } from './assets.js';
import { errorHandling } from './plugins/error-handling.js';
import { securityHeaders } from './plugins/security-headers.js';
import { staticAssets } from './plugins/static-assets.js';
import { mediaFiles } from './plugins/media-files.js';
import { sendError, sendNotFound } from './site/error-pages.js';
import { adminPlugin } from './admin/plugin.js';
import { contentApi } from './api/content-api.js';
import { siteRoutes } from './site/routes.js';
import type { PageContext } from './views/page-context.js';

/** Longest path parameter, in characters; longer ones are answered 404. */
const MAX_PARAM_LENGTH = 200;

export interface AppDeps {
  config: Config;
  database: Database;
  viewCounter: ViewCounter;
  /** The clock (UTC instants); tests pin it. */
  now?: () => Date;
  /** Log requests with pino at the configured level (default true). */
  logRequests?: boolean;
}

/** The Fastify app with every route registered, ready for `listen()` or `inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());
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
  const pageContext = (request: FastifyRequest): PageContext => ({
    siteName: config.siteName,
    locale,
    t,
    origin: config.baseUrl ?? `${request.protocol}://${request.host}`,
    assets: assets.urls,
    headScript: HEAD_SCRIPT,
    now: now(),
    readingWordsPerMinute: config.readingWordsPerMinute,
    showHijri: config.showHijri,
    breaking: [],
  });
  const notFound = (request: FastifyRequest, reply: Parameters<typeof sendNotFound>[1]) =>
    sendNotFound(request, reply, { pageContext });

  const app = Fastify({
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
                remoteAddress: request.ip,
              }),
            },
          },
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // A malformed or over-long URL fails before routing: answer it with our pages too.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ err: error }, 'malformed request');
      const status = error.statusCode === 404 || error.statusCode === 414 ? 404 : 400;
      void sendError(request, reply, { pageContext }, status);
    },
  });

  errorHandling(app, { pageContext });
  await securityHeaders(app, { headScriptHash: assets.headScriptHash });
  await app.register(compress, { threshold: 1024 });
  await staticAssets(app, { assets, notFound });
  await mediaFiles(app, { mediaDir: config.mediaDir, notFound });
  await app.register(async (site) =>
    siteRoutes(site, {
      ...deps,
      now,
      timeZone: config.timeZone,
      feedContent: config.feedContent,
      mediaDir: config.mediaDir,
      pageContext,
    }),
  );
  await app.register(async (api) => contentApi(api, { config, database: deps.database, now }));
  await app.register(async (admin) =>
    adminPlugin(admin, { config, database: deps.database, now, assets: assets.admin }),
  );
  return app;
}
