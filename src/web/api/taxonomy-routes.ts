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
import { listingPath } from '../../domain/article-path.js';
import type { ContentApiDeps } from './api-deps.js';
import { authorPhotoPath } from './article-json.js';
import { authorRef } from './schemas.js';
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

/**
 * `GET /sections` or `GET /tags`: each with published articles, as a
 * `counted` item with its listing page's URL.
 */
function countedRoute(
  api: FastifyInstance,
  deps: ContentApiDeps,
  route: {
    kind: 'section' | 'tag';
    plural: 'sections' | 'tags';
    operationId: string;
    read: () => Promise<Array<{ slug: string; name: string; articles: number }>>;
  },
): void {
  api.get(
    `/${route.plural}`,
    {
      schema: {
        tags: ['taxonomy'],
        summary: `Every ${route.kind}`,
        operationId: route.operationId,
        response: { 200: listOf(route.plural, counted), ...errorResponses },
      },
    },
    async (request) => ({
      [route.plural]: (await route.read()).map((item) => ({
        slug: item.slug,
        name: item.name,
        url: `${deps.originOf(request)}${listingPath(route.kind, item.slug)}`,
        articles: item.articles,
      })),
    }),
  );
}

/** `GET /sections`, `GET /tags` and `GET /authors`. */
export function taxonomyRoutes(api: FastifyInstance, deps: ContentApiDeps): void {
  countedRoute(api, deps, {
    kind: 'section',
    plural: 'sections',
    operationId: 'listSections',
    read: () => sectionsWithCounts(deps, 'public'),
  });
  countedRoute(api, deps, {
    kind: 'tag',
    plural: 'tags',
    operationId: 'listTags',
    read: () => tagsWithCounts(deps, 'public'),
  });
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
            required: [...counted.required, 'bio', 'photoUrl'],
            properties: {
              ...counted.properties,
              bio: { type: 'string' },
              photoUrl: authorRef.properties.photoUrl,
            },
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
        photoUrl: a.photo ? `${deps.originOf(request)}${authorPhotoPath(a.photo)}` : null,
        articles: a.articles,
      })),
    }),
  );
}
