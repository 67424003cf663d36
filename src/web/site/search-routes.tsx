/**
 * Search: the page `/search?q=` and the JSON API `/api/search?q=&limit=`,
 * both served through the page cache, keyed by the tidied form
 * (search-params.ts `searchCacheKey`): in a spike, most readers search
 * the same few words, and each is searched once a minute at most. A
 * search is kept from its second ask within a minute, so that random
 * queries do not push articles out of the cache's bound. A
 * publish or unpublish purges them (key `latest`), and a change to an
 * article they list purges them by its link (`a<id>`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { surrogateKey } from '../../domain/public-change.js';
import { searchArticles } from '../../services/search-articles.js';
import { sectionNames } from '../../services/taxonomy-lists.js';
import { CACHED_ROUTE } from '../cache/cached-pages.js';
import { markedHtml, plainText } from '../search-text.js';
import type { PageContext } from '../views/page-context.js';
import { renderDocument } from '../views/render.js';
import { SearchPage } from '../views/search-page.js';
import { htmlPage } from './html-page.js';
import { apiLimit, PAGE_SIZE, searchCacheKey, searchForm, searchRequest } from './search-params.js';
import type { SiteDeps } from './site-deps.js';
import { SEARCH_PATH } from './site-paths.js';

/**
 * How long a search is kept, here and in a CDN: short, as an edit that
 * changes an article's words (and so the order of results) purges only
 * the searches that list it, not those it now matches.
 */
const SEARCH_MAX_AGE_MS = 60_000;
const API_SEARCH_PATH = '/api/search';

export async function searchRoutes(
  app: FastifyInstance,
  deps: SiteDeps & { timeZone: string; context: (request: FastifyRequest) => Promise<PageContext> },
): Promise<void> {
  const keep = {
    maxAgeMs: SEARCH_MAX_AGE_MS,
    sharedMaxAgeS: SEARCH_MAX_AGE_MS / 1000,
    keepOnSecondAsk: true,
  };

  app.get(SEARCH_PATH, CACHED_ROUTE, async (request, reply) => {
    const form = searchForm(request.query);
    const key = searchCacheKey(deps.originOf(request), SEARCH_PATH, form);
    await deps.pages.serve(request, reply, key, async () => {
      const [outcome, sections, ctx] = await Promise.all([
        searchArticles(deps, searchRequest(form, deps.timeZone, PAGE_SIZE)),
        sectionNames(deps),
        deps.context(request),
      ]);
      return htmlPage(
        renderDocument(
          <SearchPage
            ctx={ctx}
            form={form}
            sections={sections}
            outcome={outcome}
            perPage={PAGE_SIZE}
          />,
        ),
        ctx,
        { keys: [surrogateKey.latest], ...keep },
      );
    });
    return reply;
  });

  app.get(API_SEARCH_PATH, CACHED_ROUTE, async (request, reply) => {
    const form = searchForm(request.query);
    const limit = apiLimit(request.query);
    const key = searchCacheKey(deps.originOf(request), API_SEARCH_PATH, form, limit);
    await deps.pages.serve(request, reply, key, async () => {
      const outcome = await searchArticles(deps, searchRequest(form, deps.timeZone, limit));
      const body = {
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
      };
      return {
        body: JSON.stringify(body),
        contentType: 'application/json; charset=utf-8',
        keys: [surrogateKey.latest],
        ...keep,
      };
    });
    return reply;
  });
}
