/**
 * The reader site's routes: home page and article pages. Handlers
 * validate, call one service, and render.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseArticleId } from '../../domain/article-id.js';
import { getArticle, getHomePage } from '../../services/read-pages.js';
import type { SiteDeps } from './site-deps.js';
import { ArticlePage } from '../views/article-page.js';
import { HomePage } from '../views/home-page.js';
import { renderDocument } from '../views/render.js';
import { isCountableView } from './countable-view.js';
import { sendNotFound } from './error-pages.js';

export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  app.get('/', async (request, reply) => {
    const data = await getHomePage(deps);
    return sendHtml(
      reply,
      renderDocument(<HomePage ctx={deps.pageContext(request)} data={data} />),
    );
  });

  app.get<{ Params: { id: string } }>('/a/:id', async (request, reply) => {
    const id = parseArticleId(request.params.id);
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

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(html);
}
