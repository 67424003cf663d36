/**
 * The Content API, `/api/content/v1/…`: published articles (filtered by
 * section, tag, author and `since`, in pages that follow a cursor), one
 * article by id or slug, sections, tags, authors and search; read with an
 * API key (`Authorization: Bearer midad_…`, or `?key=midad_…`) that an
 * administrator made. Every route declares its parameters and answers as
 * JSON Schema; @fastify/swagger turns them into the OpenAPI 3.1 document
 * at `/api/openapi.json`. A bad parameter is answered 400 with a JSON
 * error that names it; CORS follows MIDAD_API_CORS_ORIGINS.
 */
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/schema.js';
import { ERROR_CATALOGUE, type ErrorCode } from '../../lib/error-catalogue.js';
import { AppError, InvalidParameter } from '../../lib/errors.js';
import { authenticateApiKey } from '../../services/api-keys.js';
import {
  API_PAGE_DEFAULT,
  API_PAGE_MAX,
  findArticleForApi,
  listArticlesForApi,
} from '../../services/content-api.js';
import { searchArticles } from '../../services/search-articles.js';
import type { Database } from '../../storage/database.js';
import { listSections } from '../../storage/repositories/sections.repository.js';
import { listTags } from '../../storage/repositories/tags.repository.js';
import { listPublicAuthors } from '../../storage/repositories/users.repository.js';
import { listingPath } from '../views/listing-page.js';
import { articlePath } from '../views/page-context.js';
import { articleJson } from './article-json.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { plainText } from '../search-text.js';

export interface ContentApiDeps {
  config: Config;
  database: Database;
  now: () => Date;
}

/** The version path of this API; a breaking change gets a new one. */
export const CONTENT_API_PREFIX = '/api/content/v1';

const slugParam = { type: 'string', minLength: 1, maxLength: 200 } as const;
const errors = {
  400: { description: 'A parameter is wrong; `error.parameter` names it.', $ref: 'Error#' },
  401: { description: 'No API key, or one that does not work.', $ref: 'Error#' },
} as const;
const list = (name: string, item: Record<string, unknown>) =>
  ({
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'array', items: item } },
  }) as const;
const counted = {
  type: 'object',
  required: ['slug', 'name', 'url', 'articles'],
  properties: {
    slug: { type: 'string' },
    name: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    articles: { type: 'integer', description: 'Published articles.' },
  },
} as const;

/** The JSON of an error, with its code's status: `{ error: { code, message, parameter? } }`. */
function sendError(reply: FastifyReply, code: ErrorCode, message: string, parameter?: string) {
  return reply
    .code(ERROR_CATALOGUE[code].status)
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...(parameter === undefined ? {} : { parameter }) } });
}

/** The parameter a Fastify validation error is about: `limit`, or `id` for a path. */
function parameterOf(error: FastifyError): string {
  const first = error.validation?.[0];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  const named = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof named === 'string') return named;
  return (first?.instancePath ?? '').replace(/^\//, '').split('/')[0] || 'query';
}

