/**
 * Search: the page `/search?q=` and the JSON API `/api/search?q=&limit=`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { searchArticles } from '../../services/search-articles.js';
import { sectionNames } from '../../services/taxonomy-lists.js';
import { markedHtml, plainText } from '../search-text.js';
import type { PageContext } from '../views/page-context.js';
import { renderDocument } from '../views/render.js';
import { SearchPage } from '../views/search-page.js';
import { apiLimit, PAGE_SIZE, searchForm, searchRequest } from './search-params.js';
import type { SiteDeps } from './site-deps.js';
import { SEARCH_PATH } from './site-paths.js';

export async function searchRoutes(
  app: FastifyInstance,
  deps: SiteDeps & { timeZone: string; context: (request: FastifyRequest) => Promise<PageContext> },
): Promise<void> {
  app.get(SEARCH_PATH, async (request, reply) => {
    const form = searchForm(request.query);
    const [outcome, sections] = await Promise.all([
      searchArticles(deps, searchRequest(form, deps.timeZone, PAGE_SIZE)),
      sectionNames(deps),
    ]);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        renderDocument(
          <SearchPage
            ctx={await deps.context(request)}
            form={form}
            sections={sections}
            outcome={outcome}
            perPage={PAGE_SIZE}
          />,
        ),
      );
  });

  app.get('/api/search', async (request, reply) => {
    const form = searchForm(request.query);
    const limit = apiLimit(request.query);
    const outcome = await searchArticles(deps, searchRequest(form, deps.timeZone, limit));
    return reply.header('cache-control', 'no-cache').send({
      query: form.q,
      total: outcome.total,
      page: form.page,
      limit,
      results: outcome.results.map((r) => ({
        id: r.id,
        headline: r.headline,
        url: `/a/${r.id}`,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        section: r.section,
        snippet: plainText(r.snippetParts),
        snippetHtml: markedHtml(r.snippetParts),
        headlineHtml: markedHtml(r.headlineParts),
      })),
    });
  });
}
