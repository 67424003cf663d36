/**
 * The Content API's static pages («من نحن», «اتصل بنا»), read only:
 * `GET /pages` lists the published ones (id, slug, title, address, last
 * change) and `GET /pages/:slug` gives one with its body. Pages are in no
 * article list of the API (services/content-api.ts); these routes are how
 * an app shows them.
 */
import type { FastifyInstance } from 'fastify';
import { pagePath } from '../../domain/article-path.js';
import { getPage, listPublicPages } from '../../services/static-pages.js';
import type { ContentApiDeps } from './api-deps.js';
import { sendError } from './api-errors.js';
import { errorResponses, listOf, slugParam } from './route-schemas.js';

/** What every page item says of itself. */
const PAGE_FIELDS = {
  id: { type: 'string', description: 'Decimal id (up to 19 digits).' },
  slug: { type: 'string' },
  title: { type: 'string' },
  url: { type: 'string', format: 'uri', description: 'Its address on the site, /p/<slug>.' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

const pageItem = {
  type: 'object',
  required: ['id', 'slug', 'title', 'url', 'updatedAt'],
  properties: PAGE_FIELDS,
} as const;

const pageWhole = {
  type: 'object',
  required: ['id', 'slug', 'title', 'url', 'updatedAt', 'excerpt', 'bodyHtml', 'seo'],
  properties: {
    ...PAGE_FIELDS,
    excerpt: { type: 'string' },
    bodyHtml: { type: 'string', description: 'Sanitised HTML.' },
    seo: {
      type: 'object',
      required: ['title', 'description'],
      properties: { title: { type: 'string' }, description: { type: 'string' } },
    },
  },
} as const;

/** `GET /pages` and `GET /pages/:slug`. */
export function pageRoutes(api: FastifyInstance, deps: ContentApiDeps): void {
  api.get(
    '/pages',
    {
      schema: {
        tags: ['pages'],
        summary: 'Published static pages',
        operationId: 'listPages',
        response: { 200: listOf('pages', pageItem), ...errorResponses },
      },
    },
    async (request) => ({
      pages: (await listPublicPages(deps)).flatMap((row) =>
        row.slug === null
          ? []
          : [
              {
                id: row.id,
                slug: row.slug,
                title: row.headline,
                url: `${deps.originOf(request)}${pagePath(row.slug)}`,
                updatedAt: row.updatedAt.toISOString(),
              },
            ],
      ),
    }),
  );

  api.get(
    '/pages/:slug',
    {
      schema: {
        tags: ['pages'],
        summary: 'One published static page, by slug',
        operationId: 'getPage',
        params: {
          type: 'object',
          required: ['slug'],
          properties: { slug: { ...slugParam, description: 'The slug.' } },
        },
        response: {
          200: { type: 'object', required: ['page'], properties: { page: pageWhole } },
          404: { description: 'No published page has this slug.', $ref: 'Error#' },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const page = await getPage(deps, slug);
      if (!page || page.slug === null)
        return sendError(reply, 'NOT_FOUND', 'No published page has this slug.');
      return {
        page: {
          id: page.id,
          slug: page.slug,
          title: page.headline,
          url: `${deps.originOf(request)}${pagePath(page.slug)}`,
          updatedAt: page.updatedAt.toISOString(),
          excerpt: page.excerpt,
          bodyHtml: page.bodyHtml,
          seo: { title: page.seoTitle, description: page.seoDescription },
        },
      };
    },
  );
}
