/**
 * Builds the web application (Fastify) without listening, so that tests
 * drive it with `app.inject()` and the CLI decides where it listens.
 * All wiring of the web layer happens here.
 */
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { SiteLocale } from '../arabic/locale.js';
import type { Config } from '../config/schema.js';
import { translator } from '../i18n/format.js';
import { AppError } from '../lib/errors.js';
import type { ViewCounter } from '../services/view-counter.js';
import type { Database } from '../storage/database.js';
import { FONT_DIR, HEAD_SCRIPT, loadSiteAssets } from './assets.js';
import { sendError, sendNotFound } from './site/error-pages.js';
import { siteRoutes } from './site/routes.js';
import type { PageContext } from './views/page-context.js';

/** One year, in seconds: the lifetime of fingerprinted and font files. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

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
  const app = Fastify({
    logger: deps.logRequests === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A malformed URL or header fails before routing: answer it with our page too.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ err: error }, 'malformed request');
      void sendError(request, reply, { pageContext }, error.statusCode === 404 ? 404 : 400);
    },
  });

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
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", assets.headScriptHash],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(fastifyStatic, {
    root: FONT_DIR,
    prefix: '/fonts/',
    cacheControl: false,
    setHeaders: (res) => res.header('cache-control', IMMUTABLE),
    allowedPath: (path) => /^\/noto-naskh-arabic-[a-z-]+-(400|700)-normal\.woff2$/.test(path),
  });

  app.get('/assets/*', async (request, reply) => {
    const asset = assets.files.get(request.url.split('?')[0] ?? '');
    if (!asset) return sendNotFound(request, reply, { pageContext });
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', IMMUTABLE)
      .send(asset.body);
  });

  await app.register(async (site) => siteRoutes(site, { ...deps, pageContext }));

  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply, { pageContext }));
  app.setErrorHandler((error, request, reply) => {
    const status = error instanceof AppError ? error.status : (error as FastifyError).statusCode;
    if (status === 404) return sendNotFound(request, reply, { pageContext });
    if (status !== undefined && status >= 400 && status < 500) {
      request.log.info({ err: error }, 'bad request');
      return sendError(request, reply, { pageContext }, 400);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, { pageContext }, 500);
  });

  return app;
}
