/**
 * The Content API's OpenAPI 3.1 document at `/api/openapi.json`:
 * @fastify/swagger builds it from the JSON Schemas every route declares.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/schema.js';

/** Registers @fastify/swagger on `app` and serves its document (cached 5 minutes). */
export async function publishOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${config.siteName}: Content API`,
        version: '1.0.0',
        description:
          'Published articles, sections, tags, authors, search and static pages of a Midad site. ' +
          'Every request carries an API key that an administrator makes at /admin/api-keys.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer midad_…' },
          key: { type: 'apiKey', in: 'query', name: 'key' },
        },
      },
      security: [{ bearer: [] }, { key: [] }],
      ...(config.baseUrl ? { servers: [{ url: config.baseUrl }] } : {}),
    },
    hideUntagged: true,
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(app.swagger()),
  );
}
