/**
 * The Content API's articles: published ones, newest first, filtered by
 * section, tag, author and `since`, in pages that follow a cursor; one
 * article by id or slug; and a live article's updates, newest first, in
 * pages that follow the last update's number.
 */
import type { FastifyInstance } from 'fastify';
import {
  API_PAGE_DEFAULT,
  API_PAGE_MAX,
  findArticleForApi,
  listArticlesForApi,
  listLiveUpdatesForApi,
  LIVE_UPDATES_PAGE_DEFAULT,
  LIVE_UPDATES_PAGE_MAX,
} from '../../services/content-api.js';
import { canonicalArticlePath } from '../views/page-context.js';
import type { ContentApiDeps } from './api-deps.js';
import { sendError } from './api-errors.js';
import { articleJson, liveUpdateJson } from './article-json.js';
import { errorResponses, slugParam } from './route-schemas.js';

/** `GET /articles`, `GET /articles/:idOrSlug` and `GET /articles/:idOrSlug/live-updates`. */
export function articleRoutes(api: FastifyInstance, deps: ContentApiDeps): void {
  api.get(
    '/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'Published articles, newest first',
        operationId: 'listArticles',
        querystring: {
          type: 'object',
          properties: {
            section: { ...slugParam, description: 'A section slug.' },
            tag: { ...slugParam, description: 'A tag slug.' },
            author: { ...slugParam, description: 'An author slug.' },
            since: {
              type: 'string',
              format: 'date-time',
              description: 'Only articles published at or after this time (RFC 3339).',
            },
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: API_PAGE_MAX,
              default: API_PAGE_DEFAULT,
            },
            cursor: {
              type: 'string',
              maxLength: 200,
              description: 'The nextCursor of the page before.',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['articles', 'meta'],
            properties: {
              articles: { type: 'array', items: { $ref: 'Article#' } },
              meta: {
                type: 'object',
                required: ['nextCursor'],
                properties: {
                  nextCursor: {
                    type: ['string', 'null'],
                    description: 'Pass as `cursor` for the next page; null on the last.',
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as {
        section?: string;
        tag?: string;
        author?: string;
        since?: string;
        limit: number;
        cursor?: string;
      };
      const page = await listArticlesForApi(deps, {
        section: q.section,
        tag: q.tag,
        author: q.author,
        since: q.since === undefined ? undefined : new Date(q.since),
        limit: q.limit,
        cursor: q.cursor,
      });
      return {
        articles: page.articles.map((a) => articleJson(a, deps.originOf(request))),
        meta: { nextCursor: page.nextCursor },
      };
    },
  );

  api.get(
    '/articles/:idOrSlug',
    {
      schema: {
        tags: ['articles'],
        summary: 'One published article, by id or slug',
        operationId: 'getArticle',
        params: {
          type: 'object',
          required: ['idOrSlug'],
          properties: { idOrSlug: { ...slugParam, description: 'The id, or the slug.' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['article'],
            properties: { article: { $ref: 'Article#' } },
          },
          404: { description: 'No published article has this id or slug.', $ref: 'Error#' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { idOrSlug } = request.params as { idOrSlug: string };
      const article = await findArticleForApi(deps, idOrSlug);
      if (!article)
        return sendError(reply, 'NOT_FOUND', 'No published article has this id or slug.');
      return { article: articleJson(article, deps.originOf(request)) };
    },
  );

  api.get(
    '/articles/:idOrSlug/live-updates',
    {
      schema: {
        tags: ['articles'],
        summary: "A live article's updates, newest first",
        description:
          'Pages follow the updates: pass `meta.nextBefore` as `before` for the next (older) page. ' +
          'A published article that never had live coverage has no update.',
        operationId: 'listLiveUpdates',
        params: {
          type: 'object',
          required: ['idOrSlug'],
          properties: { idOrSlug: { ...slugParam, description: 'The id, or the slug.' } },
        },
        querystring: {
          type: 'object',
          properties: {
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: LIVE_UPDATES_PAGE_MAX,
              default: LIVE_UPDATES_PAGE_DEFAULT,
            },
            before: {
              type: 'integer',
              minimum: 1,
              maximum: 2147483647,
              description:
                'Only updates numbered below this one: the nextBefore of the page before.',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            required: ['liveUpdates', 'meta'],
            properties: {
              liveUpdates: { type: 'array', items: { $ref: 'LiveUpdate#' } },
              meta: {
                type: 'object',
                additionalProperties: false,
                required: ['nextBefore'],
                properties: {
                  nextBefore: {
                    type: ['integer', 'null'],
                    description: 'Pass as `before` for the next page; null on the last.',
                  },
                },
              },
            },
          },
          404: { description: 'No published article has this id or slug.', $ref: 'Error#' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { idOrSlug } = request.params as { idOrSlug: string };
      const q = request.query as { limit: number; before?: number };
      const page = await listLiveUpdatesForApi(deps, idOrSlug, {
        limit: q.limit,
        before: q.before,
      });
      if (!page) return sendError(reply, 'NOT_FOUND', 'No published article has this id or slug.');
      const articleUrl = `${deps.originOf(request)}${canonicalArticlePath(page.article.id, page.article.slug)}`;
      return {
        liveUpdates: page.updates.map((u) => liveUpdateJson(u, articleUrl)),
        meta: { nextBefore: page.nextBefore },
      };
    },
  );
}
