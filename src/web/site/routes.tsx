/**
 * The reader site's routes: the home page and older pages, article pages
 * (short link `/a/<id>` and canonical `/a/<id>/<slug>`), static pages
 * (`/p/<slug>`; a page's `/a/<id>` redirects there), private previews,
 * and section, tag and author pages. Handlers validate, call one service,
 * and render. Every page carries the footer menu, so it is labelled
 * `footer` for the cache. What none of them serves goes to `sendNotFound`,
 * which answers an old address with its stored redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toLatinDigits } from '../../arabic/digits.js';
import { parseArticleId } from '../../domain/article-id.js';
import { articleIdOfPreview } from '../../services/previews.js';
import {
  getArticle,
  getArticlePreview,
  getBreakingNews,
  getRelatedArticles,
  getSectionNewest,
  type SectionNewest,
  getHomePage,
  getLatestPage,
  getListing,
} from '../../services/read-pages.js';
import { litePath, type ListingKind } from '../../domain/article-path.js';
import { namesOldItem } from '../../domain/redirect-path.js';
import { oldAddressRule } from '../../domain/old-address-rules.js';
import { ArticlePage } from '../views/article-page.js';
import { HomePage } from '../views/home-page.js';
import { LatestPage } from '../views/latest-page.js';
import { ListingPage } from '../views/listing-page.js';
import { StaticPage } from '../views/static-page.js';
import { CorrectionsPage } from '../views/corrections-page.js';
import { CORRECTIONS_PER_PAGE, listLatestCorrections } from '../../services/article-notes.js';
import { getFooterLinks, getPage } from '../../services/static-pages.js';
import { getSiteHeader } from '../../services/front-page-settings.js';
import { getAlternateAddresses } from '../../services/alternate-addresses.js';
import {
  articlePath,
  canonicalArticlePath,
  pagePath,
  type PageContext,
  type SharedPageParts,
} from '../views/page-context.js';
import type { ArticleSummary } from '../../domain/article.js';
import { renderDocument } from '../views/render.js';
import { LISTING_KEYS, surrogateKey } from '../../domain/public-change.js';
import { CACHED_ROUTE } from '../cache/cached-pages.js';
import { htmlPage } from './html-page.js';
import { viewRoutes } from './view-routes.js';
import { liveEventRoutes, parseUpdateNumber } from '../live/live-events.js';
import { readLivePage } from './live-page.js';
import { sendNotFound, sendRedirect } from './error-pages.js';
import { liteArticlePage, liteHomePage, liteSectionPage } from './lite-pages.js';
import { saveDataOn } from '../save-data.js';
import { feedRoutes } from './feeds.routes.js';
import { searchRoutes } from './search-routes.js';
import { sitemapRoutes } from './sitemaps.routes.js';
import { alertsRoutes } from './alerts.routes.js';
import { mirrorsRoutes } from './mirrors.routes.js';
import { mirrorKeyRoutes } from './mirror-key.routes.js';
import type { SiteDeps } from './site-deps.js';

/** The home page is kept at most a minute: its most-read lists move with the views. */
const FRONT_PAGE_MAX_AGE_MS = 60_000;
/**
 * A live article's page is kept at most 30 s, here and in a CDN
 * (`s-maxage=30`; README: "30 s at most while live"): each update purges
 * it anyway, and this bounds how stale it is if a purge is lost (the
 * change channel delivers at most once) or a reader has no JavaScript.
 */
