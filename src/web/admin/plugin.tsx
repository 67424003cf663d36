/**
 * The newsroom at /admin, as one Fastify plugin scope: cookies, form
 * bodies and CSRF protection; the session and the admin's language read
 * on every request; and every route of the registry with its permission
 * enforced before its handler.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, isRole } from '../../domain/roles.js';
import { AppError } from '../../lib/errors.js';
import type { User } from '../../domain/user.js';
import { translator, type Language } from '../../i18n/format.js';
import { resolveSession } from '../../services/sessions.js';
import { wireDeskAccess } from '../../services/wire-queue.js';
import type { AdminAssets, AdminContext, AdminVoice } from './admin-context.js';
import { sendPage, type AdminDeps, type AdminKit } from './admin-kit.js';
import { accountRoutes } from './routes/account.routes.js';
import { profileRoutes } from './routes/profile.routes.js';
import { articleSearchRoutes } from './routes/article-search.routes.js';
import { articlesRoutes } from './routes/articles.routes.js';
import { pagesRoutes } from './routes/pages.routes.js';
import { frontPageRoutes } from './routes/front-page.routes.js';
import { revisionsRoutes } from './routes/revisions.routes.js';
import { taxonomyRoutes } from './routes/taxonomy.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { dashboardRoutes } from './routes/dashboard.routes.js';
import { mediaRoutes } from './routes/media.routes.js';
import { apiKeysRoutes } from './routes/api-keys.routes.js';
import { webhooksRoutes } from './routes/webhooks.routes.js';
import { wireRoutes } from './routes/wire.routes.js';
import { liveDeskRoutes } from './routes/live-desk.routes.js';
import { redirectsRoutes } from './routes/redirects.routes.js';
import { usersRoutes } from './routes/users.routes.js';
import { liveReadersRoutes } from './routes/live-readers.routes.js';
import { newslettersRoutes } from './routes/newsletters.routes.js';
import { telegramRoutes } from './routes/telegram.routes.js';
import { mirrorsRoutes } from './routes/mirrors.routes.js';
import { reachRoutes } from './routes/reach.routes.js';
import { formatNumber } from '../../arabic/digits.js';
import { jsonError, jsonRefusal, wantsJson } from './json-errors.js';
import type { AdminRoute, Permission } from './route-registry.js';
import { LANGUAGE_COOKIE, SESSION_COOKIE } from './session-cookie.js';
import { csrfTokenOf, multipartOptions } from './uploads.js';
import { ForbiddenPage, RefusedRequestPage } from './views/auth-pages.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in, active user, or null. Set for /admin requests. */
    user: User | null;
    /** The newsroom's language for this request. */
    adminLang: Language;
    /** Whether the signed-in user may see the wire desk (its menu link). */
    wireDesk: boolean;
  }
}

/**
 * Saves one writer may send in a minute (form saves, autosaves, new
 * articles); more get 429 TOO_MANY_SAVES before their body is read. The
 * editor autosaves at most every few seconds; a script that posts bodies
 * back to back would otherwise keep both cores busy sanitising them and
 * slow every reader's page (issue 13: 3× the idle latency unpaced).
 */
export const SAVES_PER_MINUTE = 60;
/**
 * The largest request a save may send, bytes: a body at its limit of
 * 200,000 characters (domain/body-html-limits.ts) of Arabic takes 1.2 MB
 * form-encoded (6 bytes a letter), over the 1 MiB that other requests get.
 */
export const SAVE_REQUEST_MAX_BYTES = 4 * 1024 * 1024;
const SAVE_ROUTES: ReadonlySet<string> = new Set([
  'articles.create',
  'articles.save',
  'articles.autosave',
  'articles.autosave-new',
  'live.post',
  'live.update.save',
]);