export async function contentApi(app: FastifyInstance, deps: ContentApiDeps): Promise<void> {
  const origin = (request: FastifyRequest) =>
    deps.config.baseUrl ?? `${request.protocol}://${request.host}`;
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${deps.config.siteName}: Content API`,
        version: '1.0.0',
        description:
          'Published articles, sections, tags, authors and search of a Midad site. ' +
          'Every request carries an API key that an administrator makes at /admin/api-keys.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer midad_…' },
          key: { type: 'apiKey', in: 'query', name: 'key' },
        },
      },
      security: [{ bearer: [] }, { key: [] }],
      ...(deps.config.baseUrl ? { servers: [{ url: deps.config.baseUrl }] } : {}),
    },
    hideUntagged: true,
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(app.swagger()),
  );

  await app.register(
    async (api) => {
      await api.register(cors, {
        origin: deps.config.apiCorsOrigins.includes('*') ? '*' : deps.config.apiCorsOrigins,
        methods: ['GET', 'HEAD', 'OPTIONS'],
        allowedHeaders: ['Authorization'],
        maxAge: 600,
      });
      api.addHook('onRequest', async (request, reply) => {
        if (request.method === 'OPTIONS') return;
        const header = request.headers.authorization ?? '';
        const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        const query = (request.query as Record<string, unknown>)['key'];
        const presented = bearer ?? (typeof query === 'string' ? query : undefined);
        if (presented === undefined) {
          reply.header('www-authenticate', 'Bearer');
          return sendError(
            reply,
            'API_KEY_MISSING',
            'Send an API key: Authorization: Bearer midad_…',
          );
        }
        if (!(await authenticateApiKey(deps, presented))) {
          reply.header('www-authenticate', 'Bearer error="invalid_token"');
          return sendError(reply, 'API_KEY_INVALID', 'This API key does not exist or was revoked.');
        }
      });
      api.setErrorHandler((error: FastifyError, request, reply) => {
        if (error.validation)
          return sendError(reply, 'INVALID_PARAMETER', error.message, parameterOf(error));
        if (error instanceof InvalidParameter)
          return sendError(reply, error.code, error.message, error.details.parameter);
        if (error instanceof AppError && error.status < 500)
          return sendError(reply, error.code, error.message);
        request.log.error({ err: error }, 'content API failure');
        return sendError(reply, 'INTERNAL', 'Something went wrong on our side.');
      });
      api.setNotFoundHandler((_request, reply) =>
        sendError(reply, 'NOT_FOUND', 'No such resource in this API.'),
      );
      api.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, max-age=60');
        return payload;
      });

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
              ...errors,
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
            articles: page.articles.map((a) => articleJson(a, origin(request))),
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
              ...errors,
            },
          },
        },
        async (request, reply) => {
          const { idOrSlug } = request.params as { idOrSlug: string };
          const article = await findArticleForApi(deps, idOrSlug);
          if (!article)
            return sendError(reply, 'NOT_FOUND', 'No published article has this id or slug.');
          return { article: articleJson(article, origin(request)) };
        },
      );

      api.get(
        '/sections',
        {
          schema: {
            tags: ['taxonomy'],
            summary: 'Every section',
            operationId: 'listSections',
            response: { 200: list('sections', counted), ...errors },
          },
        },
        async (request) => ({
          sections: (await listSections(deps.database.db, { publishedOnly: true })).map((s) => ({
            slug: s.slug,
            name: s.name,
            url: `${origin(request)}${listingPath('section', s.slug)}`,
            articles: s.articles,
          })),
        }),
      );

      api.get(
        '/tags',
        {
          schema: {
            tags: ['taxonomy'],
            summary: 'Every tag',
            operationId: 'listTags',
            response: { 200: list('tags', counted), ...errors },
          },
        },
        async (request) => ({
          tags: (await listTags(deps.database.db, { publishedOnly: true })).map((t) => ({
            slug: t.slug,
            name: t.name,
            url: `${origin(request)}${listingPath('tag', t.slug)}`,
            articles: t.articles,
          })),
        }),
      );

      api.get(
        '/authors',
        {
          schema: {
            tags: ['taxonomy'],
            summary: 'Everyone with a byline on a published article',
            operationId: 'listAuthors',
            response: {
              200: list('authors', {
                ...counted,
                required: [...counted.required, 'bio'],
                properties: { ...counted.properties, bio: { type: 'string' } },
              }),
              ...errors,
            },
          },
        },
        async (request) => ({
          authors: (await listPublicAuthors(deps.database.db)).map((a) => ({
            slug: a.slug,
            name: a.displayName,
            url: `${origin(request)}${listingPath('author', a.slug)}`,
            bio: a.bio,
            articles: a.articles,
          })),
        }),
      );

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
              ...errors,
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
              url: `${origin(request)}${articlePath(r.id)}`,
              headline: r.headline,
              publishedAt: r.publishedAt?.toISOString() ?? null,
              snippet: plainText(r.snippetParts),
            })),
            meta: { total: outcome.total, page: q.page },
          };
        },
      );
    },
    { prefix: CONTENT_API_PREFIX },
  );
}
