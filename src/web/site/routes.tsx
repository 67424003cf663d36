/**
 * The reader site's routes: home page and article pages. Handlers
 * validate, call one service, and render.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseArticleId } from '../../domain/article-id.js';
import { toLatinDigits } from '../../arabic/digits.js';
import { getArticle, getHomePage, getLatestPage } from '../../services/read-pages.js';
import { LatestPage } from '../views/latest-page.js';
import { articlePath } from '../views/page-context.js';
import type { SiteDeps } from './site-deps.js';
import { ArticlePage } from '../views/article-page.js';
import { HomePage } from '../views/home-page.js';
import { renderDocument } from '../views/render.js';
import { isCountableView } from './countable-view.js';
import { sendNotFound } from './error-pages.js';

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  app.get<{ Querystring: { page?: string } }>('/', async (request, reply) => {
    const page = parsePage(request.query.page);
    if (page === null) return sendNotFound(request, reply, deps);
    const ctx = deps.pageContext(request);
    if (page === 1) {
      return sendHtml(reply, renderDocument(<HomePage ctx={ctx} data={await getHomePage(deps)} />));
    }
    const data = await getLatestPage(deps, page);
    if (data === null) return sendNotFound(request, reply, deps);
    return sendHtml(reply, renderDocument(<LatestPage ctx={ctx} data={data} />));
  });

  app.get<{ Params: { id: string } }>('/a/:id', async (request, reply) => {
    const raw = request.params.id;
    // A link typed or shared with Arabic-Indic digits (/a/٢٥٨…) goes to the canonical one.
    if (/[\u0660-\u0669\u06F0-\u06F9]/.test(raw)) {
      const latin = parseArticleId(toLatinDigits(raw));
      if (latin !== null) return reply.redirect(articlePath(latin), 301);
    }
    const id = parseArticleId(raw);
    const article = id === null ? null : await getArticle(deps, id);
    if (article === null) return sendNotFound(request, reply, deps);
    if (isCountableView(request)) deps.viewCounter.record(article.id);
    const shown = {
      ...article,
      viewCount: article.viewCount + deps.viewCounter.pendingFor(article.id),
    };
    return sendHtml(
      reply,
      renderDocument(<ArticlePage ctx={deps.pageContext(request)} article={shown} />),
    );
  });
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