const LIVE_PAGE_MAX_AGE_MS = 30_000;

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  /**
   * The page context with the breaking-news ticker, the footer menu, the
   * header and the alternate addresses, read once until a public change
   * (deps.sharedParts). A flag that ended since is left out here; the
   * ticker refills within the memo's time.
   */
  const sharedParts = () =>
    deps.sharedParts.get(async () => {
      const [breaking, footer, header, alternates] = await Promise.all([
        getBreakingNews(deps, deps.now()),
        getFooterLinks(deps),
        getSiteHeader(deps),
        getAlternateAddresses(deps),
      ]);
      return { breaking, footer, header, alternates };
    });
  const context = async (request: FastifyRequest): Promise<PageContext> => {
    const parts = await sharedParts();
    const page = deps.pageContext(request);
    const now = page.now.getTime();
    return { ...page, ...parts, breaking: parts.breaking.filter((b) => b.until.getTime() > now) };
  };

  /**
   * Each section's newest articles, for the related articles of its pages:
   * the same for every article of the section, so read once for as long as
   * the shared parts are kept (until a public change, or the memo's time):
   * a map for each reading of them. A failed read is not kept.
   */
  const sectionNewestByParts = new WeakMap<
    SharedPageParts,
    Map<string, Promise<ArticleSummary[]>>
  >();
  const sectionNewest = async (): Promise<SectionNewest> => {
    const parts = await sharedParts();
    let kept = sectionNewestByParts.get(parts);
    if (kept === undefined) sectionNewestByParts.set(parts, (kept = new Map()));
    const map = kept;
    return (sectionId, count) => {
      const key = `${sectionId} ${count}`;
      let found = map.get(key);
      if (found === undefined) {
        const reading = getSectionNewest(deps, sectionId, count);
        reading.catch(() => {
          if (map.get(key) === reading) map.delete(key);
        });
        map.set(key, (found = reading));
      }
      return found;
    };
  };

  // One address per page: `/tag/x/` (an old WordPress or Ghost link, the
  // router taking it for `/tag/x`) moves to `/tag/x` for good; or, when an
  // import stored a redirect for it (a Ghost tag that became a section),
  // straight to that redirect's target, in one hop.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    // Every reader request passes here: only an index lookup and a character test.
    const url = request.url;
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    if (path.length < 2 || !path.endsWith('/') || path.startsWith('//')) return;
    if (path === litePath.home()) return;
    const stored = await storedRedirect(request);
    if (stored !== null) return sendRedirect(reply, stored);
    const bare = canonicalEscapes(path.replace(/\/+$/, '') || '/');
    return reply.redirect(mark === -1 ? bare : `${bare}${url.slice(mark)}`, 301);
  });

  /** The stored redirect of an old address with a trailing slash, or null (none, or the lookup failed). */
  const storedRedirect = async (request: FastifyRequest) => {
    try {
      return (await deps.redirects?.find(request.url)) ?? null;
    } catch (error) {
      request.log.error({ err: error }, 'redirect lookup failed');
      return null;
    }
  };

  await searchRoutes(app, { ...deps, context });
  await feedRoutes(app, { ...deps, context });
  await sitemapRoutes(app, deps);
  await viewRoutes(app, deps);
  await alertsRoutes(app, { ...deps, context });
  await mirrorsRoutes(app, { ...deps, context });
  await mirrorKeyRoutes(app, deps);
  await liveEventRoutes(app, {
    database: deps.database,
    context: deps.pageContext,
    notFound: (request, reply) => sendNotFound(request, reply, deps),
  });

  app.get<{ Querystring: { page?: string } }>('/', CACHED_ROUTE, async (request, reply) => {
    // An old WordPress link (`/?p=123`, `/?cat=4`, `/?s=…`, `/?feed=atom`) is not a visit to the
    // home page: it gets its redirect, or a 404 that the newsroom sees among the missed addresses.
    const url = request.url;
    if (url.includes('?') && (namesOldItem(url) || oldAddressRule(url) !== null))
      return sendNotFound(request, reply, deps);
    const page = parsePage(request.query.page);
    if (page === null) return sendNotFound(request, reply, deps);
    const key = `${deps.originOf(request)}/?page=${page}`;
    const served = await deps.pages.serve(request, reply, key, async () => {
      // A browser asking to save data gets the lite page in place (issue 22).
      if (saveDataOn(request.headers)) return liteHomePage(deps, await context(request), page);
      if (page === 1) {
        const [data, ctx] = await Promise.all([getHomePage(deps, deps.now()), context(request)]);
        return htmlPage(renderDocument(<HomePage ctx={ctx} data={data} />), ctx, {
          keys: [surrogateKey.front, surrogateKey.latest],
          // Its most-read lists move with every view.
          maxAgeMs: FRONT_PAGE_MAX_AGE_MS,
        });
      }
      const data = await getLatestPage(deps, page);
      if (data === null) return null;
      const ctx = await context(request);
      return htmlPage(renderDocument(<LatestPage ctx={ctx} data={data} />), ctx, {
        keys: [surrogateKey.latest],
      });
    });
    return served ? reply : sendNotFound(request, reply, deps);
  });

  /** An article's page, full or (`lite`, at `/lite/a/<id>`) lite. */
  const article =
    (lite: boolean) =>
    async (
      request: FastifyRequest<{
        Params: { id: string; slug?: string };
        Querystring: { before?: string };
      }>,
      reply: FastifyReply,
    ) => {
      const raw = request.params.id;
      const pathOf = lite ? litePath.article : articlePath;
      // A link typed or shared with Arabic-Indic digits (/a/٢٥٨…) goes to the canonical one.
      if (/[\u0660-\u0669\u06F0-\u06F9]/.test(raw)) {
        const latin = parseArticleId(toLatinDigits(raw));
        if (latin !== null) return reply.redirect(pathOf(latin), 301);
      }
      const id = parseArticleId(raw);
      if (id === null) return sendNotFound(request, reply, deps);
      const slug = request.params.slug;
      // A live article's older updates: `?before=<n>` (anything else there is 404).
      const rawBefore = request.query.before;
      const before = rawBefore === undefined ? null : parseUpdateNumber(rawBefore);
      if (rawBefore !== undefined && (before === null || before < 2)) {
        return sendNotFound(request, reply, deps);
      }
      // Kept under the path asked for: a slug is kept only once found right.
      const key = `${deps.originOf(request)}${lite ? '/lite' : ''}/a/${id}${slug === undefined ? '' : `/${slug}`}${before === null ? '' : `?before=${before}`}`;
      const served = await deps.pages.serve(request, reply, key, async () => {
        // The ticker is read while the article is: neither waits for the other.
        const [found, ctx, newest] = await Promise.all([
          getArticle(deps, id),
          context(request),
          sectionNewest(),
        ]);
        if (found === null || found.kind === 'page') return null;
        if (slug !== undefined && slug !== found.slug) return null;
        if (before !== null && found.live === null) return null;
        const shown = { ...found, viewCount: found.viewCount + deps.viewCounter.pendingFor(id) };
        const [related, liveUpdates] = await Promise.all([
          getRelatedArticles(deps, found, newest),
          found.live ? readLivePage(deps, found.id, before) : null,
        ]);
        if (before !== null && liveUpdates?.stream.length === 0) return null;
        // Not keyed by its section or tags: a publish there would evict every
        // page of the section. Its related stories are links, so a change to
        // one of them evicts it (as for any linked article); a newer related
        // story appears when the page is next made. A live update purges `a<id>`.
        const options =
          found.live?.state === 'live'
            ? {
                keys: [],
                maxAgeMs: LIVE_PAGE_MAX_AGE_MS,
                sharedMaxAgeS: LIVE_PAGE_MAX_AGE_MS / 1000,
              }
            : { keys: [] };
        // A browser asking to save data gets the lite page in place (issue 22).
        if (lite || saveDataOn(request.headers)) {
          return liteArticlePage(deps, ctx, shown, related, liveUpdates, options);
        }
        return htmlPage(
          renderDocument(
            <ArticlePage ctx={ctx} article={shown} related={related} liveUpdates={liveUpdates} />,
          ),
          ctx,
          options,
        );
      });
      if (served) return reply;
      // Not found under this path: a static page's id goes to its own address,
      // an old or mistyped slug to the canonical one.
      const found = await getArticle(deps, id);
      if (found?.kind === 'page' && found.slug) return reply.redirect(pagePath(found.slug), 301);
      if (found === null || found.kind === 'page' || slug === undefined) {
        return sendNotFound(request, reply, deps);
      }
      return reply.redirect(canonicalArticlePath(found.id, found.slug), 301);
    };
  app.get<{ Params: { id: string }; Querystring: { before?: string } }>(
    '/a/:id',
    CACHED_ROUTE,
    article(false),
  );
  app.get<{ Params: { id: string; slug: string }; Querystring: { before?: string } }>(
    '/a/:id/:slug',
    CACHED_ROUTE,
    article(false),
  );
  app.get<{ Params: { id: string }; Querystring: { before?: string } }>(
    '/lite/a/:id',
    CACHED_ROUTE,
    article(true),
  );
  // A lite article has one address; a slug after it (a full address with /lite put before it) leads there.
  app.get<{ Params: { id: string; slug: string } }>('/lite/a/:id/:slug', async (request, reply) => {
    const id = parseArticleId(toLatinDigits(request.params.id));
    return id === null
      ? sendNotFound(request, reply, deps)
      : reply.redirect(litePath.article(id), 301);
  });

  // The lite home page and its older pages (`/lite/?page=<n>`); the router
  // (ignoreTrailingSlash) serves `/lite` as the same page.
  app.get<{ Querystring: { page?: string } }>(
    litePath.home(),
    CACHED_ROUTE,
    async (request, reply) => {
      const page = parsePage(request.query.page);
      if (page === null) return sendNotFound(request, reply, deps);
      const key = `${deps.originOf(request)}${litePath.home(page)}`;
      const served = await deps.pages.serve(request, reply, key, async () =>
        liteHomePage(deps, await context(request), page),
      );
      return served ? reply : sendNotFound(request, reply, deps);
    },
  );

  // A static page. Fastify decodes the path, so a slug typed in Arabic and its
  // percent-encoded form are one page, under one cache key.
  app.get<{ Params: { slug: string } }>('/p/:slug', CACHED_ROUTE, async (request, reply) => {
    const slug = request.params.slug;
    const key = `${deps.originOf(request)}/p/${slug}`;
    const served = await deps.pages.serve(request, reply, key, async () => {
      const [page, ctx] = await Promise.all([getPage(deps, slug), context(request)]);
      if (page === null) return null;
      return htmlPage(renderDocument(<StaticPage ctx={ctx} page={page} />), ctx, {
        keys: [surrogateKey.article(page.id)],
      });
    });
    return served ? reply : sendNotFound(request, reply, deps);
  });

  // The corrections page, purged by any correction (key `corrections`) and by a change
  // to an article it lists (its links carry `a<id>`).
  app.get<{ Querystring: { page?: string } }>(
    '/corrections',
    CACHED_ROUTE,
    async (request, reply) => {
      const page = parsePage(request.query.page);
      if (page === null) return sendNotFound(request, reply, deps);
      const key = `${deps.originOf(request)}/corrections?page=${page}`;
      const served = await deps.pages.serve(request, reply, key, async () => {
        const found = await listLatestCorrections(deps, {
          limit: CORRECTIONS_PER_PAGE,
          offset: (page - 1) * CORRECTIONS_PER_PAGE,
        });
        if (page > 1 && found.items.length === 0) return null;
        const ctx = await context(request);
        const data = {
          page,
          items: found.items,
          hasOlder: found.total > page * CORRECTIONS_PER_PAGE,
        };
        return htmlPage(renderDocument(<CorrectionsPage ctx={ctx} data={data} />), ctx, {
          keys: [surrogateKey.corrections],
        });
      });
      return served ? reply : sendNotFound(request, reply, deps);
    },
  );

  app.get<{ Params: { token: string } }>('/preview/:token', async (request, reply) => {
    const id = await articleIdOfPreview(deps, request.params.token);
    const found = id === null ? null : await getArticlePreview(deps, id);
    if (found === null) return sendNotFound(request, reply, deps);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .send(
        renderDocument(
          found.kind === 'page' ? (
            <StaticPage ctx={await context(request)} page={found} preview />
          ) : (
            <ArticlePage ctx={await context(request)} article={found} preview />
          ),
        ),
      );
  });

  // Section, tag and author pages; a section's lite pages at `/lite/section/<slug>`, and
  // in place of the full ones for a browser asking to save data (issue 22).
  const listings = [
    ...(['section', 'tag', 'author'] as const).map((kind) => ({ kind, lite: false })),
    { kind: 'section', lite: true },
  ] as const satisfies readonly { kind: ListingKind; lite: boolean }[];
  for (const { kind, lite } of listings) {
    app.get<{ Params: { slug: string }; Querystring: { page?: string } }>(
      `${lite ? '/lite' : ''}/${kind}/:slug`,
      CACHED_ROUTE,
      async (request, reply) => {
        const page = parsePage(request.query.page);
        if (page === null) return sendNotFound(request, reply, deps);
        const key = `${deps.originOf(request)}${lite ? '/lite' : ''}/${kind}/${request.params.slug}?page=${page}`;
        const served = await deps.pages.serve(request, reply, key, async () => {
          const data = await getListing(deps, kind, request.params.slug, page);
          if (data === null) return null;
          const ctx = await context(request);
          if (kind === 'section' && (lite || saveDataOn(request.headers))) {
            return liteSectionPage(ctx, data);
          }
          return htmlPage(renderDocument(<ListingPage ctx={ctx} data={data} />), ctx, {
            keys: [LISTING_KEYS[kind](data.id)],
          });
        });
        return served ? reply : sendNotFound(request, reply, deps);
      },
    );
  }
}

/** `path` with its escapes as the site writes them (upper case, RFC 3986 §2.1); unchanged when malformed. */
function canonicalEscapes(path: string): string {
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return path;
  }
}

/** Page number from `?page=`: absent is 1; anything but 1–10000 in digits is null. */
function parsePage(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  return /^[1-9][0-9]{0,3}$/.test(raw) || raw === '10000' ? Number(raw) : null;
}