/** Every newsroom route, in the order they are registered. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  ...authRoutes,
  ...dashboardRoutes,
  ...articlesRoutes,
  ...pagesRoutes,
  ...frontPageRoutes,
  ...revisionsRoutes,
  ...taxonomyRoutes,
  ...articleSearchRoutes,
  ...accountRoutes,
  ...profileRoutes,
  ...usersRoutes,
  ...mediaRoutes,
  ...apiKeysRoutes,
  ...webhooksRoutes,
  ...redirectsRoutes,
  ...wireRoutes,
  ...liveReadersRoutes,
  ...liveDeskRoutes,
  ...newslettersRoutes,
  ...telegramRoutes,
  ...mirrorsRoutes,
  ...reachRoutes,
];

export async function adminPlugin(
  app: FastifyInstance,
  options: AdminDeps & { assets: AdminAssets },
): Promise<void> {
  const { assets, ...deps } = options;
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, multipartOptions(deps.config));
  await app.register(csrf, {
    cookieKey: 'midad_csrf',
    cookieOpts: { path: '/admin', httpOnly: true, sameSite: 'lax', secure: 'auto' },
    getToken: csrfTokenOf,
  });
  app.decorateRequest('user', null);
  app.decorateRequest('adminLang', 'ar');
  app.decorateRequest('wireDesk', false);

  // A request that sent or asks for JSON gets JSON (json-errors.ts); refusals in
  // the newsroom get the newsroom's page, in the admin's language; anything else
  // goes on to the site's error handling.
  app.setErrorHandler((error, request, reply) => {
    if (wantsJson(request)) {
      const answer = jsonError(adminVoice(request, deps), error);
      if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ err: error }, 'refused');
      return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
    }
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FORBIDDEN' || code.startsWith('FST_CSRF')) {
      const ctx = kit.context(request, reply);
      const message = code === 'FORBIDDEN' ? undefined : ctx.t('admin.error.CSRF');
      return kit.render(reply, <ForbiddenPage ctx={ctx} message={message} />, 403);
    }
    // A form post (no JavaScript) over its size limit or past the limit of saves
    // gets the newsroom's page saying so, not the reader's «bad request» or an empty 429.
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'TOO_MANY_SAVES') {
      request.log.info({ err: error }, 'refused');
      const ctx = kit.context(request, reply);
      const bodyLimit = request.routeOptions.bodyLimit ?? SAVE_REQUEST_MAX_BYTES;
      const message =
        code === 'TOO_MANY_SAVES'
          ? ctx.t('admin.refused.tooMany')
          : ctx.t('admin.refused.tooLarge', {
              max: formatNumber(Math.round(bodyLimit / (1024 * 1024)), ctx.locale.numerals),
            });
      reply.header('cache-control', 'no-store');
      return kit.render(
        reply,
        <RefusedRequestPage ctx={ctx} message={message} />,
        code === 'TOO_MANY_SAVES' ? 429 : 413,
      );
    }
    throw error;
  });

  app.addHook('onRequest', async (request) => {
    request.adminLang = request.cookies[LANGUAGE_COOKIE] === 'en' ? 'en' : 'ar';
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await resolveSession(deps, token) : null;
    request.wireDesk = await mayUseWireDesk(deps, request.user);
  });

  const contexts = new WeakMap<FastifyRequest, AdminContext>();
  const kit: AdminKit = {
    deps,
    context: (request, reply) => {
      // One context, so one CSRF token, per request: a second token would
      // replace the first in the cookie, and the form would carry a stale one.
      let ctx = contexts.get(request);
      if (!ctx) {
        ctx = adminContext(request, reply, deps, assets);
        contexts.set(request, ctx);
      }
      return ctx;
    },
    render: sendPage,
    redirect: (reply, location) =>
      reply.code(303).header('cache-control', 'no-store').redirect(location, 303),
  };

  // Counted per signed-in user (set by the hook above, which runs first), else per address.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => (request.user ? `user:${request.user.id}` : `ip:${request.ip}`),
    errorResponseBuilder: () =>
      new AppError('TOO_MANY_SAVES', 'Too many saves in one minute; wait a moment.'),
  });
  const saveLimit = { rateLimit: { max: SAVES_PER_MINUTE, timeWindow: 60_000 } };

  for (const route of ADMIN_ROUTES) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.logLevel ? { logLevel: route.logLevel } : {}),
      ...(SAVE_ROUTES.has(route.id)
        ? { config: saveLimit, bodyLimit: SAVE_REQUEST_MAX_BYTES }
        : {}),
      preHandler: [
        guard(route.permission, kit),
        ...(route.method === 'POST' ? [app.csrfProtection] : []),
      ],
      handler: (request, reply) => route.handler(request, reply, kit),
    });
  }
}

/**
 * Whether `user` may see the wire desk: editors and administrators always;
 * contributors and authors when an administrator opened it to them (a
 * setting, read only for them).
 */
async function mayUseWireDesk(deps: AdminDeps, user: User | null): Promise<boolean> {
  if (!user || !isRole(user.role)) return false;
  if (can(user, 'wire.view')) return true;
  return (await wireDeskAccess(deps, { id: user.id, role: user.role })).see;
}

/** Enforces a route's permission: sign-in page for visitors, 403 for a role that may not. */
function guard(permission: Permission, kit: AdminKit) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (permission === 'public') return;
    if (!request.user && wantsJson(request)) {
      const answer = jsonRefusal(translator(request.adminLang), 'SIGNED_OUT');
      return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
    }
    if (!request.user) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      return kit.redirect(reply, `/admin/login${next}`);
    }
    if (permission !== 'signed-in' && !can(request.user, permission)) {
      if (wantsJson(request)) {
        const answer = jsonRefusal(translator(request.adminLang), 'FORBIDDEN');
        return reply.code(answer.status).header('cache-control', 'no-store').send(answer.body);
      }
      return kit.render(reply, <ForbiddenPage ctx={kit.context(request, reply)} />, 403);
    }
  };
}

function adminContext(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AdminDeps,
  assets: AdminAssets,
): AdminContext {
  const voice = adminVoice(request, deps);
  return {
    ...voice,
    user: request.user,
    wireDesk: request.wireDesk,
    dir: voice.lang === 'ar' ? 'rtl' : 'ltr',
    csrfToken: reply.generateCsrf(),
    siteName: deps.config.siteName,
    assets,
    path: request.url,
  };
}

/** The admin's language, the site's time zone and digits, and the time now. */
function adminVoice(request: FastifyRequest, deps: AdminDeps): AdminVoice {
  const lang = request.adminLang;
  return {
    lang,
    t: translator(lang),
    now: deps.now(),
    locale: {
      lang: 'ar',
      dir: 'rtl',
      timeZone: deps.config.timeZone,
      numerals: lang === 'ar' ? deps.config.numerals : 'latn',
      monthNames: deps.config.monthNames,
      calendar: 'gregory',
    },
  };
}
