/**
 * The reader site's routes: the home page and older pages, article pages
 * (short link `/a/<id>` and canonical `/a/<id>/<slug>`), private previews,
 * and section, tag and author pages. Handlers validate, call one service,
 * and render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toLatinDigits } from '../../arabic/digits.js';
import { parseArticleId } from '../../domain/article-id.js';
import { articleIdOfPreview } from '../../services/previews.js';
import {
  getArticle,
  getArticlePreview,
  getBreakingNews,
  getHomePage,
  getLatestPage,
  getListing,
  type ListingKind,
} from '../../services/read-pages.js';
import { ArticlePage } from '../views/article-page.js';
import { HomePage } from '../views/home-page.js';
import { LatestPage } from '../views/latest-page.js';
import { ListingPage } from '../views/listing-page.js';
import { articlePath, canonicalArticlePath, type PageContext } from '../views/page-context.js';
import { renderDocument } from '../views/render.js';
import { isCountableView } from './countable-view.js';
import { sendNotFound } from './error-pages.js';
import { feedRoutes } from './feeds.routes.js';
import { searchRoutes } from './search-routes.js';
import { sitemapRoutes } from './sitemaps.routes.js';
import type { SiteDeps } from './site-deps.js';

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  /** The page context with the breaking-news ticker. */
  const context = async (request: FastifyRequest): Promise<PageContext> => ({
    ...deps.pageContext(request),
    breaking: await getBreakingNews(deps, deps.now()),
  });

  await searchRoutes(app, { ...deps, context });
  await feedRoutes(app, deps);
  await sitemapRoutes(app, deps);

  app.get<{ Querystring: { page?: string } }>('/', async (request, reply) => {
    const page = parsePage(request.query.page);
    if (page === null) return sendNotFound(request, reply, deps);
    if (page === 1) {
      const data = await getHomePage(deps, deps.now());
      return sendHtml(reply, renderDocument(<HomePage ctx={await context(request)} data={data} />));
    }
    const data = await getLatestPage(deps, page);
    if (data === null) return sendNotFound(request, reply, deps);
    return sendHtml(reply, renderDocument(<LatestPage ctx={await context(request)} data={data} />));
  });

  const article = async (
    request: FastifyRequest<{ Params: { id: string; slug?: string } }>,
    reply: FastifyReply,
  ) => {
    const raw = request.params.id;
    // A link typed or shared with Arabic-Indic digits (/a/٢٥٨…) goes to the canonical one.
    if (/[\u0660-\u0669\u06F0-\u06F9]/.test(raw)) {
      const latin = parseArticleId(toLatinDigits(raw));
      if (latin !== null) return reply.redirect(articlePath(latin), 301);
    }
    const id = parseArticleId(raw);
    const found = id === null ? null : await getArticle(deps, id);
    if (found === null) return sendNotFound(request, reply, deps);
    const slug = request.params.slug;
    if (slug !== undefined && slug !== found.slug) {
      return reply.redirect(canonicalArticlePath(found.id, found.slug), 301);
    }
    if (isCountableView(request)) deps.viewCounter.record(found.id);
    const shown = { ...found, viewCount: found.viewCount + deps.viewCounter.pendingFor(found.id) };
    return sendHtml(
      reply,
      renderDocument(<ArticlePage ctx={await context(request)} article={shown} />),
    );
  };
  app.get<{ Params: { id: string } }>('/a/:id', article);
  app.get<{ Params: { id: string; slug: string } }>('/a/:id/:slug', article);

  app.get<{ Params: { token: string } }>('/preview/:token', async (request, reply) => {
    const id = await articleIdOfPreview(deps, request.params.token);
    const found = id === null ? null : await getArticlePreview(deps, id);
    if (found === null) return sendNotFound(request, reply, deps);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .send(renderDocument(<ArticlePage ctx={await context(request)} article={found} preview />));
  });

  for (const kind of ['section', 'tag', 'author'] as const satisfies readonly ListingKind[]) {
    app.get<{ Params: { slug: string }; Querystring: { page?: string } }>(
      `/${kind}/:slug`,
      async (request, reply) => {
        const page = parsePage(request.query.page);
        const data = page === null ? null : await getListing(deps, kind, request.params.slug, page);
        if (data === null) return sendNotFound(request, reply, deps);
        return sendHtml(
          reply,
          renderDocument(<ListingPage ctx={await context(request)} data={data} />),
        );
      },
    );
  }
}

/** Page number from `?page=`: absent is 1; anything but 1–10000 in digits is null. */
function parsePage(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  return /^[1-9][0-9]{0,3}$/.test(raw) || raw === '10000' ? Number(raw) : null;
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(html);
}
