/**
 * The Content API's sections, tags and authors: those with published
 * articles, each with its page on the site and how many it has.
 */
import type { FastifyInstance } from 'fastify';
import {
  publicAuthors,
  sectionsWithCounts,
  tagsWithCounts,
} from '../../services/taxonomy-lists.js';
import { listingPath } from '../views/listing-page.js';
import type { ContentApiDeps } from './api-deps.js';
import { errorResponses, listOf } from './route-schemas.js';

/** A section, tag or author of a list, with its number of published articles. */
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

/** `GET /sections`, `GET /tags` and `GET /authors`. */
export function taxonomyRoutes(api: FastifyInstance, deps: ContentApiDeps): void {
  api.get(
    '/sections',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'Every section',
        operationId: 'listSections',
        response: { 200: listOf('sections', counted), ...errorResponses },
      },
    },
    async (request) => ({
      sections: (await sectionsWithCounts(deps, 'public')).map((s) => ({
        slug: s.slug,
        name: s.name,
        url: `${deps.originOf(request)}${listingPath('section', s.slug)}`,
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
        response: { 200: listOf('tags', counted), ...errorResponses },
      },
    },
    async (request) => ({
      tags: (await tagsWithCounts(deps, 'public')).map((t) => ({
        slug: t.slug,
        name: t.name,
        url: `${deps.originOf(request)}${listingPath('tag', t.slug)}`,
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
          200: listOf('authors', {
            ...counted,
            required: [...counted.required, 'bio'],
            properties: { ...counted.properties, bio: { type: 'string' } },
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      authors: (await publicAuthors(deps)).map((a) => ({
        slug: a.slug,
        name: a.displayName,
        url: `${deps.originOf(request)}${listingPath('author', a.slug)}`,
        bio: a.bio,
        articles: a.articles,
      })),
    }),
  );
}
