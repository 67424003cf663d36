/**
 * The Content API's search: published articles, best match first, with a
 * plain-text snippet around the matches.
 */
import type { FastifyInstance } from 'fastify';
import { searchArticles } from '../../services/search-articles.js';
import { plainText } from '../search-text.js';
import { articlePath } from '../views/page-context.js';
import type { ContentApiDeps } from './api-deps.js';
import { errorResponses } from './route-schemas.js';

/** `GET /search?q=`. */
export function searchRoutes(api: FastifyInstance, deps: ContentApiDeps): void {
  api.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search published articles, best match first',
        operationId: 'searchArticles',
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: {
              type: 'string',
              maxLength: 1000,
              description: 'Words, and "phrases" in quotes.',
            },
            limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
            page: { type: 'integer', minimum: 1, maximum: 100, default: 1 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['results', 'meta'],
            properties: {
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'url', 'headline', 'publishedAt', 'snippet'],
                  properties: {
                    id: { type: 'string' },
                    url: { type: 'string', format: 'uri' },
                    headline: { type: 'string' },
                    publishedAt: { type: ['string', 'null'], format: 'date-time' },
                    snippet: { type: 'string', description: 'Plain text around the matches.' },
                  },
                },
              },
              meta: {
                type: 'object',
                required: ['total', 'page'],
                properties: {
                  total: { type: 'integer', description: 'Matches, counted up to 1,000.' },
                  page: { type: 'integer' },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as { q: string; limit: number; page: number };
      const outcome = await searchArticles(deps, {
        q: q.q,
        filters: {},
        sort: 'relevance',
        page: q.page,
        limit: q.limit,
      });
      return {
        results: outcome.results.map((r) => ({
          id: r.id,
          url: `${deps.originOf(request)}${articlePath(r.id)}`,
          headline: r.headline,
          publishedAt: r.publishedAt?.toISOString() ?? null,
          snippet: plainText(r.snippetParts),
        })),
        meta: { total: outcome.total, page: q.page },
      };
    },
  );
}
