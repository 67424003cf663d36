/**
 * The Content API, `/api/content/v1/…`: published articles (filtered by
 * section, tag, author and `since`, in pages that follow a cursor), one
 * article by id or slug, a live article's updates (`/articles/:idOrSlug/
 * live-updates`), sections, tags, authors, search and the static
 * pages (`/pages`, `/pages/:slug`: never in the article lists); read with an
 * API key (`Authorization: Bearer midad_…`, or `?key=midad_…`) that an
 * administrator made. Every route declares its parameters and answers as
 * JSON Schema; @fastify/swagger turns them into the OpenAPI 3.1 document
 * at `/api/openapi.json`. A bad parameter is answered 400 with a JSON
 * error that names it; CORS follows MIDAD_API_CORS_ORIGINS.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { ContentApiDeps } from './api-deps.js';
import { answerErrorsAsJson } from './api-errors.js';
import { requireApiKey } from './api-key-guard.js';
import { articleRoutes } from './article-routes.js';
import { pageRoutes } from './page-routes.js';
import { publishOpenApi } from './openapi.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { searchRoutes } from './search-routes.js';
import { taxonomyRoutes } from './taxonomy-routes.js';

/** The version path of this API; a breaking change gets a new one. */
export const CONTENT_API_PREFIX = '/api/content/v1';

/** Registers the Content API and its OpenAPI document on `app`. */
export async function contentApi(app: FastifyInstance, deps: ContentApiDeps): Promise<void> {
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await publishOpenApi(app, deps.config);
  await app.register(
    async (api) => {
      await api.register(cors, {
        origin: deps.config.apiCorsOrigins.includes('*') ? '*' : deps.config.apiCorsOrigins,
        methods: ['GET', 'HEAD', 'OPTIONS'],
        allowedHeaders: ['Authorization'],
        maxAge: 600,
      });
      api.addHook('onRequest', requireApiKey(deps));
      answerErrorsAsJson(api);
      api.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'private, max-age=60');
        return payload;
      });
      articleRoutes(api, deps);
      taxonomyRoutes(api, deps);
      searchRoutes(api, deps);
      pageRoutes(api, deps);
    },
    { prefix: CONTENT_API_PREFIX },
  );
}
